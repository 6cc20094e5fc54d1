import { useEffect, useRef, useState } from 'react';

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onTimeout` after `timeoutMs` without a touch, click or key; `restartKey` starts the count again (a new
 * screen). During the last `warnMs` it returns the seconds left, so the screen can warn; any activity extends.
 */
export function useIdleTimer(opts: { timeoutMs: number; warnMs: number; restartKey: unknown; onTimeout: () => void }): {
  secondsLeft: number | null;
} {
  const { timeoutMs, warnMs, restartKey } = opts;
  const last = useRef(Date.now());
  const onTimeout = useRef(opts.onTimeout);
  onTimeout.current = opts.onTimeout;
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new restartKey (a new screen) starts the count again
  useEffect(() => {
    last.current = Date.now();
    setSecondsLeft(null);
    const touched = () => {
      last.current = Date.now();
      setSecondsLeft(null);
    };
    for (const type of activityEvents) window.addEventListener(type, touched, { capture: true, passive: true });
    const timer = setInterval(() => {
      const left = timeoutMs - (Date.now() - last.current);
      if (left <= 0) {
        last.current = Date.now();
        setSecondsLeft(null);
        onTimeout.current();
      } else {
        setSecondsLeft(left <= warnMs ? Math.ceil(left / 1000) : null);
      }
    }, 500);
    return () => {
      clearInterval(timer);
      for (const type of activityEvents) window.removeEventListener(type, touched, { capture: true });
    };
  }, [timeoutMs, warnMs, restartKey]);

  return { secondsLeft };
}
