import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clockFormat } from './server-clock';

/** The big clock of the call display; shows dashes until the server's time has arrived once. */
export function DisplayClock(props: { now: number | undefined; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const format = useMemo(() => clockFormat(i18n.language, props.timeZone), [i18n.language, props.timeZone]);
  return (
    <p className="tr-display__clock">
      <span className="kern-sr-only">{t('display.clock')} </span>
      {props.now === undefined ? (
        <>
          <span aria-hidden="true">--:--:--</span>
          <span className="kern-sr-only">{t('display.clockPending')}</span>
        </>
      ) : (
        <time data-testid="display-clock">{format.format(props.now)}</time>
      )}
    </p>
  );
}
