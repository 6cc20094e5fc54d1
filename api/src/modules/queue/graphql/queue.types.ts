import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ServiceChoiceInput } from '../../booking/booking.types.js';
import type { WaitEstimate as Estimate } from '../rules/estimate.js';
import type { TicketView } from '../rules/queue-outcomes.js';
import {
  TicketAction,
  TicketOrigin,
  TicketPriority,
  TicketStatus,
  WalkInOverride,
  WalkInRefusal,
} from '../rules/ticket-model.js';

registerEnumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'WAITING in the queue, CALLED to a counter, SERVING at it, then DONE; or NO_SHOW, PARKED, CANCELLED.',
});
registerEnumType(TicketOrigin, {
  name: 'TicketOrigin',
  description: 'APPOINTMENT: an appointment checked in (number T…); KIOSK or INFO_DESK: a walk-in ticket (number W…).',
});
registerEnumType(TicketPriority, {
  name: 'TicketPriority',
  description: 'BIOMETRICS: captured at the photo terminal beforehand; STAFF: a staff decision, with a note.',
});
registerEnumType(TicketAction, { name: 'TicketAction' });
registerEnumType(WalkInRefusal, {
  name: 'WalkInRefusal',
  description:
    'OFFICE_CLOSED: outside the opening hours; CLOSING_SOON: the visitor would not be served before closing; MANUALLY_CLOSED: closed by the office manager for today; NO_COUNTER: no counter handles these services together.',
});
registerEnumType(WalkInOverride, {
  name: 'WalkInOverride',
  description: 'The office manager’s decision for today; none means the closing guard decides.',
});

export enum BiometricsTarget {
  TICKET = 'TICKET',
  APPOINTMENT = 'APPOINTMENT',
}
registerEnumType(BiometricsTarget, {
  name: 'BiometricsTarget',
  description: 'TICKET: the ticket has priority now; APPOINTMENT: its ticket gets priority at check-in.',
});

@ObjectType({ description: 'A service on a ticket.' })
export class TicketServiceLine {
  @Field(() => ID)
  serviceId: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: 'Asked for (0 for a service the clerk added when finishing).' })
  count: number;

  @Field(() => Int, { nullable: true, description: 'Done, as recorded when finishing.' })
  doneCount: number | null;
}

@ObjectType({
  description: 'When a waiting ticket is expected to be called (simulated from the queue and the open counters).',
})
export class WaitEstimate {
  @Field(() => Date)
  expectedCallAt: Date;

  @Field(() => Date, { description: 'Early end of the range (10th percentile).' })
  earliestCallAt: Date;

  @Field(() => Date, { description: 'Late end of the range (90th percentile).' })
  latestCallAt: Date;

  @Field(() => Int, { description: 'Tickets expected to be called before this one.' })
  peopleAhead: number;
}

@ObjectType({ description: 'A ticket as its holder sees it (tracking page, kiosk): no personal data.' })
export class PublicTicket {
  @Field(() => String, { description: 'E.g. "W017".' })
  number: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  officeName: string;

  @Field(() => String, {
    nullable: true,
    description: 'The office’s live notice, e.g. "Two counters closed until 11:00".',
  })
  officeNotice: string | null;

  @Field(() => [TicketServiceLine])
  services: TicketServiceLine[];

  @Field(() => Boolean)
  priority: boolean;

  @Field(() => Date)
  issuedAt: Date;

  @Field(() => WaitEstimate, { nullable: true, description: 'While waiting today and a counter can serve it.' })
  estimate: WaitEstimate | null;

  @Field(() => String, { nullable: true, description: 'Where to go, once called (CALLED or SERVING).' })
  counterLabel: string | null;

  @Field(() => Date, { nullable: true })
  calledAt: Date | null;
}

@ObjectType({
  description:
    'A ticket handed to whoever issued it (kiosk, information desk). The tracking token and link are shown only here.',
})
export class IssuedTicket {
  @Field(() => ID)
  ticketId: string;

