/** The words of the queue domain, shared by entities, pure rules and the GraphQL layer (no dependencies). */

/** Where a ticket is in its life; DONE and CANCELLED are final (CANCELLED can be reactivated by staff). */
export enum TicketStatus {
  WAITING = 'WAITING',
  CALLED = 'CALLED',
  SERVING = 'SERVING',
  DONE = 'DONE',
  NO_SHOW = 'NO_SHOW',
  PARKED = 'PARKED',
  CANCELLED = 'CANCELLED',
}

/** How a ticket came to be: an appointment's check-in (kiosk or desk), or a walk-in ticket at the kiosk or the desk. */
export enum TicketOrigin {
  APPOINTMENT = 'APPOINTMENT',
  KIOSK = 'KIOSK',
  INFO_DESK = 'INFO_DESK',
}

/** Why a ticket is served earlier: biometrics captured at the photo terminal, or a staff decision (with a note). */
export enum TicketPriority {
  BIOMETRICS = 'BIOMETRICS',
  STAFF = 'STAFF',
}

/** What happened to a ticket; the append-only ticket_event table records one row per change. */
export enum TicketEventType {
  ISSUED = 'ISSUED',
  CALLED = 'CALLED',
  RECALLED = 'RECALLED',
  SERVING_STARTED = 'SERVING_STARTED',
  FINISHED = 'FINISHED',
  NO_SHOW = 'NO_SHOW',
  PARKED = 'PARKED',
  REACTIVATED = 'REACTIVATED',
  TRANSFERRED = 'TRANSFERRED',
  CANCELLED = 'CANCELLED',
  PRIORITY_SET = 'PRIORITY_SET',
  UNDONE = 'UNDONE',
  /** Closed by the nightly job: still open when its day ended (data.before keeps the state it was left in). */
  DAY_CLOSED = 'DAY_CLOSED',
}

/** What staff (or the photo terminal) can do with a ticket. */
export enum TicketAction {
  CALL = 'CALL',
  RECALL = 'RECALL',
  START = 'START',
  FINISH = 'FINISH',
  NO_SHOW = 'NO_SHOW',
  PARK = 'PARK',
  REACTIVATE = 'REACTIVATE',
  TRANSFER = 'TRANSFER',
  CANCEL = 'CANCEL',
  SET_PRIORITY = 'SET_PRIORITY',
  UNDO = 'UNDO',
}

/** A manager's decision for one service today: walk-ins open or closed whatever the closing guard predicts. */
export enum WalkInOverride {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/** Why no walk-in ticket is issued now. */
export enum WalkInRefusal {
  /** Outside the opening hours, or a holiday or closure. */
  OFFICE_CLOSED = 'OFFICE_CLOSED',
  /** The closing guard: the visitor would not be served before closing time minus the buffer. */
  CLOSING_SOON = 'CLOSING_SOON',
  /** The office manager closed walk-ins for this service today. */
  MANUALLY_CLOSED = 'MANUALLY_CLOSED',
  /** No active counter handles these services together. */
  NO_COUNTER = 'NO_COUNTER',
}
