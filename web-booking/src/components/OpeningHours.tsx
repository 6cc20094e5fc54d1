import { useText } from '@bc/schema';
import { Fragment } from 'react';
import { formatDayMonth, formatWeekday, todayIn } from '../lib/datetime';
import { type Interval, weekOf } from '../lib/opening-hours';

type Span = { opensAt: string; closesAt: string };

/** "07:30–12:30, 13:30–15:30 Uhr": "Uhr" once, after the last time; screen readers hear "bis" for the dash. */
function Intervals(props: { intervals: readonly Span[] }) {
  const { t } = useText();
  return props.intervals.map((i, index) => (
    <Fragment key={i.opensAt}>
      {index > 0 && ', '}
      <span className="bc-nowrap">
        {i.opensAt}
        <span aria-hidden="true">–</span>
        <span className="kern-sr-only"> {t('office.intervalTo')} </span>
        {index === props.intervals.length - 1 ? t('office.closingTime', { time: i.closesAt }) : i.closesAt}
      </span>
    </Fragment>
  ));
}

/** The opening hours of the building, one line per weekday, e.g. "Montag 07:30–12:30, 13:30–15:30 Uhr". */
export function OpeningHours(props: { hours: readonly Interval[] }) {
  const { t } = useText();
  return (
    <dl className="bc-hours">
      {weekOf(props.hours).map((day) => (
        <div key={day.weekday} className="bc-hours__day">
          <dt className="kern-body kern-body--bold">{t(`weekdays.${day.weekday}`)}</dt>
          <dd className="kern-body">
            {day.intervals.length === 0 ? (
              <span className="bc-muted">{t('office.closed')}</span>
            ) : (
              <Intervals intervals={day.intervals} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export type SpecialDay = { date: string; closed: boolean; reason: string; hours: readonly Span[] };

/**
 * The coming days that differ from the weekly hours, e.g. "Freitag, 26. März: geschlossen (Karfreitag)" or
 * "Samstag, 13. März: 09:00–12:00 Uhr (Samstagsöffnung)". The reason is the office's own text (German).
 */
export function SpecialDays(props: { days: readonly SpecialDay[]; timeZone: string; reasonLang: string }) {
  const { t, i18n } = useText();
  const lang = i18n.language;
  const currentYear = todayIn(props.timeZone).slice(0, 4);
  return (
    <dl className="bc-hours">
      {props.days.map((day) => (
        <div key={day.date} className="bc-hours__date">
          <dt className="kern-body kern-body--bold">
            {formatWeekday(day.date, lang)}, {formatDayMonth(day.date, lang, currentYear)}
          </dt>
          <dd className="kern-body">
            {day.closed ? t('office.closed') : <Intervals intervals={day.hours} />}
            {day.reason && (
              <>
                {' '}
                (<span lang={props.reasonLang}>{day.reason}</span>)
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
