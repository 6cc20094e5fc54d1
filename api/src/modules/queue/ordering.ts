/**
 * The queue order (pure; see docs/queue-policy.md). Instants are epoch ms.
 *
 * - Every waiting ticket has a due time: an appointment's start, or its check-in time when the visitor came late;
 *   a walk-in's arrival.
 * - Priority (biometrics captured beforehand, or a staff decision) moves a ticket ahead by `priorityMinutes`: its
 *   effective due time is that much earlier.
 * - The queue is ordered by effective due time, then arrival, then id. A counter calls the first ticket in this order
 *   that it can serve: it handles all of the ticket's services, and the ticket is not reserved for another counter.
 * - So an appointment checked in early waits for its start: every walk-in who arrived before that start is ahead
 *   of it. Only when nothing that is due is waiting does a counter work ahead and call it before its time (the first
 *   not-yet-due ticket in the same order), rather than stand idle.
 * - Parked, called and finished tickets are not in the queue; a reactivated ticket comes back with its due time.
 */

export const MINUTE = 60_000;

export type OrderingRules = {
  /** How far priority moves a ticket ahead, in minutes (office setting). */
  priorityMinutes: number;
};

/** A waiting ticket as the order sees it. */
export type QueueEntry = {
  id: string;
  dueAt: number;
  /** When the visitor got the ticket; breaks ties between equal due times. */
  arrivedAt: number;
  priority: boolean;
  /** The services the visitor needs; one counter serves them all. */
  serviceIds: readonly string[];
  /** Only this counter may call the ticket (after a transfer to a counter); null: any counter that can serve it. */
  counterId: string | null;
};

/** A counter as the order sees it. */
export type CounterScope = { id: string; serviceIds: ReadonlySet<string> };

/** When the ticket is due in the queue, with its priority applied. */
export function effectiveDue(entry: QueueEntry, rules: OrderingRules): number {
  return entry.priority ? entry.dueAt - rules.priorityMinutes * MINUTE : entry.dueAt;
}

/** Whether the ticket's (effective) due time has come. */
export function isDue(entry: QueueEntry, now: number, rules: OrderingRules): boolean {
  return effectiveDue(entry, rules) <= now;
}

export function compareEntries(a: QueueEntry, b: QueueEntry, rules: OrderingRules): number {
  return (
    effectiveDue(a, rules) - effectiveDue(b, rules) ||
    a.arrivedAt - b.arrivedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The waiting tickets in queue order (a new array). */
export function orderQueue<T extends QueueEntry>(entries: readonly T[], rules: OrderingRules): T[] {
  return [...entries].sort((a, b) => compareEntries(a, b, rules));
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
 * The tickets `counter` may call, best first: the first one is what "Call next" takes; the rest are the fall-backs
 * when another counter takes it at the same moment.
 */
export function callOrder<T extends QueueEntry>(
  entries: readonly T[],
  counter: CounterScope,
  rules: OrderingRules,
): T[] {
  return orderQueue(
    entries.filter((e) => canServe(counter, e)),
    rules,
  );
}

/** An appointment ticket's due time: the start, or the check-in when the visitor came after the start. */
export function appointmentDueAt(startsAt: number, checkedInAt: number): number {
  return Math.max(startsAt, checkedInAt);
}
