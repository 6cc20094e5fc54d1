/**
 * Wait estimates (pure; see docs/queue-policy.md). Instants are epoch ms.
 *
 * Instead of "position × average ÷ counters", a small discrete simulation plays the queue forward: every counter
 * that is open now becomes free when its current visitor is done, and then calls the next ticket in queue order that
 * it can serve (ordering.ts), for as long as that ticket's services take. Outside the opening hours (a lunch break)
 * nobody is called: a counter free at 12:40 calls at the next opening.
 *
 * Service times vary, so the simulation runs many times with durations drawn around the learned ones (log-normal,
 * same mean) and a visitor at a counter who has already taken long is assumed to need a while longer. The median of a
 * ticket's call times is the estimate, the 10th and 90th percentiles are its range. A ticket that is not due yet (an
 * appointment checked in early) is expected at its due time at the earliest: walk-ins who arrive before it will be
 * ahead of it; only the range's early end tells that it may be called sooner when counters are idle.
 *
 * Durations are learned: the mean of the last finished tickets of a service (from ticket_event times), each capped at
 * three times their median so that one visitor whose case took an hour does not slow every estimate of the day; the
 * configured duration while there are too few. The mean, not the median: a wait is a sum of service times, and the
 * sum of right-skewed times grows with their mean.
 *
 * The simulation's random numbers come from a generator seeded with `now`, so one queue state always gives the same
 * estimates.
 */
import {
  type CounterScope,
  canServe,
  effectiveDue,
  MINUTE,
  type OrderingRules,
  orderQueue,
  type QueueEntry,
} from './ordering.js';

/** A waiting ticket with how long serving it is expected to take (mean) and how much that varies (log-normal σ). */
export type EstimateEntry = QueueEntry & { durationMs: number; spread?: number };

/** A counter that is open now; `busy` when it serves a visitor: since when, for how long (mean) and how variable. */
export type EstimateCounter = CounterScope & {
  busy: { since: number; durationMs: number; spread?: number } | null;
};

/** [start, end) of one opening-hours interval. */
export type OpenInterval = { start: number; end: number };

export type WaitEstimate = {
  expectedCallAt: number;
  earliestCallAt: number;
  latestCallAt: number;
  /** Tickets called before this one when every service takes its mean duration. */
  peopleAhead: number;
  counterId: string;
};

/** σ of log service times when too few samples tell it (about ±40 %). */
export const DEFAULT_SPREAD = 0.4;
/** Fewer finished tickets than this and the configured duration is used. */
export const MIN_SAMPLES = 3;
/** Simulation runs per estimate. */
export const RUNS = 64;
const RANGE = { low: 0.1, high: 0.9 } as const;

/** The first instant ≥ t inside an opening interval; t itself when there is none later (after closing). */
export function nextOpenInstant(t: number, open: readonly OpenInterval[]): number {
  for (const interval of open) {
    if (t < interval.start) return interval.start;
    if (t < interval.end) return t;
  }
  return t;
}

type Draw = (meanMs: number, spread: number | undefined) => number;
type RunCall = { callAt: number; counterId: string; ahead: number };

/**
 * One run: when each waiting ticket is called and at which counter. Tickets no open counter can serve are missing.
 * `duration` gives a ticket's service time; `freeAt` when a counter is free.
 */
function run(
  ordered: readonly EstimateEntry[],
  counters: readonly { counter: EstimateCounter; freeAt: number }[],
  open: readonly OpenInterval[],
  duration: (e: EstimateEntry) => number,
): Map<string, RunCall> {
  const pending = [...ordered];
  const pool = counters.map((c) => ({ counter: c.counter, t: nextOpenInstant(c.freeAt, open) }));
  const calls = new Map<string, RunCall>();
  let ahead = 0;
  while (pending.length > 0 && pool.length > 0) {
    let i = 0; // the counter that is free first; ties keep the given order
    for (let j = 1; j < pool.length; j++) if ((pool[j]?.t ?? 0) < (pool[i]?.t ?? 0)) i = j;
    const slot = pool[i] as (typeof pool)[number];
    const index = pending.findIndex((e) => canServe(slot.counter, e));
    if (index < 0) {
      pool.splice(i, 1); // it can serve none of the rest
      continue;
    }
    const [entry] = pending.splice(index, 1) as [EstimateEntry];
    calls.set(entry.id, { callAt: slot.t, counterId: slot.counter.id, ahead: ahead++ });
    slot.t = nextOpenInstant(slot.t + duration(entry), open);
  }
  return calls;
}

/** When a busy counter is expected to be free: at the mean end, but not before a quarter of a duration from now. */
function expectedFreeAt(c: EstimateCounter, now: number): number {
  if (!c.busy) return now;
  return Math.max(c.busy.since + c.busy.durationMs, now + c.busy.durationMs / 4);
}

