import { describe, expect, it } from 'vitest';
import { predictWalkIn, walkInDecision } from './closing-guard.js';
import {
  DEFAULT_SPREAD,
  type EstimateCounter,
  type EstimateEntry,
  estimateQueue,
  learnedDuration,
  median,
  nextOpenInstant,
  quantile,
  simulateCalls,
  ticketDurationMs,
} from './estimate.js';
import { WalkInOverride } from './ticket-model.js';

const T0 = Date.parse('2027-03-01T08:00:00Z');
const min = (m: number) => T0 + m * 60_000;
const rules = { priorityMinutes: 15, appointmentLeadMinutes: 2 };
const walkIn = (id: string, due: number, minutes: number, more: Partial<EstimateEntry> = {}): EstimateEntry => ({
  id,
  dueAt: min(due),
  arrivedAt: min(due),
  priority: false,
  serviceIds: ['id-card'],
  counterId: null,
  appointmentAt: null,
  durationMs: minutes * 60_000,
  ...more,
});
/** An appointment starting at `start`, checked in at `checkIn` (minutes from T0), taking `minutes`. */
const appointment = (id: string, start: number, checkIn: number, minutes: number, more: Partial<EstimateEntry> = {}) =>
  walkIn(id, Math.max(start, checkIn), minutes, { arrivedAt: min(checkIn), appointmentAt: min(start), ...more });
/** An appointment booked at `start` that has not checked in yet, coming with probability `show`. */
const expected = (id: string, start: number, minutes: number, show = 1) =>
  appointment(id, start, start, minutes, { expected: { show } });
/** A counter that is free at `freeAt` (minutes from T0): busy with a visitor who came 10 minutes before that. */
const counter = (id: string, freeAt: number, ...services: string[]): EstimateCounter => ({
  id,
  busy: freeAt > 0 ? { since: min(freeAt - 10), durationMs: 10 * 60_000 } : null,
  serviceIds: new Set(services.length ? services : ['id-card']),
});
const callMinutes = (calls: Map<string, { callAt: number }>) =>
  Object.fromEntries([...calls].map(([id, c]) => [id, (c.callAt - T0) / 60_000]));

