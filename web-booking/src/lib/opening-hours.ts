import type { HoursKind } from '../gql/graphql';

/** One opening interval as the api sends it (office-local HH:MM, ISO weekday 1 = Monday). */
export type Interval = { kind: HoursKind; weekday: number; opensAt: string; closesAt: string };

export type WeekdayHours = { weekday: number; intervals: { opensAt: string; closesAt: string }[] };

const workdays = [1, 2, 3, 4, 5];

/**
 * The week as visitors read it: Monday to Friday always (a day without intervals is closed), Saturday and
 * Sunday only when the office opens then; intervals of a day in time order.
 */
export function weekOf(hours: readonly Interval[], kind: HoursKind = 'OPEN'): WeekdayHours[] {
  const open = hours.filter((h) => h.kind === kind);
  const days = [...workdays, ...[6, 7].filter((d) => open.some((h) => h.weekday === d))];
  return days.map((weekday) => ({
    weekday,
    intervals: open
      .filter((h) => h.weekday === weekday)
      .map(({ opensAt, closesAt }) => ({ opensAt, closesAt }))
      .sort((a, b) => a.opensAt.localeCompare(b.opensAt)),
  }));
}
