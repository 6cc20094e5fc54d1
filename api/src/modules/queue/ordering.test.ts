import { describe, expect, it } from 'vitest';
import { checkInWindow } from './check-in-window.js';
import { appointmentDueAt, callOrder, canServe, effectiveDue, isDue, orderQueue, type QueueEntry } from './ordering.js';

const T0 = Date.parse('2027-03-01T08:00:00Z');
const min = (m: number) => T0 + m * 60_000;
const rules = { priorityMinutes: 15 };
const entry = (id: string, due: number, more: Partial<QueueEntry> = {}): QueueEntry => ({
  id,
  dueAt: min(due),
  arrivedAt: more.arrivedAt ?? min(due),
  priority: false,
  serviceIds: ['id-card'],
  counterId: null,
  ...more,
});
const ids = (list: QueueEntry[]) => list.map((e) => e.id);
const counter = (id: string, ...services: string[]) => ({ id, serviceIds: new Set(services) });

describe('queue order', () => {
  it('orders walk-ins by arrival and slots appointments in at their start', () => {
    const queue = [
      entry('appointment-10', 10, { arrivedAt: min(-20) }), // checked in 20 min early
      entry('walk-in-0', 0),
      entry('walk-in-5', 5),
      entry('walk-in-12', 12),
    ];
    expect(ids(orderQueue(queue, rules))).toEqual(['walk-in-0', 'walk-in-5', 'appointment-10', 'walk-in-12']);
  });

  it('an early appointment does not jump ahead of walk-ins before its time', () => {
    const queue = [entry('appointment-30', 30, { arrivedAt: min(0) }), entry('walk-in-1', 1)];
    const next = callOrder(queue, counter('c1', 'id-card'), rules)[0];
    expect(next?.id).toBe('walk-in-1');
    expect(isDue(queue[0] as QueueEntry, min(2), rules)).toBe(false);
  });

  it('works ahead on a not-yet-due appointment when nothing due is waiting', () => {
    const queue = [entry('appointment-30', 30, { arrivedAt: min(0) })];
    expect(ids(callOrder(queue, counter('c1', 'id-card'), rules))).toEqual(['appointment-30']);
  });

  it('moves a priority ticket ahead by priorityMinutes, not to the front', () => {
    const queue = [entry('w0', 0), entry('w5', 5), entry('w10', 10), entry('prio-18', 18, { priority: true })];
    expect(effectiveDue(queue[3] as QueueEntry, rules)).toBe(min(3));
    expect(ids(orderQueue(queue, rules))).toEqual(['w0', 'prio-18', 'w5', 'w10']);
    expect(ids(orderQueue(queue, { priorityMinutes: 0 }))).toEqual(['w0', 'w5', 'w10', 'prio-18']);
  });

  it('breaks ties by arrival, then by id', () => {
    const queue = [
      entry('b', 10, { arrivedAt: min(-5) }),
      entry('a', 10, { arrivedAt: min(-5) }),
      entry('c', 10, { arrivedAt: min(-9) }),
    ];
    expect(ids(orderQueue(queue, rules))).toEqual(['c', 'a', 'b']);
  });

  it('a counter calls only tickets whose services it handles all of, and tickets reserved for it', () => {
    const queue = [
      entry('licence', 0, { serviceIds: ['driving-licence'] }),
      entry('both', 1, { serviceIds: ['id-card', 'driving-licence'] }),
      entry('for-c2', 2, { counterId: 'c2' }),
      entry('id', 3),
    ];
    expect(ids(callOrder(queue, counter('c1', 'id-card'), rules))).toEqual(['id']);
    expect(ids(callOrder(queue, counter('c2', 'id-card', 'driving-licence'), rules))).toEqual([
      'licence',
      'both',
      'for-c2',
      'id',
    ]);
    expect(canServe(counter('c1', 'id-card'), entry('none', 0, { serviceIds: [] }))).toBe(false);
  });

  it('a late appointment is due at its check-in, an early or punctual one at its start', () => {
    expect(appointmentDueAt(min(10), min(14))).toBe(min(14));
    expect(appointmentDueAt(min(10), min(-20))).toBe(min(10));
  });
});

describe('check-in window', () => {
  const start = min(60);
  const window = { earlyMinutes: 30, lateMinutes: 10 };
  it('opens exactly earlyMinutes before the start', () => {
    expect(checkInWindow(start, min(30), window)).toEqual({ kind: 'ok', late: false });
    expect(checkInWindow(start, min(29), window)).toEqual({ kind: 'tooEarly', comeBackAt: min(30) });
    expect(checkInWindow(start, min(29) + 59_999, window)).toEqual({ kind: 'tooEarly', comeBackAt: min(30) });
  });
  it('closes lateMinutes after the start, and tells who came late', () => {
    expect(checkInWindow(start, min(60), window)).toEqual({ kind: 'ok', late: false });
    expect(checkInWindow(start, min(61), window)).toEqual({ kind: 'ok', late: true });
    expect(checkInWindow(start, min(70), window)).toEqual({ kind: 'ok', late: true });
    expect(checkInWindow(start, min(70) + 1, window)).toEqual({ kind: 'tooLate' });
    expect(checkInWindow(start, min(71), window)).toEqual({ kind: 'tooLate' });
  });
});
