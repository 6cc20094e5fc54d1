/**
 * Appointment availability: pure functions over office rules, counters and existing bookings; "now" is an input.
 *
 * Time model
 * - Instants are epoch ms. Office hours are wall-clock 'HH:MM' of the office's time zone. Per local day one luxon
 *   zone look-up tells whether the day has a single UTC offset; then a boundary's instant is wall time − offset.
 *   Only on days around an offset change is each boundary converted with DateTime.fromISO(date + 'T' + hh:mm, { zone })
 *   (see dayClock). Everything after that is epoch-ms arithmetic.
 * - Touching intervals of one day merge (08:00–10:00 + 10:00–12:00 = 08:00–12:00); a break needs a gap.
 * - The slot grid is wall-clock: a start is on the grid when its local hour × 60 + minute is a multiple of slotMinutes
 *   (seconds 0). A booking's duration is real elapsed time.
 *
 * Daylight-saving changes (decision)
 * - An office interval lasts from the instant its opening wall time occurs to the instant its closing wall time occurs.
 *   A wall time that does not exist (spring, 02:00–02:59 in Berlin) is moved forward by the gap (02:30 → 03:30 CEST),
 *   as luxon does. A wall time that exists twice (autumn, 02:00–02:59) means its FIRST occurrence (CEST). (Luxon alone
 *   picks either, depending on the date the process started, so this is fixed explicitly.)
 * - Starts are all instants inside an interval whose local wall time is on the grid. So on the spring day the skipped
 *   wall times are simply never offered (01:55 CET is followed by 03:00 CEST), and on the autumn day a wall time in
 *   the repeated hour is offered twice, as two different instants (02:30 CEST and 02:30 CET), if the office is open
 *   then. A booking may run across the change; it ends `durationMinutes` of real time after its start.
 */
import { DateTime, IANAZone } from 'luxon';

/** Office-local wall-clock interval, 'HH:MM' (24 h), start < end. */
export type LocalInterval = { start: string; end: string };
/** ISO weekday 1 = Monday … 7 = Sunday → intervals of that weekday (several = breaks between them). */
export type WeeklyHours = Partial<Record<number, LocalInterval[]>>;
/** A counter (Schalter) as availability sees it. hours = when it takes appointments; null = whenever the office's appointment hours allow. */
export type CounterPlan = { id: string; serviceIds: ReadonlySet<string>; hours: WeeklyHours | null };
/** An existing booking that occupies a counter over [start, end) (epoch ms). */
export type Busy = { counterId: string; start: number; end: number };

export type OfficeRules = {
  timeZone: string; // IANA, e.g. 'Europe/Berlin'
  appointmentHours: WeeklyHours;
  closedDates: ReadonlySet<string>; // office-local 'YYYY-MM-DD' (public holidays + closures)
  /** Extra opening days: these dates use these hours instead of their weekday's (a closed date stays closed). */
  extraDays?: ReadonlyMap<string, LocalInterval[]>;
  slotMinutes: number; // grid, e.g. 5: starts are at local times whose minutes-since-local-midnight are a multiple of it
  leadMinutes: number; // earliest start = now + leadMinutes
  horizonDays: number; // latest bookable local date = (today in office zone) + horizonDays
};

export type AvailabilityQuery = {
  now: number; // epoch ms
  serviceIds: readonly string[]; // distinct chosen services; a counter qualifies only if it handles ALL of them
  durationMinutes: number; // from bookingDuration()
  from: string; // office-local dates 'YYYY-MM-DD', inclusive; clipped to [today, today+horizon]
  to: string;
};

export type DayAvailability = { date: string; starts: number[] }; // starts: epoch ms, ascending

/** Why a start can't be booked (see startProblem). */
export type StartProblem = 'PAST' | 'TOO_SOON' | 'BEYOND_HORIZON' | 'CLOSED' | 'OFF_GRID' | 'OUTSIDE_HOURS';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** UTC offsets lie within [−12 h, +14 h]. */
const MAX_WEST = 12 * 3_600_000;
const MAX_EAST = 14 * 3_600_000;

