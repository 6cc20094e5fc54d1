/** A day that differs from the office's weekly opening hours. */
export type SpecialDayFacts = {
  /** Office-local date 'YYYY-MM-DD'. */
  date: string;
  closed: boolean;
  /** A closure's reason, else the holiday's name; an extra day's note. May be empty. */
  reason: string;
  /** An extra day's intervals (local 'HH:MM'), in time order; empty when closed. */
  hours: { opensAt: string; closesAt: string }[];
};

/** ISO weekday (1 = Monday … 7 = Sunday) of a date 'YYYY-MM-DD'. */
function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/**
 * The days in [from, to] that differ from the weekly opening hours, in date order: public holidays and closures on
 * days the office would open (an extra day, or a weekday with opening hours), and extra opening days. A closure or
 * holiday on an extra day wins, as it does for booking and the queue. Days the office is closed anyway are left out:
 * a holiday on a Sunday is no news.
 */
export function specialDays(input: {
  from: string;
  to: string;
  /** ISO weekdays with opening hours. */
  openWeekdays: ReadonlySet<number>;
  /** Public holidays in the range: date → name. */
  holidays: ReadonlyMap<string, string>;
  closures: readonly { date: string; reason: string }[];
  extraDays: readonly { date: string; opensAt: string; closesAt: string; note: string }[];
}): SpecialDayFacts[] {
  const inRange = (date: string) => date >= input.from && date <= input.to;
  const extra = new Map<string, SpecialDayFacts>();
  for (const e of input.extraDays.filter((x) => inRange(x.date))) {
    const day = extra.get(e.date) ?? { date: e.date, closed: false, reason: e.note, hours: [] };
    day.hours.push({ opensAt: e.opensAt, closesAt: e.closesAt });
    extra.set(e.date, day);
  }
  const closed = new Map<string, string>();
  for (const [date, name] of input.holidays) if (inRange(date)) closed.set(date, name);
  for (const c of input.closures) if (inRange(c.date)) closed.set(c.date, c.reason || (closed.get(c.date) ?? ''));
  const days: SpecialDayFacts[] = [];
  for (const [date, reason] of closed)
    if (extra.has(date) || input.openWeekdays.has(isoWeekday(date)))
      days.push({ date, closed: true, reason, hours: [] });
  for (const day of extra.values()) {
    if (closed.has(day.date)) continue;
    day.hours.sort((a, b) => a.opensAt.localeCompare(b.opensAt));
    days.push(day);
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
