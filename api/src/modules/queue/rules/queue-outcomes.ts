/** What the queue's services answer; the resolvers turn each kind into a GraphQL result type. */
import type { FieldProblem } from '../../../shared/field-problem.js';
import type { WaitEstimate } from './estimate.js';
import type { TicketRow, TicketServiceLine } from './queue-model.js';
import type { TicketAction, TicketStatus, WalkInOverride, WalkInRefusal } from './ticket-model.js';

/** A ticket with what the screens show about it now. */
export type TicketView = TicketRow & {
  estimate: WaitEstimate | null;
  officeName: string;
  officeNotice: string | null;
  maxCalls: number;
  /** Minutes since arrival, until the call (or now). */
  waitedMinutes: number;
};

/** A ticket handed to whoever issued it, with the secret of its tracking link. */
export type Issued = { ticket: TicketView; token: string; link: string; alreadyIssued: boolean };

export type CheckInOutcome =
  | { kind: 'issued'; issued: Issued }
  | { kind: 'tooEarly'; startsAt: Date; comeBackAt: Date }
  | { kind: 'tooLate'; startsAt: Date; walkInServices: TicketServiceLine[] }
  | { kind: 'cancelled' }
  | { kind: 'wrongOffice'; officeName: string }
  | { kind: 'unknownCode' }
  | { kind: 'officeNotAllowed' };

export type WalkInOutcome =
  | { kind: 'issued'; issued: Issued }
  | { kind: 'closed'; reason: WalkInRefusal; serviceIds: string[]; nextAppointments: Date[] }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'officeNotAllowed' };

export type BiometricsOutcome =
  | { kind: 'recorded'; target: 'TICKET' | 'APPOINTMENT'; ticketNumber: string | null }
  | { kind: 'unknownCode' }
  | { kind: 'officeNotAllowed' }
  | { kind: 'notAllowed'; status: TicketStatus; action: TicketAction };

export type ActionOutcome =
  | { kind: 'ok'; ticket: TicketView }
  | { kind: 'notFound' }
  | { kind: 'officeNotAllowed' }
  | { kind: 'stale'; ticket: TicketView }
  | { kind: 'notAllowed'; status: TicketStatus; action: TicketAction }
  | { kind: 'counterNotOpen'; counterId: string | null }
  | { kind: 'counterBusy'; ticket: TicketView }
  | { kind: 'invalid'; problems: FieldProblem[] };

export type CallOutcome =
  | ActionOutcome
  | { kind: 'queueEmpty'; waiting: number }
  | { kind: 'counterPaused'; counterId: string };

export type CounterSessionView = {
  id: string;
  staffName: string;
  mine: boolean;
  openedAt: Date;
  pausedAt: Date | null;
};

export type CounterView = {
  id: string;
  officeId: string;
  label: string;
  services: { id: string; name: string }[];
  session: CounterSessionView | null;
  current: TicketView | null;
  /** Waiting tickets this counter could call now. */
  waiting: number;
};

export type CounterOutcome =
  | { kind: 'ok'; counter: CounterView }
  | { kind: 'notFound' }
  | { kind: 'officeNotAllowed' }
  | { kind: 'taken'; openedBy: string; openedAt: Date }
  | { kind: 'notOpen'; counterId: string }
  | { kind: 'busy'; ticket: TicketView };

export type WalkInServiceView = {
  serviceId: string;
  name: string;
  durationMinutes: number;
  open: boolean;
  reason: WalkInRefusal | null;
  closedSince: Date | null;
  override: WalkInOverride | null;
  predictedCallAt: Date | null;
  predictedFinishAt: Date | null;
};

export type WalkInStatusView = {
  officeId: string;
  officeOpen: boolean;
  closesAt: Date | null;
  services: WalkInServiceView[];
};
