import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../lib/typing';

/**
 * Single-key shortcuts for the page (N, R, S, F, U at the workstation). They stay silent while the user types or
 * chooses in a field, while a dialog is open, and with Ctrl, Alt or Meta held (the browser's and the screen reader's
 * own keys keep working).
 */
export function useShortcuts(handlers: Record<string, () => void>) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat || e.ctrlKey || e.altKey || e.metaKey) return;
      if (isTypingTarget(e.target) || document.querySelector('dialog[open]')) return;
      const handler = latest.current[e.key.toLowerCase()];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
