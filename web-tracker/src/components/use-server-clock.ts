import { useCallback, useEffect, useRef, useState } from 'react';
import { clockOffset, msUntilNextSecond } from './server-clock';

/**
 * A clock set by the server's time: each `sync(serverTime)` stores the offset to the local clock, and the clock
 * ticks locally every second with that offset, also while the connection is down. `now` is undefined until the
 * first sync, so a wrong local clock is never shown. `lastSync` is a monotonic timestamp (performance.now()).
 */
export function useServerClock() {
  const offset = useRef(0);
  const lastSync = useRef(performance.now());
  const [now, setNow] = useState<number>();
  const synced = now !== undefined;

  const sync = useCallback((serverTimeIso: string) => {
    const value = clockOffset(serverTimeIso, Date.now());
    if (value === undefined) return;
    offset.current = value;
    lastSync.current = performance.now();
    setNow(Date.now() + value);
  }, []);

  useEffect(() => {
    if (!synced) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          setNow(Date.now() + offset.current);
          schedule();
        },
        msUntilNextSecond(Date.now() + offset.current),
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [synced]);

  return { now, sync, lastSync };
}
