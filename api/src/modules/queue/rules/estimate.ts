/**
 * Wait estimates (pure; see docs/queue-policy.md). Instants are epoch ms.
 *
 * Instead of "position × average ÷ counters", a small discrete simulation plays the queue forward: every counter
 * that is open now becomes free when its current visitor is done, and then calls the next ticket in queue order at
 * that moment (ordering.ts: due appointments, then walk-ins, then early appointments) that it can serve, for as long
 * as that ticket's services take. Outside the opening hours (a lunch break) nobody is called: a counter free at 12:40
 * calls at the next opening.
 *
 * Appointments booked for the rest of the day that have not checked in yet take part as **expected** entries: they
 * can be called from their start less the lead on, as a checked-in appointment is (most visitors come on time or
 * early), and each comes with the office's learned show-up probability. So a walk-in's estimate already counts the
 * appointments that will go ahead of it.
 *
 * Service times vary, so the simulation runs many times with durations drawn around the learned ones (log-normal,
 * same mean), expected appointments coming or not at their show-up probability, and a visitor at a counter who has
 * already taken long is assumed to need a while longer. The median of a ticket's call times is the estimate, the
 * 10th and 90th percentiles are its range. An appointment checked in early is expected at its start at the earliest
 * (less the lead): walk-ins who arrive in the meantime are ahead of it; only the range's early end tells that it may
 * be called sooner when counters are idle.
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
  compareWithinRank,
  isAppointmentDue,
  MINUTE,
  type OrderingRules,
  type QueueEntry,
} from './ordering.js';

/**
 * A ticket the simulation plays: a waiting one, or (with `expected`) a booked appointment not checked in yet, which
 * can be called from its start (`arrivedAt`) less the lead and comes with probability `expected.show`. With how long
 * serving it is expected to take (mean) and how much that varies (log-normal σ).
 */
export type EstimateEntry = QueueEntry & { durationMs: number; spread?: number; expected?: { show: number } };

/**
 * A counter that is open now; `busy` when it serves a visitor: since when, for how long (mean) and how variable. Or a
 * counter nobody sits at yet that is planned to open later today (`opensAt`, its hours): free from then.
 */
export type EstimateCounter = CounterScope & {
  busy: { since: number; durationMs: number; spread?: number } | null;
  opensAt?: number;
};

/** [start, end) of one opening-hours interval. */
export type OpenInterval = { start: number; end: number };

export type WaitEstimate = {
  expectedCallAt: number;
  earliestCallAt: number;
  latestCallAt: number;
  /** Waiting tickets called before this one when every service takes its mean duration. */
  peopleAhead: number;
  counterId: string;
};

/** One ticket's call in a played-forward queue. */
export type SimulatedCall = { callAt: number; finishAt: number; counterId: string; ahead: number };

/** σ of log service times when too few samples tell it (about ±40 %). */
export const DEFAULT_SPREAD = 0.4;
/** Fewer finished tickets than this and the configured duration is used. */
export const MIN_SAMPLES = 3;
/**
 * How many of a service's last finished tickets the learned duration uses (of the last 60 days): enough that the
 * mean is within a few percent (with 20 it was off by ±10 %, the same error in every estimate of the day).
 */
export const LEARNED_SAMPLES = 100;
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

/** The entries split by kind, each in the order within its rank (sorted once, filtered per run). */
type Sorted = { appointments: EstimateEntry[]; walkIns: EstimateEntry[] };

function sortEntries(entries: readonly EstimateEntry[], rules: OrderingRules): Sorted {
  const byOrder = (a: EstimateEntry, b: EstimateEntry) => compareWithinRank(a, b, rules);
  return {
    appointments: entries.filter((e) => e.appointmentAt !== null).sort(byOrder),
    walkIns: entries.filter((e) => e.appointmentAt === null).sort(byOrder),
  };
}

/**
 * From when the visitor can be called: a waiting ticket at once; an expected appointment from its start less the
 * lead (`arrivedAt` is its start), as a checked-in one is called: most visitors come on time or early.
 */
const presentFrom = (e: EstimateEntry, rules: OrderingRules) =>
  e.expected ? e.arrivedAt - rules.appointmentLeadMinutes * MINUTE : Number.NEGATIVE_INFINITY;

/**
 * One run: when each ticket is called and at which counter, calling in queue order at each free counter's moment.
 * Tickets no open counter can serve are missing. `duration` gives a ticket's service time.
 */
function run(
  sorted: Sorted,
  counters: readonly { counter: EstimateCounter; freeAt: number }[],
  open: readonly OpenInterval[],
  rules: OrderingRules,
  duration: (e: EstimateEntry) => number,
): Map<string, SimulatedCall> {
  const appointments = [...sorted.appointments];
  const walkIns = [...sorted.walkIns];
  const pool = counters.map((c) => ({ counter: c.counter, t: nextOpenInstant(c.freeAt, open) }));
  const calls = new Map<string, SimulatedCall>();
  let ahead = 0;
  while (appointments.length + walkIns.length > 0 && pool.length > 0) {
    let i = 0; // the counter that is free first; ties keep the given order
    for (let j = 1; j < pool.length; j++) if ((pool[j]?.t ?? 0) < (pool[i]?.t ?? 0)) i = j;
    const slot = pool[i] as (typeof pool)[number];
    const t = slot.t;
    const servable = (e: EstimateEntry) => canServe(slot.counter, e);
    const present = (e: EstimateEntry) => presentFrom(e, rules) <= t;
    let list = appointments;
    let index = appointments.findIndex(
      (e) => servable(e) && present(e) && isAppointmentDue(e.appointmentAt as number, t, rules),
    );
    if (index < 0) {
      list = walkIns;
      index = walkIns.findIndex(servable);
    }
    if (index < 0) {
      list = appointments;
      index = appointments.findIndex((e) => servable(e) && present(e)); // an idle counter works ahead
    }
    if (index < 0) {
      // Nobody here it can serve: wait for the next expected appointment it can serve, or drop out.
      const next = appointments
        .filter(servable)
        .reduce((soonest, e) => Math.min(soonest, presentFrom(e, rules)), Infinity);
      if (next === Infinity) pool.splice(i, 1);
      else slot.t = nextOpenInstant(next, open);
      continue;
    }
    const [entry] = list.splice(index, 1) as [EstimateEntry];
    const finishAt = t + duration(entry);
    calls.set(entry.id, { callAt: t, finishAt, counterId: slot.counter.id, ahead });
    if (!entry.expected) ahead++;
    slot.t = nextOpenInstant(finishAt, open);
  }
  return calls;
}

