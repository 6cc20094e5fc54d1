import { describedBy, FieldError, useText } from '@bc/schema';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  addDays,
  type DayPeriod,
  dayPeriodOf,
  formatDayMonth,
  formatLongDate,
  formatShortWeekday,
  formatTime,
  formatWeekday,
  formatWeekRange,
  groupByDayPeriod,
  localDateOf,
  todayIn,
  weekStartOf,
} from '../lib/datetime';
import type { ServiceChoice } from '../lib/draft';
import { type AvailableDay, useAvailability } from '../lib/use-availability';

/** Up to this many times a day, all parts of the day are open at once (about eight rows on a phone). */
const allOpenUpTo = 40;

const sameInstant = (a: string | null | undefined, b: string) => !!a && Date.parse(a) === Date.parse(b);

/**
 * Choosing a free start: first the day, one week at a time (a radio group of the week's days with free times, laid
 * out as a calendar row, with buttons for the previous and next week), then the time on that day (one radio group,
 * shown in parts of the day: morning, afternoon, evening). Native radios, so arrow keys, Tab and screen readers work
 * as everywhere; each looks like a button at least 44 px tall. Choosing a day by tap, click or Enter moves the focus
 * and the view to its times (arrow keys only browse). Times are on the office's clock. Used when booking and when
 * rescheduling.
 */