  @Field(() => PublicTicket)
  ticket: PublicTicket;

  @Field(() => String, { description: 'Secret of the tracking link (for ticketByTrackingToken).' })
  trackingToken: string;

  @Field(() => String, { description: 'PUBLIC_URL/track/t/<token>: what the ticket’s QR code holds.' })
  trackingLink: string;

  @Field(() => Boolean, {
    description: 'The ticket existed already (same appointment or request id); it has a new tracking token.',
  })
  alreadyIssued: boolean;
}

@ObjectType()
export class CounterRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  label: string;
}

@ObjectType()
export class ServiceRef {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType({ description: 'A ticket as staff see it.' })
export class QueueTicket {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  number: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => TicketOrigin)
  origin: TicketOrigin;

  @Field(() => ID)
  officeId: string;

  @Field(() => String, { description: 'Office-local date YYYY-MM-DD.' })
  serviceDay: string;

  @Field(() => [TicketServiceLine])
  services: TicketServiceLine[];

  @Field(() => TicketPriority, { nullable: true })
  priority: TicketPriority | null;

  @Field(() => String, { nullable: true })
  priorityNote: string | null;

  @Field(() => Date, { description: 'Due in the queue (appointment start or late check-in; walk-in arrival).' })
  dueAt: Date;

  @Field(() => Date)
  arrivedAt: Date;

  @Field(() => Int, { description: 'Minutes waited since arrival, until the call.' })
  waitedMinutes: number;

  @Field(() => ID, { nullable: true })
  appointmentId: string | null;

  @Field(() => Date, { nullable: true })
  appointmentStartsAt: Date | null;

  @Field(() => Boolean, { description: 'An appointment checked in after its start.' })
  late: boolean;

  @Field(() => CounterRef, {
    nullable: true,
    description: 'Called or served here; while WAITING, the only counter that may call it (after a transfer).',
  })
  counter: CounterRef | null;

  @Field(() => Int)
  callCount: number;

  @Field(() => Int, { description: 'A recall after this many calls makes the ticket a no-show.' })
  maxCalls: number;

  @Field(() => Date, { nullable: true })
  calledAt: Date | null;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;

  @Field(() => Int, { description: 'Send it with every action; a changed ticket answers StaleTicket.' })
  version: number;

  @Field(() => WaitEstimate, { nullable: true })
  estimate: WaitEstimate | null;
}

@ObjectType()
export class CounterSessionInfo {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  staffName: string;

  @Field(() => Boolean, { description: 'Held by the asking staff member.' })
  mine: boolean;

  @Field(() => Date)
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  pausedAt: Date | null;
}

@ObjectType({ description: 'A counter (Schalter) at work.' })
export class QueueCounter {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  label: string;

  @Field(() => [ServiceRef])
  services: ServiceRef[];

  @Field(() => CounterSessionInfo, { nullable: true, description: 'Null while nobody has it open.' })
  session: CounterSessionInfo | null;

  @Field(() => QueueTicket, { nullable: true, description: 'The ticket called or served here.' })
  current: QueueTicket | null;

  @Field(() => Int, { description: 'Waiting tickets this counter could call.' })
  waitingCount: number;
}

@ObjectType({ description: 'Everything a clerk’s workstation shows.' })
export class Workstation {
  @Field(() => QueueCounter)
  counter: QueueCounter;

  @Field(() => [QueueTicket], { description: 'Tickets this counter can call, in the order Call next takes them.' })
  waiting: QueueTicket[];

  @Field(() => [QueueTicket], { description: 'Parked tickets of the office.' })
  parked: QueueTicket[];

  @Field(() => Int)
  openCounters: number;
}

