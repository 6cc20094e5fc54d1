/**
 * Wait estimates (pure; see docs/queue-policy.md). Instants are epoch ms.
 *
 * Instead of "position × average ÷ counters", a small discrete simulation plays the queue forward: every counter
 * that is open now becomes free when its current visitor is expected to be done, and then calls the next ticket in
 * queue order that it can serve (ordering.ts), for as long as that ticket's services take. The call times it finds are
 * the estimates; the same run with shorter and longer services gives the range. Outside the opening hours (a lunch
 * break) nobody is called: a counter free at 12:40 calls at the next opening.
 *
 * Service durations are learned: the median of the last finished tickets of a service (from ticket_event times),
 * the configured duration while there are too few of them.
 */
import { type CounterScope, canServe, MINUTE, type OrderingRules, orderQueue, type QueueEntry } from './ordering.js';

/** A waiting ticket with how long serving it is expected to take. */
export type EstimateEntry = QueueEntry & { durationMs: number };

/** A counter that is open now, and when it will be free (now, or when its current visitor is expected to be done). */
export type EstimateCounter = CounterScope & { freeAt: number };

/** [start, end) of one opening-hours interval. */
export type OpenInterval = { start: number; end: number };

export type SimulatedCall = { callAt: number; counterId: string; ahead: number };

export type WaitEstimate = {
  expectedCallAt: number;
  earliestCallAt: number;
  latestCallAt: number;
  /** Tickets called before this one in the expected run. */
  peopleAhead: number;
  counterId: string;
};

/** Durations scaled for the range: services 20 % quicker, or 30 % slower, than learned. */
export const RANGE_SCALE = { earliest: 0.8, latest: 1.3 } as const;
/** Fewer finished tickets than this and the configured duration is used. */
export const MIN_SAMPLES = 3;

/** The first instant ≥ t inside an opening interval; t itself when there is none later (after closing). */
export function nextOpenInstant(t: number, open: readonly OpenInterval[]): number {
  if (open.length === 0) return t;
  for (const interval of open) {
    if (t < interval.start) return interval.start;
    if (t < interval.end) return t;
  }
  return t;
}

/**
 * Plays the queue forward and tells when each waiting ticket is called, and at which counter. Tickets no open counter
 * can serve are missing from the result. `scale` stretches every duration (for the range).
 */
export function simulateCalls(
  entries: readonly EstimateEntry[],
  counters: readonly EstimateCounter[],
  now: number,
  rules: OrderingRules,
  opts: { open?: readonly OpenInterval[]; scale?: number } = {},
): Map<string, SimulatedCall> {
  const open = opts.open ?? [];
  const scale = opts.scale ?? 1;
  const pending = orderQueue(entries, rules);
  const pool = counters.map((c) => ({ counter: c, t: nextOpenInstant(Math.max(c.freeAt, now), open) }));
  const calls = new Map<string, SimulatedCall>();
  let ahead = 0;
  while (pending.length > 0 && pool.length > 0) {
    // The counter that is free first (ties: the given order, which is stable).
    let i = 0;
    for (let j = 1; j < pool.length; j++) if ((pool[j]?.t ?? 0) < (pool[i]?.t ?? 0)) i = j;
    const slot = pool[i] as (typeof pool)[number];
    const index = pending.findIndex((e) => canServe(slot.counter, e));
    if (index < 0) {
      pool.splice(i, 1); // it can serve none of the rest
      continue;
    }
    const [entry] = pending.splice(index, 1) as [EstimateEntry];
    calls.set(entry.id, { callAt: slot.t, counterId: slot.counter.id, ahead: ahead++ });
    slot.t = nextOpenInstant(slot.t + entry.durationMs * scale, open);
  }
  return calls;
}

/** Estimated call time with its range and the people ahead, for every waiting ticket an open counter can serve. */
export function estimateQueue(
  entries: readonly EstimateEntry[],
  counters: readonly EstimateCounter[],
  now: number,
  rules: OrderingRules,
  open: readonly OpenInterval[] = [],
): Map<string, WaitEstimate> {
  const expected = simulateCalls(entries, counters, now, rules, { open });
  const early = simulateCalls(entries, counters, now, rules, { open, scale: RANGE_SCALE.earliest });
  const late = simulateCalls(entries, counters, now, rules, { open, scale: RANGE_SCALE.latest });
  const estimates = new Map<string, WaitEstimate>();
  for (const [id, call] of expected) {
    const lo = early.get(id)?.callAt ?? call.callAt;
    const hi = late.get(id)?.callAt ?? call.callAt;
    estimates.set(id, {
      expectedCallAt: call.callAt,
      earliestCallAt: Math.min(lo, call.callAt),
      latestCallAt: Math.max(hi, call.callAt),
      peopleAhead: call.ahead,
      counterId: call.counterId,
    });
  }
  return estimates;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Minutes one unit of a service takes: the median of the recent samples (minutes per unit, newest first), or the
 * configured duration while there are fewer than MIN_SAMPLES of them. The median, not the mean: one visitor whose
 * case took an hour must not slow every estimate of the day.
 */
export function learnedMinutes(samples: readonly number[], configuredMinutes: number): number {
  const valid = samples.filter((s) => Number.isFinite(s) && s > 0);
  return valid.length >= MIN_SAMPLES ? median(valid) : configuredMinutes;
}

/** How long a ticket takes: its services' unit durations times their counts. */
export function ticketDurationMs(
  services: readonly { serviceId: string; count: number }[],
  minutesPerUnit: (serviceId: string) => number,
): number {
  return services.reduce((sum, s) => sum + minutesPerUnit(s.serviceId) * Math.max(1, s.count) * MINUTE, 0);
}
