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
const rules = { priorityMinutes: 15 };
const walkIn = (id: string, due: number, minutes: number, more: Partial<EstimateEntry> = {}): EstimateEntry => ({
  id,
  dueAt: min(due),
  arrivedAt: min(due),
  priority: false,
  serviceIds: ['id-card'],
  counterId: null,
  durationMs: minutes * 60_000,
  ...more,
});
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

  it('expects an appointment checked in early not before its start, though it may be called sooner', () => {
    const early = walkIn('appointment', 20, 10, { arrivedAt: min(-5) });
    const estimate = estimateQueue([early], [counter('1', 0)], min(0), rules).get('appointment');
    expect(estimate).toMatchObject({ expectedCallAt: min(20), earliestCallAt: min(0), peopleAhead: 0 });
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
  const decide = (finishAt: number | null, override: WalkInOverride | null = null) =>
    walkInDecision({
      openInterval: open,
      bufferMinutes: 10,
      override,
      prediction: finishAt === null ? null : { callAt: finishAt - 60_000, finishAt },
    });

  it('issues a walk-in that would be done by closing time minus the buffer, and refuses one that would not', () => {
    expect(decide(min(50)).open).toBe(true);
    expect(decide(min(50) + 1)).toMatchObject({ open: false, reason: 'CLOSING_SOON' });
  });

  it('refuses outside the opening hours whatever the override, and when no counter can serve the services', () => {
    expect(
      walkInDecision({ openInterval: null, bufferMinutes: 10, override: WalkInOverride.OPEN, prediction: null }),
    ).toMatchObject({ open: false, reason: 'OFFICE_CLOSED' });
    expect(decide(null)).toMatchObject({ open: false, reason: 'NO_COUNTER' });
  });

  it('lets the office manager force walk-ins open or closed', () => {
    expect(decide(min(59), WalkInOverride.OPEN).open).toBe(true);
    expect(decide(min(0), WalkInOverride.CLOSED)).toMatchObject({ open: false, reason: 'MANUALLY_CLOSED' });
  });

  it('predicts the new ticket behind the waiting ones', () => {
    const queue = [walkIn('a', -20, 15), walkIn('b', -5, 15)];
    const candidate = { priority: false, serviceIds: ['id-card'], durationMs: 15 * 60_000 };
    const near = (actual: number | undefined, minutes: number) =>
      expect(Math.abs((actual ?? Number.NaN) - min(minutes))).toBeLessThan(5 * 60_000);
    const plain = predictWalkIn(queue, [counter('1', 0)], min(0), rules, [open], candidate);
    near(plain?.callAt, 30);
    expect(plain && plain.finishAt - plain.callAt).toBe(15 * 60_000);
    // With priority (15 minutes) the candidate moves ahead of b (who arrived 5 minutes ago), not of a (20).
    const prioritized = predictWalkIn(queue, [counter('1', 0)], min(0), rules, [open], {
      ...candidate,
      priority: true,
    });
    near(prioritized?.callAt, 15);
    expect(predictWalkIn(queue, [], min(0), rules, [open], candidate)).toBeNull();
  });
});