/** When a busy counter is expected to be free: at the mean end, but not before a quarter of a duration from now. */
function expectedFreeAt(c: EstimateCounter, now: number): number {
  if (c.opensAt !== undefined && c.opensAt > now) return c.opensAt;
  if (!c.busy) return now;
  return Math.max(c.busy.since + c.busy.durationMs, now + c.busy.durationMs / 4);
}

/**
 * Plays the queue forward once with mean durations (an expected appointment weighted by its show-up probability):
 * each ticket's call and finish, its counter and the waiting tickets called before it. Used for "people ahead" and
 * by the closing guard; the estimate's times come from estimateQueue.
 */
export function simulateCalls(
  entries: readonly EstimateEntry[],
  counters: readonly EstimateCounter[],
  now: number,
  rules: OrderingRules,
  open: readonly OpenInterval[] = [],
): Map<string, SimulatedCall> {
  const pool = counters.map((counter) => ({ counter, freeAt: expectedFreeAt(counter, now) }));
  return run(sortEntries(entries, rules), pool, open, rules, (e) => e.durationMs * (e.expected?.show ?? 1));
}

/** Estimated call time with its range and the people ahead, for every waiting ticket an open counter can serve. */
export function estimateQueue(
  entries: readonly EstimateEntry[],
  counters: readonly EstimateCounter[],
  now: number,
  rules: OrderingRules,
  open: readonly OpenInterval[] = [],
): Map<string, WaitEstimate> {
  const sorted = sortEntries(entries, rules);
  const mean = simulateCalls(entries, counters, now, rules, open);
  const random = prng(now);
  const draw = logNormalDraw(random);
  const comes = (e: EstimateEntry) => !e.expected || random() < e.expected.show;
  const times = new Map<string, number[]>();
  for (let r = 0; r < RUNS; r++) {
    const pool = counters.map((counter) => ({ counter, freeAt: drawnFreeAt(counter, now, draw) }));
    const played = { appointments: sorted.appointments.filter(comes), walkIns: sorted.walkIns };
    for (const [id, call] of run(played, pool, open, rules, (e) => draw(e.durationMs, e.spread))) {
      const list = times.get(id) ?? [];
      list.push(call.callAt);
      times.set(id, list);
    }
  }
  const estimates = new Map<string, WaitEstimate>();
  for (const entry of entries) {
    const call = mean.get(entry.id);
    const runs = times.get(entry.id);
    if (entry.expected || !call || !runs) continue;
    runs.sort((a, b) => a - b);
    const expected = quantile(runs, 0.5);
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
  if (c.opensAt !== undefined && c.opensAt > now) return c.opensAt;
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

/** The show-up probability assumed while an office has too little history. */
export const DEFAULT_SHOW_RATE = 0.9;
/** Weight of that assumption, in appointments: it fades as the office's own history grows. */
const SHOW_RATE_PRIOR = 20;

/**
 * The share of booked appointments whose visitor comes, from the office's recent history (`came` of `booked`),
 * blended with DEFAULT_SHOW_RATE so that a handful of days cannot swing it to 0 or 1.
 */
export function learnedShowRate(booked: number, came: number): number {
  const b = Math.max(0, booked);
  const c = Math.min(b, Math.max(0, came));
  return (c + DEFAULT_SHOW_RATE * SHOW_RATE_PRIOR) / (b + SHOW_RATE_PRIOR);
}

/** How long a ticket takes: its services' unit durations times their counts. */
export function ticketDurationMs(
  services: readonly { serviceId: string; count: number }[],
  minutesPerUnit: (serviceId: string) => number,
): number {
  return services.reduce((sum, s) => sum + minutesPerUnit(s.serviceId) * Math.max(1, s.count) * MINUTE, 0);
}

/** mulberry32, seeded: estimates must not change between two reads of the same queue. */
export function prng(seed: number): () => number {
  let a = (seed ^ (seed / 2 ** 32)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The duration at standard-normal quantile `z` of a log-normal with this mean and σ of its log (z 0: below the mean). */
export function logNormalQuantile(meanMs: number, z: number, spread: number = DEFAULT_SPREAD): number {
  return meanMs * Math.exp(spread * z - (spread * spread) / 2);
}

/** Log-normal durations with the given mean: mean × exp(σZ − σ²/2). */
function logNormalDraw(random: () => number): Draw {
  return (meanMs, spread = DEFAULT_SPREAD) => {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return logNormalQuantile(meanMs, z, spread);
  };
}
