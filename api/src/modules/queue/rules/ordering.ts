/**
 * The queue order (pure; see docs/queue-policy.md). Instants are epoch ms.
 *
 * An appointment is a promise: its counter time was reserved at booking. So the order has three ranks, decided at
 * the moment a counter calls (`now`):
 *
 * 1. **Due appointments**: a checked-in appointment whose start has come (or comes within `appointmentLeadMinutes`:
 *    a counter free just before the start takes it), and a late one still inside the late window. Called before
 *    every walk-in, priority ones included, in order of their due time.
 * 2. **Walk-ins**, in order of arrival. Priority (biometrics captured beforehand, or a staff decision) is a bounded
 *    head start among walk-ins: the ticket counts as if it had arrived `priorityMinutes` earlier.
 * 3. **Early appointments** (checked in before their time): only a counter that would otherwise stand idle calls
 *    one, the one with the earliest start first.
 *
 * Within a rank: (effective) due time, then arrival, then id. A counter calls the first ticket in this order that it
 * can serve: it handles all of the ticket's services, and the ticket is not reserved for another counter.
 *
 * An appointment ticket keeps its rank while its due time lies inside the late window: a parked or transferred
 * ticket keeps its due time and so its rank; one reactivated after a no-show or a cancellation queues again from now
 * and, once that is after the late window, as a walk-in.
 */

export const MINUTE = 60_000;

export type OrderingRules = {
  /** How far priority moves a walk-in ahead, in minutes (office setting). */
  priorityMinutes: number;
  /** How many minutes before its start an appointment counts as due. */
  appointmentLeadMinutes: number;
};

/** A counter free within this many minutes of an appointment's start takes it before walk-ins. */
export const APPOINTMENT_LEAD_MINUTES = 2;

/** A waiting ticket as the order sees it. */
export type QueueEntry = {
  id: string;
  /** When the ticket is due: a walk-in's arrival; an appointment's start, or its check-in when the visitor came late. */
  dueAt: number;
  /** When the visitor got the ticket; breaks ties between equal due times. */
  arrivedAt: number;
  priority: boolean;
  /** The services the visitor needs; one counter serves them all. */
  serviceIds: readonly string[];
  /** Only this counter may call the ticket (after a transfer to a counter); null: any counter that can serve it. */
  counterId: string | null;
  /** The appointment's start while the ticket holds its reserved time; null for walk-ins (see appointmentStanding). */
  appointmentAt: number | null;
};

/** A counter as the order sees it. */
export type CounterScope = { id: string; serviceIds: ReadonlySet<string> };

/** The three ranks of the order, best first. */
export enum Rank {
  DUE_APPOINTMENT = 0,
  WALK_IN = 1,
  EARLY_APPOINTMENT = 2,
}

/** The ticket's rank when a counter calls at `now`. */
export function rankAt(entry: QueueEntry, now: number, rules: OrderingRules): Rank {
  if (entry.appointmentAt === null) return Rank.WALK_IN;
  return isAppointmentDue(entry.appointmentAt, now, rules) ? Rank.DUE_APPOINTMENT : Rank.EARLY_APPOINTMENT;
}

/** Whether an appointment starting at `startsAt` is due at `now` (its start lies within the lead). */
export function isAppointmentDue(startsAt: number, now: number, rules: OrderingRules): boolean {
  return startsAt - rules.appointmentLeadMinutes * MINUTE <= now;
}

/** The ticket's place within its rank: its due time, with a walk-in's priority applied. */
export function effectiveDue(entry: QueueEntry, rules: OrderingRules): number {
  return entry.priority && entry.appointmentAt === null ? entry.dueAt - rules.priorityMinutes * MINUTE : entry.dueAt;
}

/** Order within one rank: effective due time, then arrival, then id. */
export function compareWithinRank(a: QueueEntry, b: QueueEntry, rules: OrderingRules): number {
  return (
    effectiveDue(a, rules) - effectiveDue(b, rules) ||
    a.arrivedAt - b.arrivedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The waiting tickets in the order counters call them at `now` (a new array). */
export function orderQueue<T extends QueueEntry>(entries: readonly T[], now: number, rules: OrderingRules): T[] {
  return [...entries].sort((a, b) => rankAt(a, now, rules) - rankAt(b, now, rules) || compareWithinRank(a, b, rules));
}

/** Whether `counter` may call `entry`. */
export function canServe(counter: CounterScope, entry: QueueEntry): boolean {
  return (
    (entry.counterId === null || entry.counterId === counter.id) &&
    entry.serviceIds.length > 0 &&
    entry.serviceIds.every((id) => counter.serviceIds.has(id))
  );
}

/**
 * The tickets `counter` may call at `now`, best first: the first one is what "Call next" takes; the rest are the
 * fall-backs when another counter takes it at the same moment.
 */
export function callOrder<T extends QueueEntry>(
  entries: readonly T[],
  counter: CounterScope,
  now: number,
  rules: OrderingRules,
): T[] {
  return orderQueue(
    entries.filter((e) => canServe(counter, e)),
    now,
    rules,
  );
}

/** An appointment ticket's due time: the start, or the check-in when the visitor came after the start. */
export function appointmentDueAt(startsAt: number, checkedInAt: number): number {
  return Math.max(startsAt, checkedInAt);
}

/**
 * The start an appointment ticket still holds in the order, or null when it queues as a walk-in: it holds it while
 * its due time lies within `lateMinutes` after the start (checked in on time or late inside the late window, or
 * parked and reactivated with its due time). A ticket reactivated after a no-show queues from then on, and once
 * that is after the late window, as a walk-in.
 */
export function appointmentStanding(startsAt: number | null, dueAt: number, lateMinutes: number): number | null {
  if (startsAt === null) return null;
  return dueAt <= startsAt + lateMinutes * MINUTE ? startsAt : null;
}
