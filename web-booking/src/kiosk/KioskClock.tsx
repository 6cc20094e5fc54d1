import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { formatTime } from '../lib/datetime';

const KioskServerTimeSubscription = graphql(`
  subscription KioskServerTime {
    serverTime
  }
`);

/** After a failed subscription, start it again this soon. */
const RETRY_MS = 10_000;

/**
 * The time on the office's clock (HH:MM). It follows the server's time, not the terminal's own clock (screens on
 * the wall drift): the offset is kept from each serverTime value and the clock ticks locally in between, also
 * while the connection is down. Dashes until the server's time has arrived once.
 */
export function KioskClock(props: { timeZone: string }) {
  const { t, i18n } = useTranslation();
  const offset = useRef<number | null>(null);
  const [now, setNow] = useState<number | null>(null);
  const { error, restart } = useSubscription(KioskServerTimeSubscription, {
    onData: ({ data }) => {
      const server = Date.parse(data.data?.serverTime ?? '');
      if (Number.isNaN(server)) return;
      offset.current = server - Date.now();
      setNow(server);
    },
  });
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(restart, RETRY_MS);
    return () => clearTimeout(timer);
  }, [error, restart]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (offset.current !== null) setNow(Date.now() + offset.current);
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  return (
    <p className="kiosk__clock">
      <span className="kern-sr-only">{t('kiosk.clock')} </span>
      {now === null ? (
        <span aria-hidden="true">--:--</span>
      ) : (
        <time data-testid="kiosk-clock">{formatTime(new Date(now), props.timeZone, i18n.language)}</time>
      )}
    </p>
  );
}