/**
 * Plays the queue forward once with mean durations: the call order, each ticket's counter and the tickets ahead of
 * it. Used for "people ahead"; the estimate's times come from estimateQueue.
 */
export function simulateCalls(
  entries: readonly EstimateEntry[],
  counters: readonly EstimateCounter[],
  now: number,
  rules: OrderingRules,
  open: readonly OpenInterval[] = [],
): Map<string, RunCall> {
  const pool = counters.map((counter) => ({ counter, freeAt: expectedFreeAt(counter, now) }));
  return run(orderQueue(entries, rules), pool, open, (e) => e.durationMs);
}

/** Estimated call time with its range and the people ahead, for every waiting ticket an open counter can serve. */
export function estimateQueue(
  entries: readonly EstimateEntry[],
  counters: readonly EstimateCounter[],
  now: number,
  rules: OrderingRules,
  open: readonly OpenInterval[] = [],
): Map<string, WaitEstimate> {
  const ordered = orderQueue(entries, rules);
  const mean = simulateCalls(ordered, counters, now, rules, open);
  const draw = logNormalDraw(prng(now));
  const times = new Map<string, number[]>();
  for (let r = 0; r < RUNS; r++) {
    const pool = counters.map((counter) => ({ counter, freeAt: drawnFreeAt(counter, now, draw) }));
    for (const [id, call] of run(ordered, pool, open, (e) => draw(e.durationMs, e.spread))) {
      const list = times.get(id) ?? [];
      list.push(call.callAt);
      times.set(id, list);
    }
  }
  const estimates = new Map<string, WaitEstimate>();
  for (const entry of ordered) {
    const call = mean.get(entry.id);
    const runs = times.get(entry.id);
    if (!call || !runs) continue;
    runs.sort((a, b) => a - b);
    const due = effectiveDue(entry, rules);
    const expected = Math.max(quantile(runs, 0.5), due);
    estimates.set(entry.id, {
      expectedCallAt: expected,
      earliestCallAt: Math.min(quantile(runs, RANGE.low), expected),
      latestCallAt: Math.max(quantile(runs, RANGE.high), expected),
      peopleAhead: call.ahead,
      counterId: call.counterId,
    });
  }
  return estimates;
}

/** A busy counter's end in one run: its visitor's drawn duration, given that it has lasted until now. */
function drawnFreeAt(c: EstimateCounter, now: number, draw: Draw): number {
  if (!c.busy) return now;
  const elapsed = now - c.busy.since;
  for (let i = 0; i < 20; i++) {
    const d = draw(c.busy.durationMs, c.busy.spread);
    if (d > elapsed) return c.busy.since + d;
  }
  return now + c.busy.durationMs / 4;
}

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of nothing');
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Minutes one unit of a service takes, and how much that varies (σ of the log), from recent samples (minutes per
 * unit): the mean with each sample capped at three times the median; σ from the samples once there are five. The
 * configured duration and DEFAULT_SPREAD while there are fewer than MIN_SAMPLES samples.
 */
export function learnedDuration(
  samples: readonly number[],
  configuredMinutes: number,
): { minutes: number; spread: number } {
  const valid = samples.filter((s) => Number.isFinite(s) && s > 0);
  if (valid.length < MIN_SAMPLES) return { minutes: configuredMinutes, spread: DEFAULT_SPREAD };
  const cap = 3 * median(valid);
  const minutes = valid.reduce((sum, s) => sum + Math.min(s, cap), 0) / valid.length;
  if (valid.length < 5) return { minutes, spread: DEFAULT_SPREAD };
  const logs = valid.map((s) => Math.log(Math.min(s, cap)));
  const mu = logs.reduce((a, b) => a + b, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((sum, l) => sum + (l - mu) ** 2, 0) / (logs.length - 1));
  return { minutes, spread: Math.min(1, Math.max(0.1, sd)) };
}

/** How long a ticket takes: its services' unit durations times their counts. */
export function ticketDurationMs(
  services: readonly { serviceId: string; count: number }[],
  minutesPerUnit: (serviceId: string) => number,
): number {
  return services.reduce((sum, s) => sum + minutesPerUnit(s.serviceId) * Math.max(1, s.count) * MINUTE, 0);
}

/** mulberry32, seeded: estimates must not change between two reads of the same queue. */
function prng(seed: number): () => number {
  let a = (seed ^ (seed / 2 ** 32)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-normal durations with the given mean: mean × exp(σZ − σ²/2). */
function logNormalDraw(random: () => number): Draw {
  return (meanMs, spread = DEFAULT_SPREAD) => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return meanMs * Math.exp(spread * z - (spread * spread) / 2);
  };
}
