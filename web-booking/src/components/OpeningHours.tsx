import { Fragment } from 'react';
import { type Interval, weekOf } from '../lib/opening-hours';
import { useText } from '../lib/reading-preferences';

/** The opening hours of the building, one line per weekday, e.g. "Montag 07:30–12:30, 13:30–15:30 Uhr"; "Uhr" once, after the last time. */
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
              day.intervals.map((i, index) => (
                <Fragment key={i.opensAt}>
                  {index > 0 && ', '}
                  <span className="bc-nowrap">
                    {i.opensAt}
                    <span aria-hidden="true">–</span>
                    <span className="kern-sr-only"> {t('office.intervalTo')} </span>
                    {index === day.intervals.length - 1 ? t('office.closingTime', { time: i.closesAt }) : i.closesAt}
                  </span>
                </Fragment>
              ))
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
