import { describedBy, FieldError, useText } from '@bc/schema';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatDayMonth, formatLongDate, formatTime, formatWeekday, localDateOf, todayIn } from '../lib/datetime';
import type { ServiceChoice } from '../lib/draft';
import { type AvailableDay, useAvailability } from '../lib/use-availability';

const sameInstant = (a: string | null | undefined, b: string) => !!a && Date.parse(a) === Date.parse(b);

/**
 * Choosing a free start: first the day (a radio group of days with free times), then the time on that day (a radio
 * group of times). Native radios, so arrow keys, Tab and screen readers work as everywhere; each looks like a large
 * button (at least 44 px). Times are shown on the office's clock. Used when booking and when rescheduling.
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
  /** How many days there were when "later" was pressed; the focus then goes to the first new one. */
  const focusFrom = useRef<number | null>(null);
  const currentYear = todayIn(props.timeZone).slice(0, 4);

  const valueDay = props.value ? localDateOf(props.value, props.timeZone) : null;
  const day: AvailableDay | undefined =
    days.find((d) => d.date === chosenDay) ?? days.find((d) => d.date === valueDay) ?? days[0];

  // After "later", the focus goes to the first new day, so keyboard users continue where the new days start.
  useEffect(() => {
    if (focusFrom.current === null || status !== 'ready') return;
    const first = days[focusFrom.current];
    focusFrom.current = null;
    if (first) document.getElementById(`${props.id}-day-${first.date}`)?.focus();
  }, [days, status, props.id]);

  const later = () => {
    focusFrom.current = days.length;
    availability.loadMore();
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

      {days.length > 0 && (
        <fieldset className="kern-fieldset">
          <legend className="kern-label kern-label--large">{t('time.dayLegend')}</legend>
          <div className="kern-fieldset__body">
            <div className="bc-choice-grid bc-choice-grid--days">
              {days.map((d) => {
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
                      onChange={() => setChosenDay(d.date)}
                    />
                    <label htmlFor={id} className="bc-choice__label bc-choice__label--day">
                      <span className="bc-choice__check kern-icon kern-icon--check" aria-hidden="true" />
                      <span className="kern-body kern-body--bold">{formatWeekday(d.date, lang)}</span>
                      <span className="kern-sr-only">, </span>
                      <span className="kern-body">{formatDayMonth(d.date, lang, currentYear)}</span>
                      <span className="kern-sr-only">, </span>
                      <span className="kern-body kern-body--small">
                        {t('time.freeTimes', { count: d.starts.length })}
                      </span>
                    </label>
                  </div>
                );
              })}
            </div>
          </div>
        </fieldset>
      )}

      {days.length > 0 && (
        <div className="bc-stack-sm">
          {!availability.complete ? (
            <p>
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={later}
                disabled={status === 'loading'}
              >
                <span className="kern-icon kern-icon--arrow-down" aria-hidden="true" />
                <span className="kern-label">{t(status === 'loading' ? 'time.loadingMore' : 'time.later')}</span>
              </button>
            </p>
          ) : (
            <p className="kern-body kern-body--small bc-muted">{t('time.horizonReached')}</p>
          )}
          <p className="kern-sr-only" aria-live="polite">
            {availability.added > 0 && availability.loadedTo && days.length > availability.added
              ? t('time.moreLoaded', { count: availability.added })
              : ''}
          </p>
        </div>
      )}

      {day && (
        <fieldset className={`kern-fieldset${props.error ? ' kern-fieldset--error' : ''}`} data-error-target>
          <legend className="kern-label kern-label--large">{t('time.timeLegend', { day: dayLabel(day.date) })}</legend>
          <div className="kern-fieldset__body">
            {props.error && <FieldError id={errorId} text={props.error} />}
            <div className="bc-choice-grid bc-choice-grid--times">
              {day.starts.map((start) => {
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
                      <span className="bc-choice__check kern-icon kern-icon--check" aria-hidden="true" />
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