/** [start, end) in epoch ms; for start ranges (see startRanges) both ends are inclusive. */
type Span = { start: number; end: number };

/** Sum of durationMinutes × count over the chosen services, rounded UP to the slot grid. */
export function bookingDuration(
  services: readonly { durationMinutes: number; count: number }[],
  slotMinutes: number,
): number {
  positive(slotMinutes, 'slotMinutes');
  const total = services.reduce((sum, s) => sum + s.durationMinutes * s.count, 0);
  return Math.ceil(total / slotMinutes) * slotMinutes;
}

/** Days (ascending) that have at least one free start, each with all free starts. */
export function availableDays(
  rules: OfficeRules,
  counters: readonly CounterPlan[],
  busy: readonly Busy[],
  q: AvailabilityQuery,
): DayAvailability[] {
  const search = prepare(rules, counters, busy, q);
  const first = Math.max(dayNumber(q.from), search.today);
  const last = Math.min(dayNumber(q.to), search.today + rules.horizonDays);
  const days: DayAvailability[] = [];
  for (let day = first; day <= last; day++) {
    const starts = search.startsOn(day);
    if (starts.length > 0) days.push({ date: dateOf(day), starts });
  }
  return days;
}

/**
 * Counters (ids, in the given order) that handle all services, whose hours (intersected with the office's appointment
 * hours of that local day) cover [start, start+duration) completely, and that have no Busy overlapping it.
 * Does NOT check lead time/horizon/grid. A closed date has no appointment hours.
 */
export function freeCountersAt(
  rules: OfficeRules,
  counters: readonly CounterPlan[],
  busy: readonly Busy[],
  serviceIds: readonly string[],
  start: number,
  durationMinutes: number,
): string[] {
  const zone = timeZone(rules.timeZone);
  const end = start + durationMinutes * MINUTE;
  const day = localDay(zone, start);
  const date = dateOf(day);
  const covers = (s: Span) => s.start <= start && end <= s.end;
  if (rules.closedDates.has(date)) return [];
  const clock = dayClock(zone, day);
  const extra = rules.extraDays?.get(date);
  if (!resolveHours(extra ?? rules.appointmentHours[isoWeekday(day)], clock).some(covers)) return [];
  const taken = new Set(busy.filter((b) => b.start < b.end && b.start < end && start < b.end).map((b) => b.counterId));
  return counters
    .filter((c) => handlesAll(c, serviceIds) && !taken.has(c.id))
    .filter(
      (c) => c.hours === null || extra !== undefined || resolveHours(c.hours[isoWeekday(day)], clock).some(covers),
    )
    .map((c) => c.id);
}

/**
 * Why a start can't be booked, or null if it is a valid start w.r.t. rules (on the grid in local time, not closed date,
 * ≥ now+lead, ≤ horizon, inside appointment hours for the whole duration). Capacity is not checked here.
 * Checks in the order of the result codes; a weekday without appointment hours is OUTSIDE_HOURS.
 */
export function startProblem(
  rules: OfficeRules,
  now: number,
  start: number,
  durationMinutes: number,
): StartProblem | null {
  const zone = timeZone(rules.timeZone);
  positive(rules.slotMinutes, 'slotMinutes');
  if (start < now) return 'PAST';
  if (start < now + rules.leadMinutes * MINUTE) return 'TOO_SOON';
  const day = localDay(zone, start);
  if (day > localDay(zone, now) + rules.horizonDays) return 'BEYOND_HORIZON';
  // A holiday, a closure, or a weekday without any appointment hours: the office is closed that day.
  const hoursOfDay = rules.extraDays?.get(dateOf(day)) ?? rules.appointmentHours[isoWeekday(day)];
  if (rules.closedDates.has(dateOf(day)) || !hoursOfDay?.length) return 'CLOSED';
  const sinceMidnight = wall(zone, start) - day * DAY;
  if (sinceMidnight % (rules.slotMinutes * MINUTE) !== 0) return 'OFF_GRID';
  const end = start + durationMinutes * MINUTE;
  const hours = resolveHours(hoursOfDay, dayClock(zone, day));
  if (!hours.some((s) => s.start <= start && end <= s.end)) return 'OUTSIDE_HOURS';
  return null;
}

