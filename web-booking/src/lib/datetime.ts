import { localeOf } from '@bc/schema';

export { formatTime, localeOf } from '@bc/schema';

/**
 * Dates and times as citizens read them: always in the office's time zone (a visitor abroad still sees the time
 * on the office's clock), German or British English conventions (24-hour clock in both).
 */

const ymd = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (YYYY-MM-DD) as a Date at noon UTC, so that formatting it in UTC never shifts the day. */
function dateOnly(date: string): Date {
  const m = ymd.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today in the office's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDateOf(now, timeZone);
}

/** A calendar date plus some days. */
export function addDays(date: string, days: number): string {
  const d = dateOnly(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dateOnly(b).getTime() - dateOnly(a).getTime()) / 86_400_000);
}

/** "Montag" / "Monday". */
export function formatWeekday(date: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' }).format(dateOnly(date));
}

/** "30. November" / "30 November"; with the year when it is not the given current year. */
export function formatDayMonth(date: string, language: string, currentYear?: string): string {
  const withYear = currentYear !== undefined && date.slice(0, 4) !== currentYear;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(dateOnly(date));
}

/** "Montag, 30. November 2026" / "Monday 30 November 2026": the full date of an instant in the office's zone. */
export function formatLongDate(instant: Date | string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(instant));
}

/** Day of the week of a calendar date, Monday 0 … Sunday 6. */
export function weekdayIndex(date: string): number {
  return (dateOnly(date).getUTCDay() + 6) % 7;
}

/** The Monday of the week a calendar date is in. */
export function weekStartOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

/** "Mo" / "Mon". */
export function formatShortWeekday(date: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { weekday: 'short', timeZone: 'UTC' })
    .format(dateOnly(date))
    .replace(/\.$/, '');
}

/** "1.–7. März" / "1–7 March": a week from its Monday, with the year when it is not the given current year. */
export function formatWeekRange(monday: string, language: string, currentYear?: string): string {
  const sunday = addDays(monday, 6);
  const withYear =
    currentYear !== undefined && (monday.slice(0, 4) !== currentYear || sunday.slice(0, 4) !== currentYear);
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).formatRange(dateOnly(monday), dateOnly(sunday));
}

export type DayPeriod = 'morning' | 'afternoon' | 'evening';

/** Vormittag before 12:00, Nachmittag before 17:00, Abend after, on the office's clock. */
export function dayPeriodOf(instant: string, timeZone: string): DayPeriod {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(instant)),
  );
  return hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** Starts grouped by the part of the day, in order, empty parts left out. */
export function groupByDayPeriod(
  starts: readonly string[],
  timeZone: string,
): { period: DayPeriod; starts: string[] }[] {
  const order: DayPeriod[] = ['morning', 'afternoon', 'evening'];
  return order
    .map((period) => ({ period, starts: starts.filter((s) => dayPeriodOf(s, timeZone) === period) }))
    .filter((g) => g.starts.length > 0);
}