@ObjectType({ description: 'Whether walk-in tickets for one service are issued now.' })
export class WalkInServiceStatus {
  @Field(() => ID)
  serviceId: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => Boolean)
  open: boolean;

  @Field(() => WalkInRefusal, { nullable: true })
  reason: WalkInRefusal | null;

  @Field(() => Date, {
    nullable: true,
    description: 'CLOSING_SOON: the first refusal today; MANUALLY_CLOSED: when the manager closed it.',
  })
  closedSince: Date | null;

  @Field(() => WalkInOverride, { nullable: true })
  override: WalkInOverride | null;

  @Field(() => Date, { nullable: true, description: 'When a new ticket would be called.' })
  predictedCallAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its visitor would be done (what the guard compares).' })
  predictedFinishAt: Date | null;
}

@ObjectType()
export class WalkInStatus {
  @Field(() => ID)
  officeId: string;

  @Field(() => Boolean, { description: 'Within the opening hours now.' })
  officeOpen: boolean;

  @Field(() => Date, { nullable: true, description: 'End of the current opening interval.' })
  closesAt: Date | null;

  @Field(() => [WalkInServiceStatus])
  services: WalkInServiceStatus[];
}

@InputType()
export class WalkInTicketInput {
  @Field(() => ID, { nullable: true, description: 'Required for staff; a kiosk issues for its own office.' })
  officeId?: string | null;

  @Field(() => [ServiceChoiceInput])
  services: ServiceChoiceInput[];

  @Field(() => String, {
    description: 'Generated by the client once per tap (e.g. a UUID): repeating it returns the same ticket.',
  })
  requestId: string;

  @Field(() => TicketPriority, { nullable: true, description: 'Staff only.' })
  priority?: TicketPriority | null;

  @Field(() => String, { nullable: true, description: 'Why, for STAFF priority (required then).' })
  priorityNote?: string | null;
}

// How the queue's views become these types (the resolvers of queue and live use them).

function estimate(e: Estimate | null): WaitEstimate | null {
  if (!e) return null;
  return Object.assign(new WaitEstimate(), {
    expectedCallAt: new Date(e.expectedCallAt),
    earliestCallAt: new Date(e.earliestCallAt),
    latestCallAt: new Date(e.latestCallAt),
    peopleAhead: e.peopleAhead,
  });
}

export function queueTicket(v: TicketView): QueueTicket {
  return Object.assign(new QueueTicket(), {
    id: v.id,
    number: v.number,
    status: v.status,
    origin: v.origin,
    officeId: v.officeId,
    serviceDay: v.serviceDay,
    services: v.services,
    priority: v.priority,
    priorityNote: v.priorityNote,
    dueAt: v.dueAt,
    arrivedAt: v.arrivedAt,
    waitedMinutes: v.waitedMinutes,
    appointmentId: v.appointmentId,
    appointmentStartsAt: v.appointmentStartsAt,
    late:
      v.origin === TicketOrigin.APPOINTMENT &&
      v.appointmentStartsAt !== null &&
      v.arrivedAt.getTime() > v.appointmentStartsAt.getTime(),
    counter: v.counterId ? { id: v.counterId, label: v.counterLabel ?? '' } : null,
    callCount: v.callCount,
    maxCalls: v.maxCalls,
    calledAt: v.calledAt,
    startedAt: v.startedAt,
    endedAt: v.endedAt,
    version: v.version,
    estimate: estimate(v.estimate),
  });
}

const atCounter = (s: TicketStatus) => s === 'CALLED' || s === 'SERVING';

export function publicTicket(v: TicketView): PublicTicket {
  return Object.assign(new PublicTicket(), {
    number: v.number,
    status: v.status,
    officeId: v.officeId,
    officeName: v.officeName,
    officeNotice: v.officeNotice,
    services: v.services.filter((s) => s.count > 0).map((s) => ({ ...s, doneCount: null })),
    priority: v.priority !== null,
    issuedAt: v.arrivedAt,
    estimate: estimate(v.estimate),
    counterLabel: atCounter(v.status) ? v.counterLabel : null,
    calledAt: atCounter(v.status) ? v.calledAt : null,
  });
}