describe('simulated calls', () => {
  it('gives each free counter the next ticket, and the next one when a counter is done', () => {
    const queue = [walkIn('a', -10, 10), walkIn('b', -9, 10), walkIn('c', -8, 10), walkIn('d', -7, 10)];
    const calls = simulateCalls(queue, [counter('1', 0), counter('2', 5)], min(0), rules);
    expect(callMinutes(calls)).toEqual({ a: 0, b: 5, c: 10, d: 15 });
    expect([...calls.values()].map((c) => c.ahead)).toEqual([0, 1, 2, 3]);
  });

  it('counts a counter planned to open later from its planned start, in the estimates too', () => {
    const queue = [walkIn('a', -10, 10), walkIn('b', -9, 10), walkIn('c', -8, 10)];
    const later: EstimateCounter = { ...counter('2', 0), opensAt: min(5) };
    expect(callMinutes(simulateCalls(queue, [counter('1', 0), later], min(0), rules))).toEqual({ a: 0, b: 5, c: 10 });
    expect(callMinutes(simulateCalls(queue, [counter('1', 0)], min(0), rules))).toEqual({ a: 0, b: 10, c: 20 });
    const estimates = estimateQueue(queue, [counter('1', 0), later], min(0), rules);
    expect(estimates.get('b')?.earliestCallAt).toBeGreaterThanOrEqual(min(5));
    expect(estimates.get('b')?.counterId).toBe('2');
  });

  it('does not let a counter take a ticket it cannot serve; such tickets wait for one that can', () => {
    const queue = [walkIn('licence', -10, 15, { serviceIds: ['licence'] }), walkIn('id', -5, 10)];
    const calls = simulateCalls(
      queue,
      [counter('id-only', 0, 'id-card'), counter('all', 20, 'id-card', 'licence')],
      min(0),
      rules,
    );
    expect(callMinutes(calls)).toEqual({ id: 0, licence: 20 });
    expect(simulateCalls([walkIn('x', 0, 5, { serviceIds: ['nobody'] })], [counter('1', 0)], min(0), rules).size).toBe(
      0,
    );
  });

  it('calls nobody in the lunch break', () => {
    const open = [
      { start: min(-60), end: min(30) },
      { start: min(90), end: min(210) },
    ];
    expect(nextOpenInstant(min(40), open)).toBe(min(90));
    expect(nextOpenInstant(min(10), open)).toBe(min(10));
    expect(nextOpenInstant(min(300), open)).toBe(min(300));
    const queue = [walkIn('a', -5, 20), walkIn('b', -4, 20), walkIn('c', -3, 20)];
    const calls = simulateCalls(queue, [counter('1', 0)], min(0), rules, open);
    expect(callMinutes(calls)).toEqual({ a: 0, b: 20, c: 90 });
  });

  it('a busy counter is free when its visitor is expected to be done; one who overran needs a while longer', () => {
    const calls = simulateCalls([walkIn('a', -5, 10)], [counter('1', 7)], min(0), rules);
    expect(callMinutes(calls)).toEqual({ a: 7 });
    const overran: EstimateCounter = {
      id: '1',
      serviceIds: new Set(['id-card']),
      busy: { since: min(-13), durationMs: 8 * 60_000 },
    };
    expect(callMinutes(simulateCalls([walkIn('a', -5, 10)], [overran], min(0), rules))).toEqual({ a: 2 });
  });

  it('estimates the median call time of many runs, with a range that widens with the position', () => {
    const queue = [walkIn('a', -10, 10), walkIn('b', -9, 10), walkIn('c', -8, 10), walkIn('d', -7, 10)];
    const estimates = estimateQueue(queue, [counter('1', 0)], min(0), rules);
    expect(estimates.get('a')).toMatchObject({ expectedCallAt: min(0), earliestCallAt: min(0), latestCallAt: min(0) });
    const width = (id: string) => {
      const e = estimates.get(id);
      return e ? e.latestCallAt - e.earliestCallAt : Number.NaN;
    };
    expect(width('b')).toBeGreaterThan(0);
    expect(width('c')).toBeGreaterThan(width('b'));
    expect(width('d')).toBeGreaterThan(width('c'));
    const d = estimates.get('d');
    expect(d?.peopleAhead).toBe(3);
    // About 30 minutes: three services of 10 minutes on average.
    expect(Math.abs((d?.expectedCallAt ?? 0) - min(30))).toBeLessThan(5 * 60_000);
    expect(d && d.earliestCallAt < d.expectedCallAt && d.expectedCallAt < d.latestCallAt).toBe(true);
    // The same queue at the same moment gives the same estimate.
    expect(estimateQueue(queue, [counter('1', 0)], min(0), rules)).toEqual(estimates);
  });

  it('expects an appointment checked in early when it will be called: at once by an idle counter, else at its time', () => {
    const early = appointment('appointment', 20, -5, 10);
    const idle = estimateQueue([early], [counter('1', 0)], min(0), rules).get('appointment');
    expect(idle).toMatchObject({ expectedCallAt: min(0), earliestCallAt: min(0), peopleAhead: 0 });
    // With walk-ins for 40 minutes ahead, it falls due at 18 and goes next: called at the first free counter after.
    const queue = [walkIn('a', -9, 15), walkIn('b', -8, 15), walkIn('c', -7, 10), early];
    const busy = estimateQueue(queue, [counter('1', 0)], min(0), rules).get('appointment');
    expect(busy?.peopleAhead).toBe(2);
    expect(busy?.expectedCallAt).toBeGreaterThanOrEqual(min(18));
  });

  it('calls a due appointment before the walk-ins, and an early one when it falls due', () => {
    const queue = [walkIn('a', -30, 10), walkIn('b', -20, 10), walkIn('c', -10, 10), appointment('t', 13, -15, 10)];
    const calls = simulateCalls(queue, [counter('1', 0)], min(0), rules);
    // a 0–10, b 10–20 (at 10 the appointment is not due yet: 13 − 2 > 10), t at 20, c at 30.
    expect(callMinutes(calls)).toEqual({ a: 0, b: 10, t: 20, c: 30 });
  });

  it('counts the appointments expected later today: they go ahead of waiting walk-ins when their time comes', () => {
    const queue = [walkIn('a', -30, 10), walkIn('b', -20, 10), walkIn('c', -10, 10), expected('x', 10, 10)];
    const calls = simulateCalls(queue, [counter('1', 0)], min(0), rules);
    expect(callMinutes(calls)).toEqual({ a: 0, x: 10, b: 20, c: 30 });
    // People ahead count the tickets waiting now, not the expected appointment.
    expect(calls.get('c')?.ahead).toBe(2);
    // The estimate of c, the last walk-in, includes the expected appointment.
    const estimates = estimateQueue(queue, [counter('1', 0)], min(0), rules);
    expect(estimates.has('x')).toBe(false);
    expect(Math.abs((estimates.get('c')?.expectedCallAt ?? 0) - min(30))).toBeLessThan(5 * 60_000);
  });

  it('weights an expected appointment by its show-up probability', () => {
    const queue = [walkIn('a', -30, 10), walkIn('b', -20, 10), expected('x', 5, 10, 0.5)];
    // The mean run takes half of the expected appointment's duration: a 0–10, x 10–15, b 15.
    expect(callMinutes(simulateCalls(queue, [counter('1', 0)], min(0), rules))).toEqual({ a: 0, x: 10, b: 15 });
    const never = estimateQueue(
      [walkIn('a', -30, 10), walkIn('b', -20, 10), expected('x', 5, 10, 0)],
      [counter('1', 0)],
      min(0),
      rules,
    );
    const always = estimateQueue(
      [walkIn('a', -30, 10), walkIn('b', -20, 10), expected('x', 5, 10, 1)],
      [counter('1', 0)],
      min(0),
      rules,
    );
    expect((always.get('b')?.expectedCallAt ?? 0) - (never.get('b')?.expectedCallAt ?? 0)).toBeGreaterThan(5 * 60_000);
  });

  it('lets an idle counter wait for an expected appointment rather than drop out', () => {
    const calls = simulateCalls([expected('x', 20, 10)], [counter('1', 0)], min(0), rules);
    // Called when due: its start less the lead (2 minutes), as a checked-in appointment would be.
    expect(callMinutes(calls)).toEqual({ x: 18 });
  });

  it('calls an expected appointment from its start less the lead, as one already checked in', () => {
    // The counter is free at 9; the appointment at 10 is due from 8 (most visitors are in by then): it goes first.
    const waiting = [walkIn('b', -5, 10)];
    const busy = [counter('1', 9)];
    const notYet = simulateCalls([...waiting, expected('x', 10, 10)], busy, min(0), rules);
    const checkedIn = simulateCalls([...waiting, appointment('x', 10, -3, 10)], busy, min(0), rules);
    expect(callMinutes(notYet)).toEqual({ x: 9, b: 19 });
    expect(callMinutes(checkedIn)).toEqual(callMinutes(notYet));
  });
});

