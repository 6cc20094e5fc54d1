/**
 * Period buckets over office-local dates (pure). Buckets are made of calendar dates, never of instants, so a day is
 * a day whether it has 23, 24 or 25 hours (daylight-saving changes).
 */
import { DateTime } from 'luxon';

export enum Granularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** A bucket: inclusive office-local dates, clipped to the asked range. */
export type Period = { from: string; to: string };

export const MAX_RANGE_DAYS = 366;

export type RangeProblem = { code: 'INVALID_DATE' | 'TO_BEFORE_FROM' | 'TOO_LONG'; message: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const day = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });

/** Checks an asked range of dates; null when it is fine. */
export function checkRange(from: string, to: string): RangeProblem | null {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to) || !day(from).isValid || !day(to).isValid)
    return { code: 'INVALID_DATE', message: 'Give dates as YYYY-MM-DD.' };
  if (to < from) return { code: 'TO_BEFORE_FROM', message: 'The end date lies before the start date.' };
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS)
    return { code: 'TOO_LONG', message: `Choose at most ${MAX_RANGE_DAYS} days.` };
  return null;
}

/** Whole days from `from` to `to` (0 for the same date). */
export function daysBetween(from: string, to: string): number {
  return Math.round(day(to).diff(day(from), 'days').days);
}

/** Every date from `from` to `to`, inclusive. */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = day(from); d <= day(to); d = d.plus({ days: 1 })) out.push(d.toISODate() as string);
  return out;
}

/** The start date of the bucket holding `date`: itself, the Monday of its ISO week, or the first of its month. */
export function bucketStart(date: string, granularity: Granularity): string {
  const d = day(date);
  switch (granularity) {
    case Granularity.DAY:
      return date;
    case Granularity.WEEK:
      return d.startOf('week').toISODate() as string;
    case Granularity.MONTH:
      return d.startOf('month').toISODate() as string;
    default:
      return assertUnreachable(granularity);
  }
}

/** The buckets covering from…to, in order, each clipped to the range. */
export function periodsOf(from: string, to: string, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  for (const date of datesOf(from, to)) {
    const last = periods[periods.length - 1];
    if (last && bucketStart(date, granularity) === bucketStart(last.from, granularity)) last.to = date;
    else periods.push({ from: date, to: date });
  }
  return periods;
}

function assertUnreachable(x: never): never {
  throw new Error(`unexpected granularity ${String(x)}`);
}