/**
 * Up to `limit` free starts nearest to `target` (by absolute time distance, ties: earlier first), returned in ascending
 * time; searches the days around the target within the horizon, widening one day per side until nothing closer can
 * be left.
 */
export function nearestFreeStarts(
  rules: OfficeRules,
  counters: readonly CounterPlan[],
  busy: readonly Busy[],
  q: Omit<AvailabilityQuery, 'from' | 'to'>,
  target: number,
  limit: number,
): number[] {
  if (limit <= 0) return [];
  const search = prepare(rules, counters, busy, q);
  const first = search.today;
  const last = search.today + rules.horizonDays;
  const center = Math.min(Math.max(localDay(search.zone, target), first), last);
  const found: number[] = [...search.startsOn(center)];
  const byDistance = (a: number, b: number) => Math.abs(a - target) - Math.abs(b - target) || a - b;
  let lo = center;
  let hi = center;
  for (;;) {
    // Every start on a day before lo is < lo·DAY + 12 h, every start on a day after hi is ≥ (hi+1)·DAY − 14 h.
    let bound = Number.POSITIVE_INFINITY;
    if (lo > first) bound = Math.min(bound, target - (lo * DAY + MAX_WEST));
    if (hi < last) bound = Math.min(bound, (hi + 1) * DAY - MAX_EAST - target);
    if (bound === Number.POSITIVE_INFINITY) break;
    if (found.length >= limit) {
      found.sort(byDistance);
      if (Math.abs((found[limit - 1] ?? target) - target) < bound) break;
    }
    if (lo > first) found.push(...search.startsOn(--lo));
    if (hi < last) found.push(...search.startsOn(++hi));
  }
  return found
    .sort(byDistance)
    .slice(0, limit)
    .sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------------------------------

/** Validated inputs and per-call indexes; startsOn(day) lists the free starts of one local day (as day number). */
function prepare(
  rules: OfficeRules,
  counters: readonly CounterPlan[],
  busy: readonly Busy[],
  q: Omit<AvailabilityQuery, 'from' | 'to'>,
) {
  const zone = timeZone(rules.timeZone);
  positive(rules.slotMinutes, 'slotMinutes');
  positive(q.durationMinutes, 'durationMinutes');
  const slotMs = rules.slotMinutes * MINUTE;
  const durationMs = q.durationMinutes * MINUTE;
  const earliest = q.now + rules.leadMinutes * MINUTE;
  const qualified = counters.filter((c) => handlesAll(c, q.serviceIds));
  const busyByCounter = indexBusy(busy, new Set(qualified.map((c) => c.id)));
  const sample = sampler(zone);

  /** Closed start ranges [a, b]: a start in one has some counter free for the whole duration within `interval`. */
  const startRanges = (interval: Span, counterHours: (Span[] | null)[]): Span[] => {
    const ranges: Span[] = [];
    qualified.forEach((counter, i) => {
      const windows = intersect(counterHours[i] ?? [interval], interval); // null hours = the office's
      for (const window of windows) {
        for (const free of subtract(window, busyByCounter.get(counter.id) ?? [])) {
          if (free.end - free.start >= durationMs) ranges.push({ start: free.start, end: free.end - durationMs });
        }
      }
    });
    return merge(ranges);
  };

  const startsOn = (day: number): number[] => {
    const starts: number[] = [];
    if (qualified.length === 0 || rules.closedDates.has(dateOf(day))) return starts;
    const weekday = isoWeekday(day);
    const clock = dayClock(zone, day, sample);
    // On an extra opening day every counter that handles the services works the day's hours (its own are weekly).
    const extra = rules.extraDays?.get(dateOf(day));
    const counterHours = qualified.map((c) =>
      c.hours === null || extra !== undefined ? null : resolveHours(c.hours[weekday], clock),
    );
    for (const interval of resolveHours(extra ?? rules.appointmentHours[weekday], clock)) {
      const lo = Math.max(interval.start, earliest);
      const hi = interval.end - durationMs;
      if (lo > hi) continue;
      const ranges = startRanges(interval, counterHours);
      let r = 0;
      for (const t of gridStarts(clock, day, interval, slotMs, lo, hi)) {
        while ((ranges[r]?.end ?? Number.POSITIVE_INFINITY) < t) r++;
        const range = ranges[r];
        if (range === undefined) break;
        if (range.start <= t) starts.push(t);
      }
    }
    return starts;
  };

  return { zone, today: localDay(zone, q.now), startsOn };
}

/** Grid starts t (ascending) with lo ≤ t ≤ hi inside `interval` of local day `day`, stepping in epoch ms. */
function gridStarts(clock: DayClock, day: number, interval: Span, slotMs: number, lo: number, hi: number): number[] {
  const starts: number[] = [];
  for (const piece of clock.pieces(interval)) {
    const offsetMs = piece.offset * MINUTE;
    const from = Math.max(piece.start, lo) + offsetMs - day * DAY; // wall-clock ms since local midnight
    for (let t = day * DAY + Math.ceil(from / slotMs) * slotMs - offsetMs; t < piece.end && t <= hi; t += slotMs) {
      starts.push(t);
    }
  }
  return starts;
}

/** Wall clock ↔ instants on one local day. */
type DayClock = {
  /** Instant of a wall-clock time, in minutes since local midnight (1440 = 24:00). */
  at(minutes: number): number;
  /** A span cut where the UTC offset changes; each piece with its offset in minutes. */
  pieces(span: Span): (Span & { offset: number })[];
};

/** UTC offset (minutes) at d·DAY − 14 h, i.e. before the first instant of local day d. */
type OffsetSampler = (day: number) => number;
/**
 * Sampled offsets per zone, kept across calls: a luxon offset look-up formats a date through Intl (tens of µs),
 * and every availability request asks for the same few hundred days. Time-zone rules do not change while the
 * process runs.
 */
const offsetMemo = new Map<string, Map<number, number>>();
const sampler = (zone: IANAZone): OffsetSampler => {
  let memo = offsetMemo.get(zone.name);
  if (!memo) {
    memo = new Map();
    offsetMemo.set(zone.name, memo);
  }
  const days = memo;
  return (day) => {
    let offset = days.get(day);
    if (offset === undefined) {
      if (days.size > 20_000) days.clear();
      offset = zone.offset(day * DAY - MAX_EAST);
      days.set(day, offset);
    }
    return offset;
  };
};

/**
 * The clock of local day `day`. Most days have one UTC offset throughout: the samples before day d and before day d+3
 * (which is after every instant of day d) agree, assuming no two offset changes within 3 days. Then wall time − offset
 * is exact and needs no further time-zone look-ups, which are slow. On days around a change, luxon converts each
 * boundary (cached) and spans are cut at the change.
 */
function dayClock(zone: IANAZone, day: number, sample: OffsetSampler = sampler(zone)): DayClock {
  const offset = sample(day);
  if (offset === sample(day + 3)) {
    return {
      at: (minutes) => day * DAY + (minutes - offset) * MINUTE,
      pieces: (span) => [{ ...span, offset }],
    };
  }
  const cache = new Map<number, number>();
  return {
    at: (minutes) => {
      let instant = cache.get(minutes);
      if (instant === undefined) {
        instant = luxonInstant(zone, dateOf(day + Math.floor(minutes / 1440)), minutes % 1440);
        cache.set(minutes, instant);
      }
      return instant;
    },
    pieces: (span) => constantOffsetPieces(zone, span),
  };
}

/** Instant of wall-clock `minutes` on `date` via luxon; a wall time that exists twice means its first occurrence. */
function luxonInstant(zone: IANAZone, date: string, minutes: number): number {
  const local = `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new RangeError(`Invalid local time ${local} in ${zone.name}`);
  // Luxon alone picks either occurrence of a repeated wall time, depending on the date the process started.
  return Math.min(...dt.getPossibleOffsets().map((d) => d.toMillis()));
}

/** Splits a span at a UTC-offset change (at most one per day is assumed), found by binary search to the minute. */
function constantOffsetPieces(zone: IANAZone, span: Span): (Span & { offset: number })[] {
  const before = zone.offset(span.start);
  const after = zone.offset(span.end);
  if (before === after) return [{ ...span, offset: before }];
  let lo = span.start; // offset `before`
  let hi = span.end; // offset `after`
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return [
    { start: span.start, end: hi, offset: before },
    { start: hi, end: span.end, offset: after },
  ];
}

/** One weekday's intervals as instants, ascending, touching ones merged; empty ones (inside a DST gap) dropped. */
function resolveHours(intervals: readonly LocalInterval[] | undefined, clock: DayClock): Span[] {
  const spans = (intervals ?? []).map((i) => ({
    start: clock.at(parseTime(i.start)),
    end: clock.at(parseTime(i.end)),
  }));
  return merge(spans.filter((s) => s.start < s.end));
}

/** Per counter: its bookings sorted, overlapping/touching ones merged (so ends ascend, too). */
function indexBusy(busy: readonly Busy[], counterIds: ReadonlySet<string>): Map<string, Span[]> {
  const byCounter = new Map<string, Span[]>();
  for (const b of busy) {
    if (b.start >= b.end || !counterIds.has(b.counterId)) continue;
    const list = byCounter.get(b.counterId) ?? [];
    list.push({ start: b.start, end: b.end });
    byCounter.set(b.counterId, list);
  }
  for (const [id, list] of byCounter) byCounter.set(id, merge(list));
  return byCounter;
}

/** Sorts spans by start and merges overlapping or touching ones. */
function merge(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Parts of the sorted, disjoint `spans` inside `window`. */
function intersect(spans: readonly Span[], window: Span): Span[] {
  return spans
    .map((s) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) }))
    .filter((s) => s.start < s.end);
}

/** `window` minus the sorted, disjoint `busy` spans (binary search for the first one that can overlap). */
function subtract(window: Span, busy: readonly Span[]): Span[] {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((busy[mid]?.end ?? Number.POSITIVE_INFINITY) <= window.start) lo = mid + 1;
    else hi = mid;
  }
  const free: Span[] = [];
  let cursor = window.start;
  for (let i = lo; i < busy.length; i++) {
    const b = busy[i];
    if (b === undefined || b.start >= window.end) break;
    if (b.start > cursor) free.push({ start: cursor, end: b.start });
    cursor = Math.max(cursor, b.end);
  }
  if (cursor < window.end) free.push({ start: cursor, end: window.end });
  return free;
}

function handlesAll(counter: CounterPlan, serviceIds: readonly string[]): boolean {
  return serviceIds.every((id) => counter.serviceIds.has(id));
}

function timeZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`Invalid time zone: ${name}`);
  return zone;
}

/** The local day (days since 1970-01-01) an instant falls on in the given time zone. */
export function dayOfInstant(timeZoneName: string, instant: number): number {
  return localDay(timeZone(timeZoneName), instant);
}

/**
 * Local wall-clock time of an instant, as ms since 1970-01-01T00:00 on the wall clock. The samples before and
 * after the instant's UTC day (see dayClock) mostly agree and then give its offset without a slow look-up.
 */
function wall(zone: IANAZone, instant: number): number {
  const sample = sampler(zone);
  const day = Math.floor(instant / DAY);
  const before = sample(day);
  return instant + (before === sample(day + 2) ? before : zone.offset(instant)) * MINUTE;
}

/** Local date of an instant as a day number (days since 1970-01-01). */
function localDay(zone: IANAZone, instant: number): number {
  return Math.floor(wall(zone, instant) / DAY);
}

/** 'YYYY-MM-DD' → day number; throws on anything else. */
function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms) || dateOf(ms / DAY) !== date) {
    throw new RangeError(`Invalid date: ${date}`);
  }
  return ms / DAY;
}

function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** 'HH:MM' (or Postgres 'HH:MM:SS' with :00) → minutes since midnight; '24:00' allowed as end of day. */
function parseTime(time: string): number {
  const m = /^(\d{2}):(\d{2})(?::00)?$/.exec(time);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 1440)) throw new RangeError(`Invalid time: ${time}`);
  return minutes;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function positive(n: number, name: string): void {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${name} must be a positive integer, got ${n}`);
}
