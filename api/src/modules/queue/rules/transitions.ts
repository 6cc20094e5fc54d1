/**
 * Which action is allowed in which ticket status (pure). The services check here before they change a ticket, so
 * the rules live in one table that the unit tests read like a specification.
 */
import { TicketAction, TicketEventType, TicketStatus } from './ticket-model.js';

const { WAITING, CALLED, SERVING, NO_SHOW, PARKED, CANCELLED } = TicketStatus;

const allowedFrom: Record<TicketAction, readonly TicketStatus[]> = {
  [TicketAction.CALL]: [WAITING],
  [TicketAction.RECALL]: [CALLED],
  [TicketAction.START]: [CALLED],
  // A clerk who forgot to press Start can still finish.
  [TicketAction.FINISH]: [CALLED, SERVING],
  [TicketAction.NO_SHOW]: [CALLED],
  // The visitor must fetch a document first: park from the desk (WAITING) or from the counter.
  [TicketAction.PARK]: [WAITING, CALLED, SERVING],
  // Back into the queue: a parked visitor is ready, a no-show or a cancelled visitor turned up after all.
  [TicketAction.REACTIVATE]: [PARKED, NO_SHOW, CANCELLED],
  [TicketAction.TRANSFER]: [WAITING, CALLED, SERVING, PARKED],
  [TicketAction.CANCEL]: [WAITING, CALLED, PARKED, NO_SHOW],
  [TicketAction.SET_PRIORITY]: [WAITING, CALLED, PARKED],
  // Undo checks the last event instead (see undoable); any status with such an event qualifies.
  [TicketAction.UNDO]: [WAITING, CALLED, SERVING, NO_SHOW, PARKED, CANCELLED],
};

export function isAllowed(action: TicketAction, status: TicketStatus): boolean {
  return allowedFrom[action].includes(status);
}

/** Statuses in which a ticket is at a counter: actions on it need that counter opened by the acting clerk. */
export function isAtCounter(status: TicketStatus): boolean {
  return status === CALLED || status === SERVING;
}

/**
 * Events whose change can be taken back by "undo": the last event of a ticket, if it is one of these. Finishing is
 * final (the visitor has left, the statistics count it); issuing, priority changes and undo itself are not undone.
 */
export function isUndoable(type: TicketEventType): boolean {
  return (
    type === TicketEventType.CALLED ||
    type === TicketEventType.RECALLED ||
    type === TicketEventType.SERVING_STARTED ||
    type === TicketEventType.NO_SHOW ||
    type === TicketEventType.PARKED ||
    type === TicketEventType.REACTIVATED ||
    type === TicketEventType.TRANSFERRED ||
    type === TicketEventType.CANCELLED
  );
}

/**
 * What "recall" does with a ticket that has been called `callCount` times: call it again, or, once it has been called
 * `maxCalls` times, mark it a no-show.
 */
export function recallOutcome(callCount: number, maxCalls: number): 'RECALL' | 'NO_SHOW' {
  return callCount < maxCalls ? 'RECALL' : 'NO_SHOW';
}
