import { useText } from '@bc/schema';
import { formatLongDate, formatTime } from '../lib/datetime';

/** "Montag, 30. November 2026, 09:30 bis 09:40 Uhr", on the office's clock; the end only when it is known. */
export function AppointmentTime(props: { start: string; end?: string | null; timeZone: string }) {
  const { t, i18n } = useText();
  const lang = i18n.language;
  const from = formatTime(props.start, props.timeZone, lang);
  return (
    <>
      <time dateTime={props.start}>{formatLongDate(props.start, props.timeZone, lang)}</time>
      <br />
      <span className="bc-nowrap">
        {props.end
          ? t('when.range', { from, to: formatTime(props.end, props.timeZone, lang) })
          : t('when.at', { time: from })}
      </span>
    </>
  );
}

/** The end of an appointment from its start and length. */
export function endOf(start: string, minutes: number | null | undefined): string | null {
  return minutes ? new Date(Date.parse(start) + minutes * 60_000).toISOString() : null;
}
