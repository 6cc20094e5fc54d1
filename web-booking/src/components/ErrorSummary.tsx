import { useText } from '@bc/schema';
import { type MouseEvent, useEffect, useId, useRef } from 'react';

export type SummaryItem = {
  text: string /** id of the field to jump to; none for problems without a field */;
  targetId?: string;
};

/** Moves the focus to a field (the first control inside a group) without touching the address bar. */
export function focusField(targetId: string): void {
  const target = document.getElementById(targetId);
  if (!target) return;
  // In a group: the part marked as the place of the error, its checked control, else its first control.
  const group = target.querySelector<HTMLElement>('[data-error-target]') ?? target;
  const control =
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement
      ? target
      : (group.querySelector<HTMLElement>('input:checked') ??
        group.querySelector<HTMLElement>('input, select, textarea, button'));
  (control ?? target).focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}

/**
 * KERN's error summary: above the form, takes the focus when it appears (or when `focusKey` changes, e.g. on each
 * failed submit), so screen readers read it at once; each entry links to its field.
 */
export function ErrorSummary(props: { items: readonly SummaryItem[]; focusKey: unknown; title?: string }) {
  const { t } = useText();
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again on every new attempt, not on every render
  useEffect(() => {
    ref.current?.focus();
  }, [props.focusKey]);
  if (props.items.length === 0) return null;
  const jump = (event: MouseEvent<HTMLAnchorElement>, targetId: string) => {
    // A real fragment change would be a route change here (and the manage page keeps its token in the fragment).
    event.preventDefault();
    focusField(targetId);
  };
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="kern-alert kern-alert--danger bc-error-summary"
      aria-labelledby={titleId}
    >
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 id={titleId} className="kern-title">
          {props.title ?? t('errors.summaryTitle')}
        </h2>
      </div>
      <div className="kern-alert__body">
        <ul className="bc-error-summary__list">
          {props.items.map((item) => (
            <li key={`${item.targetId ?? ''}:${item.text}`} className="kern-body">
              {item.targetId ? (
                <a
                  href={`#${item.targetId}`}
                  className="kern-link bc-error-summary__link"
                  onClick={(e) => jump(e, item.targetId as string)}
                >
                  {item.text}
                </a>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