describe('learned durations', () => {
  it('uses the mean of the samples, each capped at three medians, once there are enough', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(learnedDuration([8, 9], 15)).toEqual({ minutes: 15, spread: DEFAULT_SPREAD });
    expect(learnedDuration([8, 10, 60], 15)).toEqual({ minutes: 16, spread: DEFAULT_SPREAD }); // 60 counts as 30
    expect(learnedDuration([0, -1, Number.NaN, 7], 15).minutes).toBe(15);
    const steady = learnedDuration([10, 10.5, 9.5, 10, 10.2, 9.8], 15);
    expect(steady.minutes).toBeCloseTo(10, 5);
    expect(steady.spread).toBe(0.1);
  });

  it("sums a ticket's services times their counts", () => {
    const minutes = (id: string) => (id === 'passport' ? 12 : 5);
    expect(
      ticketDurationMs(
        [
          { serviceId: 'passport', count: 2 },
          { serviceId: 'certificate', count: 1 },
        ],
        minutes,
      ),
    ).toBe(29 * 60_000);
  });
});

describe('closing guard', () => {
  const open = { start: min(-90), end: min(60) }; // closes at 09:00Z
  const decide = (pastClosing: boolean | null, override: WalkInOverride | null = null) =>
    walkInDecision({
      openInterval: open,
      override,
      prediction: pastClosing === null ? null : { callAt: min(0), finishAt: min(10), pastClosing },
    });
  const candidate = { priority: false, serviceIds: ['id-card'], durationMs: 15 * 60_000 };
  const predict = (queue: EstimateEntry[], counters = [counter('1', 0)], now = min(0)) =>
    predictWalkIn(queue, counters, now, rules, [open], 10, candidate);

  it('issues a walk-in that would be done by closing time minus the buffer, and refuses one that would not', () => {
    // Two of 15 minutes ahead: the candidate is called at 30 and done at 45, before 50 (60 − 10).
    const two = [walkIn('a', -20, 15), walkIn('b', -5, 15)];
    expect(predict(two)).toMatchObject({ callAt: min(30), finishAt: min(45), pastClosing: false });
    expect(decide(false).open).toBe(true);
    // At 6 it would be done at 51: refused.
    expect(predict(two, [counter('1', 0)], min(6))?.pastClosing).toBe(true);
    expect(decide(true)).toMatchObject({ open: false, reason: 'CLOSING_SOON' });
  });

  it('wants the walk-in itself done in time four times in five, not only on average', () => {
    // Called at 30, 15 minutes on average, done by 50 (60 − 10) at the latest. Varying little (σ 0.1), its 80th
    // percentile is 16 minutes: issued. Varying as much as a driving licence (σ 0.6), it is 21: refused.
    const two = [walkIn('a', -20, 15), walkIn('b', -5, 15)];
    const steady = predictWalkIn(two, [counter('1', 0)], min(0), rules, [open], 10, { ...candidate, spread: 0.1 });
    const varied = predictWalkIn(two, [counter('1', 0)], min(0), rules, [open], 10, { ...candidate, spread: 0.6 });
    expect(steady).toMatchObject({ callAt: min(30), finishAt: min(45), pastClosing: false });
    expect(varied).toMatchObject({ callAt: min(30), finishAt: min(45), pastClosing: true });
  });

  it('refuses a walk-in that would push a checked-in appointment past closing, though it would be done in time', () => {
    // One counter; a walk-in a (0–15) and an appointment at 30 checked in early, taking 22 minutes. Without the
    // candidate the idle counter takes the appointment early at 15 (done 37). With it, the candidate (a walk-in goes
    // before an early appointment) takes 15–30 and is done in time itself, but the appointment moves to 30–52, past 50.
    const queue = [walkIn('a', -5, 15), appointment('t', 30, -10, 22)];
    expect(predict(queue)).toMatchObject({ callAt: min(15), finishAt: min(30), pastClosing: true });
    // The same appointment taking 20 minutes is done at 50 either way: the candidate is issued.
    expect(predict([walkIn('a', -5, 15), appointment('t', 30, -10, 20)])?.pastClosing).toBe(false);
  });

  it('refuses a priority walk-in whose head start pushes a waiting walk-in past closing', () => {
    // Without the candidate: a 0–15, b 15–37 (in time). A priority candidate goes ahead of b (who arrived 5 minutes
    // ago), not of a (20): candidate 15–30 is in time itself, but b moves to 30–52, past 50.
    const queue = [walkIn('a', -20, 15), walkIn('b', -5, 22)];
    const prioritized = predictWalkIn(queue, [counter('1', 0)], min(0), rules, [open], 10, {
      ...candidate,
      priority: true,
    });
    expect(prioritized).toMatchObject({ callAt: min(15), finishAt: min(30), pastClosing: true });
    // With b a little shorter (20), b is done at 50 either way: issued.
    const shorter = [walkIn('a', -20, 15), walkIn('b', -5, 20)];
    expect(
      predictWalkIn(shorter, [counter('1', 0)], min(0), rules, [open], 10, { ...candidate, priority: true })
        ?.pastClosing,
    ).toBe(false);
  });

  it('refuses a walk-in that would push an appointment expected later today past closing', () => {
    // One counter, an appointment booked at 35 for 15 minutes (not here yet). Without the candidate: a 0–15, then idle
    // until 35, x 35–50. With it: candidate 15–30, x still 35–50: fine. With a longer candidate (25): 15–40, x 40–55.
    const queue = [walkIn('a', -5, 15), expected('x', 35, 15)];
    expect(predict(queue)?.pastClosing).toBe(false);
    const longer = predictWalkIn(queue, [counter('1', 0)], min(0), rules, [open], 10, {
      ...candidate,
      durationMs: 25 * 60_000,
    });
    expect(longer?.finishAt).toBe(min(40));
    expect(longer?.pastClosing).toBe(true);
  });

  it('lets a morning walk-in wait over the lunch break when the afternoon can serve it in time', () => {
    const day = [
      { start: min(-90), end: min(30) },
      { start: min(90), end: min(210) },
    ];
    const queue = [walkIn('a', -5, 20), walkIn('b', -4, 20)];
    const p = predictWalkIn(queue, [counter('1', 0)], min(0), rules, day, 10, candidate);
    // a 0–20, b 20–40 (past 30 − 10: it overran before, and no more than before), candidate at 90.
    expect(p).toMatchObject({ callAt: min(90), finishAt: min(105), pastClosing: false });
  });

  it('refuses outside the opening hours whatever the override, and when no counter can serve the services', () => {
    expect(walkInDecision({ openInterval: null, override: WalkInOverride.OPEN, prediction: null })).toMatchObject({
      open: false,
      reason: 'OFFICE_CLOSED',
    });
    expect(decide(null)).toMatchObject({ open: false, reason: 'NO_COUNTER' });
    expect(predict([walkIn('a', -5, 15)], [])).toBeNull();
  });

  it('lets the office manager force walk-ins open or closed', () => {
    expect(decide(true, WalkInOverride.OPEN).open).toBe(true);
    expect(decide(false, WalkInOverride.CLOSED)).toMatchObject({ open: false, reason: 'MANUALLY_CLOSED' });
  });
});
