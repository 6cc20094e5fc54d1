import { useCallback, useState } from 'react';
import type { Notice } from '../queue/outcome-text';

type Shown = Notice & { key: number };

/**
 * The page's live region: present from the first render (so screen readers know it), polite, read as a whole. It
 * shows the latest result ("Nummer W012 aufgerufen", "Niemand wartet") as a KERN alert; the same sentence twice is
 * announced twice, since each notice replaces the node.
 */
export function StatusRegion(props: { notice: Shown | null; className?: string }) {
  const n = props.notice;
  return (
    <div className={`bc-status-region ${props.className ?? ''}`} role="status" aria-atomic="true">
      {n && (
        <div key={n.key} className={`kern-alert kern-alert--${n.tone}`}>
          <div className="kern-alert__header">
            <span className={`kern-icon kern-icon--${n.tone}`} aria-hidden="true" />
            <p className="kern-title">{n.text}</p>
          </div>
        </div>
      )}
    </div>
  );
}

/** State for a StatusRegion: `show` replaces the notice, `clear` empties the region. */
export function useNotice() {
  const [notice, setNotice] = useState<Shown | null>(null);
  const show = useCallback((n: Notice) => setNotice({ ...n, key: Date.now() + Math.random() }), []);
  const clear = useCallback(() => setNotice(null), []);
  return { notice, show, clear };
}
