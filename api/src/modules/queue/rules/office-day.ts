/** An office's opening hours of one local day as instants (pure). */
import { DateTime } from 'luxon';
import { closedDatesBetween } from '../../catalog/holidays.js';
import type { OpenInterval } from './estimate.js';

export type WeeklyRow = { weekday: number; opensAt: string; closesAt: string };

/** The office-local date 'YYYY-MM-DD' of an instant. */
export function localDate(instant: number, timeZone: string): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toISODate() as string;
}

/** [start, end) of the office-local `date` as instants (23 or 25 hours on the days the clocks change). */
export function localDayBounds(date: string, timeZone: string): { start: number; end: number } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date 'YYYY-MM-DD'. */
export function isoWeekday(date: string): number {
  return DateTime.fromISO(date).weekday;
}

/** The instant of the wall time `time` ("HH:MM[:SS]") on the office-local `date`. */
export function localInstant(date: string, time: string, timeZone: string): number {
  return DateTime.fromISO(`${date}T${time.slice(0, 5)}`, { zone: timeZone }).toMillis();
}

/**
 * The opening intervals of the local `date` (sorted, touching ones merged), empty on a public holiday of `region`, a
 * closure, or a weekday without hours. An extra opening day's intervals (`extra`, non-empty) replace the weekday's.
 * Wall times are converted by luxon in the office's zone.
 */
export function openIntervalsOn(
  date: string,
  timeZone: string,
  region: string,
  hours: readonly WeeklyRow[],
  closures: readonly string[],
  extra: readonly { opensAt: string; closesAt: string }[] = [],
): OpenInterval[] {
  if (closedDatesBetween(region, date, date, closures).has(date)) return [];
  const day = DateTime.fromISO(date, { zone: timeZone });
  const at = (time: string) => localInstant(date, time, timeZone);
  const spans = (extra.length > 0 ? extra : hours.filter((h) => h.weekday === day.weekday))
    .map((h) => ({ start: at(h.opensAt), end: at(h.closesAt) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const merged: OpenInterval[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** The interval that contains `now`, or null. */
export function intervalAt(open: readonly OpenInterval[], now: number): OpenInterval | null {
  return open.find((i) => i.start <= now && now < i.end) ?? null;
}