export function TimeChoice(props: {
  /** id of the whole choice, the target of error-summary links. */
  id: string;
  officeId: string;
  services: readonly ServiceChoice[];
  timeZone: string;
  horizonDays: number;
  value: string | null;
  onChange: (start: string, durationMinutes: number) => void;
  error?: string;
  /** A start not to offer (when moving an appointment: its current time). */
  exclude?: string;
  /** When moving an appointment: its manage token, so that times overlapping its current one are offered. */
  exceptManageToken?: string;
}) {
  const { t, i18n } = useText();
  const lang = i18n.language;
  const availability = useAvailability({
    officeId: props.officeId,
    services: props.services,
    timeZone: props.timeZone,
    horizonDays: props.horizonDays,
    exceptManageToken: props.exceptManageToken,
  });
  const { status } = availability;
  const { exclude } = props;
  const days = useMemo(
    () =>
      exclude
        ? availability.days
            .map((d) => ({ ...d, starts: d.starts.filter((s) => !sameInstant(exclude, s)) }))
            .filter((d) => d.starts.length > 0)
        : availability.days,
    [availability.days, exclude],
  );
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  /** The week shown when "next week" had to load more days first; cleared when they arrive. */
  const waitingAfter = useRef<string | null>(null);
  const [noLater, setNoLater] = useState(false);
  /** Bumped when a day is chosen by tap, click or Enter: the focus then moves to that day's times. */
  const [reveal, setReveal] = useState(0);
  /** Whether the last interaction with the day tiles was a tap or click (then a change reveals), not a key. */
  const pointerChoice = useRef(false);
  const timesHeading = useRef<HTMLHeadingElement>(null);
  const currentYear = todayIn(props.timeZone).slice(0, 4);

  const valueDay = props.value ? localDateOf(props.value, props.timeZone) : null;
  const day: AvailableDay | undefined =
    days.find((d) => d.date === chosenDay) ?? days.find((d) => d.date === valueDay) ?? days[0];
  const weeks = useMemo(() => [...new Set(days.map((d) => weekStartOf(d.date)))], [days]);
  const week = day ? weekStartOf(day.date) : undefined;
  const weekIndex = week ? weeks.indexOf(week) : -1;
  const daysOfWeek = days.filter((d) => weekStartOf(d.date) === week);

  // After "next week" had to load more days: show the first week after the one shown then.
  useEffect(() => {
    const after = waitingAfter.current;
    if (after === null || status !== 'ready') return;
    waitingAfter.current = null;
    const next = days.find((d) => weekStartOf(d.date) > after);
    if (next) setChosenDay(next.date);
    else setNoLater(true);
  }, [days, status]);

  // The times of a day just chosen are what comes next: focus their heading and bring it to the top, in the same
  // commit as the times themselves (a layout effect), so the next key press already lands there.
  useLayoutEffect(() => {
    if (reveal === 0) return;
    const heading = timesHeading.current;
    heading?.focus({ preventScroll: true });
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    heading?.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'instant' : 'smooth' });
  }, [reveal]);

  const showWeek = (index: number) => {
    const target = weeks[index];
    const first = target ? days.find((d) => weekStartOf(d.date) === target) : undefined;
    if (first) setChosenDay(first.date);
  };
  const nextWeek = () => {
    if (weekIndex < weeks.length - 1) return showWeek(weekIndex + 1);
    if (availability.complete || status === 'loading' || !week) return;
    waitingAfter.current = week;
    availability.loadMore();
  };
  const hasPrevious = weekIndex > 0;
  const hasNext = weekIndex < weeks.length - 1 || (!availability.complete && !noLater);

  // The times of the day in parts of the day. A long day (more than fit a phone screen) opens one part only: the
  // one of the chosen time, else the first; the others open with their heading's button.
  const groups = day ? groupByDayPeriod(day.starts, props.timeZone) : [];
  const [opened, setOpened] = useState<{ day: string; periods: readonly DayPeriod[] } | null>(null);
  const valuePeriod = props.value && day && valueDay === day.date ? dayPeriodOf(props.value, props.timeZone) : null;
  const openPeriods: readonly DayPeriod[] =
    opened && opened.day === day?.date
      ? opened.periods
      : (day?.starts.length ?? 0) <= allOpenUpTo
        ? groups.map((g) => g.period)
        : [valuePeriod ?? groups[0]?.period ?? 'morning'];
  const togglePeriod = (period: DayPeriod) => {
    if (!day) return;
    setOpened({
      day: day.date,
      periods: openPeriods.includes(period) ? openPeriods.filter((p) => p !== period) : [...openPeriods, period],
    });
  };

  const errorId = `${props.id}-error`;
  const dayLabel = (d: string) => `${formatWeekday(d, lang)}, ${formatDayMonth(d, lang, currentYear)}`;

  if (status === 'invalid') {
    return (
      <div id={props.id} className="kern-alert kern-alert--warning" role="alert">
        <div className="kern-alert__body">
          <p className="kern-body">{t('time.invalidChoice')}</p>
        </div>
      </div>
    );
  }

  return (
    <div id={props.id} className="bc-stack-lg bc-time-choice">
      {availability.durationMinutes !== null && (
        <p className="kern-body kern-body--large">{t('time.duration', { count: availability.durationMinutes })}</p>
      )}
      {status === 'loading' && days.length === 0 && (
        <p className="kern-body" role="status">
          {t('time.loading')}
        </p>
      )}
      {status === 'error' && (
        <div className="kern-alert kern-alert--danger" role="alert">
          <div className="kern-alert__body">
            <p className="kern-body">{t('time.loadFailed')}</p>
            <button type="button" className="kern-btn kern-btn--secondary" onClick={availability.retry}>
              <span className="kern-label">{t('common.retry')}</span>
            </button>
          </div>
        </div>
      )}
      {status !== 'loading' && status !== 'error' && days.length === 0 && (
        <p className="kern-body">{t('time.noneFree')}</p>
      )}

      {days.length > 0 && week && (
        <fieldset className="kern-fieldset bc-week">
          <legend className="kern-label kern-label--large">{t('time.dayLegend')}</legend>
          <div className="kern-fieldset__body bc-stack-sm">
            <div className="bc-week__nav">
              <button
                type="button"
                className="kern-btn kern-btn--secondary bc-week__step"
                aria-label={t('time.previousWeek')}
                aria-disabled={!hasPrevious || undefined}
                onClick={() => hasPrevious && showWeek(weekIndex - 1)}
              >
                <span className="kern-icon kern-icon--chevron-left" aria-hidden="true" />
              </button>
              {/* The week and, in the last one, that there is nothing later: read out when it changes. */}
              <p className="bc-week__label" aria-live="polite">
                <span className="kern-body kern-body--bold">
                  {t('time.weekLabel', { range: formatWeekRange(week, lang, currentYear) })}
                </span>
                {weekIndex === weeks.length - 1 && (noLater || availability.complete) && (
                  <span className="kern-body kern-body--small bc-muted">
                    {' '}
                    {t(noLater ? 'time.noLaterWeek' : 'time.horizonReached')}
                  </span>
                )}
              </p>
              <button
                type="button"
                className="kern-btn kern-btn--secondary bc-week__step"
                aria-label={t(status === 'loading' && days.length > 0 ? 'time.loadingMore' : 'time.nextWeek')}
                aria-disabled={!hasNext || status === 'loading' || undefined}
                onClick={nextWeek}
              >
                <span className="kern-icon kern-icon--chevron-right" aria-hidden="true" />
              </button>
            </div>
            <div className="bc-choice-grid bc-choice-grid--week">
              {Array.from({ length: 7 }, (_, i) => {
                const date = addDays(week, i);
                const d = daysOfWeek.find((x) => x.date === date);
                const short = (
                  <>
                    <span className="kern-body kern-body--bold" aria-hidden="true">
                      {formatShortWeekday(date, lang)}
                    </span>
                    <span className="kern-body" aria-hidden="true">
                      {Number(date.slice(8, 10))}
                    </span>
                  </>
                );
                // A day without free times keeps its column (the week reads like a calendar) but is no choice.
                if (!d) {
                  return (
                    <div key={date} className="bc-week__empty" aria-hidden="true">
                      {short}
                    </div>
                  );
                }
                const id = `${props.id}-day-${d.date}`;
                return (
                  <div key={d.date} className="bc-choice">
                    <input
                      type="radio"
                      className="bc-choice__input"
                      id={id}
                      name={`${props.id}-day`}
                      value={d.date}
                      checked={d.date === day?.date}
                      onChange={() => {
                        setChosenDay(d.date);
                        if (pointerChoice.current) setReveal((n) => n + 1);
                      }}
                      // A tap or click (detail > 0, on the tile or its label) moves on to the times; arrow keys only
                      // browse the days. The click only takes note: a state change while the click is dispatched
                      // would re-render the radios before the browser's change event (so it would not come) with
                      // some renderers.
                      onClick={(e) => {
                        if (e.detail > 0) pointerChoice.current = true;
                      }}
                      onKeyDown={(e) => {
                        pointerChoice.current = false;
                        if (e.key !== 'Enter') return;
                        // Enter would send the form; here it means "this day": on to its times.
                        e.preventDefault();
                        setChosenDay(d.date);
                        setReveal((n) => n + 1);
                      }}
                    />
                    <label htmlFor={id} className="bc-choice__label bc-choice__label--day">
                      {short}
                      <span className="kern-sr-only">
                        {dayLabel(d.date)}, {t('time.freeTimes', { count: d.starts.length })}
                      </span>
                    </label>
                  </div>
                );
              })}
            </div>
          </div>
        </fieldset>
      )}

      {day && (
        <fieldset className={`kern-fieldset bc-times${props.error ? ' kern-fieldset--error' : ''}`} data-error-target>
          <legend className="kern-label kern-label--large">
            <h2 ref={timesHeading} id={`${props.id}-times-heading`} className="bc-times__heading" tabIndex={-1}>
              {t('time.timeLegend', { day: dayLabel(day.date) })}
            </h2>
          </legend>
          <div className="kern-fieldset__body bc-stack-sm">
            {props.error && <FieldError id={errorId} text={props.error} />}
            {groups.map((group) => {
              const headingId = `${props.id}-${group.period}`;
              const panelId = `${headingId}-times`;
              const isOpen = openPeriods.includes(group.period);
              return (
                <div key={group.period} className="bc-times__group">
                  <h3 id={headingId} className="bc-times__period">
                    <button
                      type="button"
                      className="bc-times__toggle"
                      aria-expanded={isOpen}
                      aria-controls={panelId}
                      onClick={() => togglePeriod(group.period)}
                    >
                      <span
                        className={`kern-icon ${isOpen ? 'kern-icon--arrow-down' : 'kern-icon--chevron-right'}`}
                        aria-hidden="true"
                      />
                      <span className="kern-body kern-body--bold">{t(`time.${group.period}`)}</span>
                      <span className="kern-body kern-body--small bc-muted">
                        {t('time.freeTimes', { count: group.starts.length })}
                      </span>
                    </button>
                  </h3>
                  <div id={panelId} className="bc-choice-grid bc-choice-grid--times" hidden={!isOpen}>
                    {group.starts.map((start) => {
                      const id = `${props.id}-time-${Date.parse(start)}`;
                      return (
                        <div key={start} className="bc-choice">
                          <input
                            type="radio"
                            className="bc-choice__input"
                            id={id}
                            name={`${props.id}-time`}
                            value={start}
                            checked={sameInstant(props.value, start)}
                            onChange={() => props.onChange(start, availability.durationMinutes ?? 0)}
                            aria-invalid={props.error ? true : undefined}
                            aria-describedby={describedBy(props.error && errorId)}
                          />
                          <label htmlFor={id} className="bc-choice__label bc-choice__label--time">
                            {/* Seen: "09:30"; heard: "09:30 Uhr" in German. */}
                            <span className="kern-body kern-body--bold" aria-hidden="true">
                              {formatTime(start, props.timeZone, lang)}
                            </span>
                            <span className="kern-sr-only">
                              {t('time.clock', { time: formatTime(start, props.timeZone, lang) })}
                            </span>
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}

      <p className="kern-body bc-chosen" aria-live="polite">
        {props.value
          ? t('time.chosen', {
              date: formatLongDate(props.value, props.timeZone, lang),
              time: formatTime(props.value, props.timeZone, lang),
            })
          : ''}
      </p>
    </div>
  );
}
