import { describe, expect, it } from 'vitest';
import { checkInWindow } from './check-in-window.js';
import {
  appointmentDueAt,
  appointmentStanding,
  callOrder,
  canServe,
  effectiveDue,
  orderQueue,
  type QueueEntry,
  Rank,
  rankAt,
} from './ordering.js';

const T0 = Date.parse('2027-03-01T08:00:00Z'); // 09:00 in Berlin
const min = (m: number) => T0 + m * 60_000;
const rules = { priorityMinutes: 15, appointmentLeadMinutes: 2 };
const entry = (id: string, due: number, more: Partial<QueueEntry> = {}): QueueEntry => ({
  id,
  dueAt: min(due),
  arrivedAt: more.arrivedAt ?? min(due),
  priority: false,
  serviceIds: ['id-card'],
  counterId: null,
  appointmentAt: null,
  ...more,
});
/** An appointment starting at `start`, checked in at `checkIn` (minutes from T0). */
const appointment = (id: string, start: number, checkIn: number, more: Partial<QueueEntry> = {}) =>
  entry(id, Math.max(start, checkIn), { arrivedAt: min(checkIn), appointmentAt: min(start), ...more });
const ids = (list: QueueEntry[]) => list.map((e) => e.id);
const counter = (id: string, ...services: string[]) => ({ id, serviceIds: new Set(services) });

describe('queue order', () => {
  it('calls an appointment whose time has come before every walk-in, however long they have waited', () => {
    const queue = [entry('walk-in-0', -40), entry('walk-in-5', -35), appointment('appointment', 0, -20)];
    expect(ids(orderQueue(queue, min(0), rules))).toEqual(['appointment', 'walk-in-0', 'walk-in-5']);
    expect(rankAt(queue[2] as QueueEntry, min(0), rules)).toBe(Rank.DUE_APPOINTMENT);
  });

  it('lets a counter free within the lead (2 minutes) of the start take the appointment', () => {
    const queue = [entry('walk-in', -30), appointment('appointment', 10, -20)];
    expect(ids(orderQueue(queue, min(8), rules))).toEqual(['appointment', 'walk-in']);
    expect(ids(orderQueue(queue, min(8) - 1, rules))).toEqual(['walk-in', 'appointment']);
  });

  it('lets an early appointment fill an idle counter only: walk-ins first while it is not due', () => {
    const queue = [appointment('appointment-30', 30, 0), entry('walk-in-1', 1)];
    expect(ids(callOrder(queue, counter('c1', 'id-card'), min(2), rules))).toEqual(['walk-in-1', 'appointment-30']);
    expect(rankAt(queue[0] as QueueEntry, min(2), rules)).toBe(Rank.EARLY_APPOINTMENT);
    expect(ids(callOrder([queue[0] as QueueEntry], counter('c1', 'id-card'), min(2), rules))).toEqual([
      'appointment-30',
    ]);
  });

  it('orders due appointments by their due time, a late one (inside the late window) by its check-in', () => {
    const queue = [
      appointment('late-0', 0, 7), // came 7 minutes late
      appointment('on-time-5', 5, -10),
      entry('walk-in', -60),
    ];
    expect(ids(orderQueue(queue, min(8), rules))).toEqual(['on-time-5', 'late-0', 'walk-in']);
  });

  it('orders early appointments among themselves by start', () => {
    const queue = [appointment('at-50', 50, -10), appointment('at-40', 40, 0)];
    expect(ids(orderQueue(queue, min(0), rules))).toEqual(['at-40', 'at-50']);
  });

  it('gives a priority walk-in a head start of priorityMinutes among walk-ins, not ahead of a due appointment', () => {
    const queue = [
      entry('w0', 0),
      entry('w5', 5),
      entry('w10', 10),
      entry('prio-18', 18, { priority: true }),
      appointment('appointment', 15, 0),
    ];
    expect(effectiveDue(queue[3] as QueueEntry, rules)).toBe(min(3));
    expect(ids(orderQueue(queue, min(18), rules))).toEqual(['appointment', 'w0', 'prio-18', 'w5', 'w10']);
    expect(ids(orderQueue(queue.slice(0, 4), min(18), { ...rules, priorityMinutes: 0 }))).toEqual([
      'w0',
      'w5',
      'w10',
      'prio-18',
    ]);
  });

  it('gives priority no head start to an appointment (its time is reserved already)', () => {
    const prio = appointment('prio', 10, 0, { priority: true });
    expect(effectiveDue(prio, rules)).toBe(min(10));
    expect(rankAt(prio, min(0), rules)).toBe(Rank.EARLY_APPOINTMENT);
  });

  it('breaks ties by arrival, then by id', () => {
    const queue = [
      entry('b', 10, { arrivedAt: min(-5) }),
      entry('a', 10, { arrivedAt: min(-5) }),
      entry('c', 10, { arrivedAt: min(-9) }),
    ];
    expect(ids(orderQueue(queue, min(20), rules))).toEqual(['c', 'a', 'b']);
  });

  it('a counter calls only tickets whose services it handles all of, and tickets reserved for it', () => {
    const queue = [
      entry('licence', 0, { serviceIds: ['driving-licence'] }),
      entry('both', 1, { serviceIds: ['id-card', 'driving-licence'] }),
      entry('for-c2', 2, { counterId: 'c2' }),
      entry('id', 3),
    ];
    expect(ids(callOrder(queue, counter('c1', 'id-card'), min(5), rules))).toEqual(['id']);
    expect(ids(callOrder(queue, counter('c2', 'id-card', 'driving-licence'), min(5), rules))).toEqual([
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

  it('an appointment ticket keeps its standing while its due time is inside the late window', () => {
    expect(appointmentStanding(min(0), min(0), 10)).toBe(min(0));
    expect(appointmentStanding(min(0), min(10), 10)).toBe(min(0)); // late, at the edge
    // Reactivated after a no-show at 10:11: it queues as a walk-in from then on.
    expect(appointmentStanding(min(0), min(11), 10)).toBeNull();
    expect(appointmentStanding(null, min(0), 10)).toBeNull();
  });
});

describe('check-in window', () => {
  const start = min(60); // 10:00 Berlin
  const window = { lateMinutes: 10, timeZone: 'Europe/Berlin' };
  it("opens at the start of the appointment's day, office time: an hour early (or more) is fine", () => {
    expect(checkInWindow(start, min(0), window)).toEqual({ kind: 'ok', late: false });
    const midnight = Date.parse('2027-02-28T23:00:00Z'); // 00:00 on 1 March in Berlin
    expect(checkInWindow(start, midnight, window)).toEqual({ kind: 'ok', late: false });
    expect(checkInWindow(start, midnight - 1, window)).toEqual({ kind: 'tooEarly', comeBackAt: midnight });
  });
  it('closes lateMinutes after the start, and tells who came late', () => {
    expect(checkInWindow(start, min(60), window)).toEqual({ kind: 'ok', late: false });
    expect(checkInWindow(start, min(61), window)).toEqual({ kind: 'ok', late: true });
    expect(checkInWindow(start, min(70), window)).toEqual({ kind: 'ok', late: true });
    expect(checkInWindow(start, min(70) + 1, window)).toEqual({ kind: 'tooLate' });
    expect(checkInWindow(start, min(71), window)).toEqual({ kind: 'tooLate' });
  });
});
