/** The queue's result unions and the expected failures in them (each with a message for developers). */

import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { ExpectedError, InvalidInput, OfficeNotAllowed } from '../../../shared/results.types.js';
import { TicketAction, TicketStatus, WalkInRefusal } from '../rules/ticket-model.js';
import {
  BiometricsTarget,
  IssuedTicket,
  PublicTicket,
  QueueCounter,
  QueueTicket,
  TicketServiceLine,
  WalkInServiceStatus,
} from './queue.types.js';

@ObjectType({
  implements: ExpectedError,
  description: 'The ticket changed since the client read it; nothing was changed. Here is the current one.',
})
export class StaleTicket implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => QueueTicket)
  ticket: QueueTicket;
}

@ObjectType({
  implements: ExpectedError,
  description: 'The action is not possible in the ticket’s status; nothing was changed.',
})
export class NotAllowed implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => TicketStatus)
  status: TicketStatus;

  @Field(() => TicketAction)
  action: TicketAction;
}

@ObjectType({ implements: ExpectedError, description: 'No such ticket (or tracking link).' })
export class TicketNotFound implements ExpectedError {
  @Field(() => String)
  message: string;
}

@ObjectType({
  implements: ExpectedError,
  description: 'The counter is not open in the caller’s session: open it first (openCounter).',
})
export class CounterNotOpen implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => ID, { nullable: true })
  counterId: string | null;
}

@ObjectType({ implements: ExpectedError, description: 'The counter is paused; resume it to call.' })
export class CounterPaused implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => ID, { nullable: true })
  counterId: string | null;
}

@ObjectType({
  implements: ExpectedError,
  description: 'The counter is calling or serving a ticket; finish, park or mark it a no-show first.',
})
export class CounterBusy implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => QueueTicket)
  ticket: QueueTicket;
}

@ObjectType({
  implements: ExpectedError,
  description: 'Someone else has this counter open; open it with takeOver to take it over.',
})
export class CounterTaken implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => String)
  openedBy: string;

  @Field(() => Date)
  openedAt: Date;
}

@ObjectType({ implements: ExpectedError, description: 'No such active counter.' })
export class CounterNotFound implements ExpectedError {
  @Field(() => String)
  message: string;
}

@ObjectType({ implements: ExpectedError, description: 'Nobody is waiting whom this counter can call.' })
export class QueueEmpty implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => Int, { description: 'Tickets waiting in the office (for other counters).' })
  waiting: number;
}

@ObjectType({ implements: ExpectedError, description: 'No walk-in ticket now; nothing was issued.' })
export class WalkInClosed implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => WalkInRefusal)
  reason: WalkInRefusal;

  @Field(() => [ID])
  serviceIds: string[];

  @Field(() => [Date], { description: 'Up to three next free appointment starts for these services.' })
  nextAppointments: Date[];
}

@ObjectType({
  implements: ExpectedError,
  description:
    "Too early to check in: the appointment is on a later day. Check-in opens at comeBackAt, the start of the appointment's day (office time), and stays open all that day until the late window ends.",
})
export class CheckInTooEarly implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  comeBackAt: Date;
}

@ObjectType({
  implements: ExpectedError,
  description: 'Too late to check in. A walk-in ticket for these services can be drawn instead (not issued yet).',
})
export class CheckInTooLate implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => [TicketServiceLine], { description: 'The appointment’s services that walk-ins may ask for.' })
  walkInServices: TicketServiceLine[];
}

@ObjectType({ implements: ExpectedError, description: 'The appointment was cancelled.' })
export class CheckInCancelled implements ExpectedError {
  @Field(() => String)
  message: string;
}

@ObjectType({ implements: ExpectedError, description: 'The appointment is at another office.' })
export class CheckInWrongOffice implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => String)
  officeName: string;
}

@ObjectType({
  implements: ExpectedError,
  description: 'The code is no check-in code, reference or ticket code we know.',
})
export class UnknownCode implements ExpectedError {
  @Field(() => String)
  message: string;
}

@ObjectType()
export class BiometricsRecorded {
  @Field(() => String)
  message: string;

  @Field(() => BiometricsTarget)
  target: BiometricsTarget;

  @Field(() => String, { nullable: true })
  ticketNumber: string | null;
}

export const CheckInResult = createUnionType({
  name: 'CheckInResult',
  types: () =>
    [
      IssuedTicket,
      CheckInTooEarly,
      CheckInTooLate,
      CheckInCancelled,
      CheckInWrongOffice,
      UnknownCode,
      OfficeNotAllowed,
    ] as const,
});

export const WalkInResult = createUnionType({
  name: 'WalkInResult',
  types: () => [IssuedTicket, WalkInClosed, InvalidInput, OfficeNotAllowed] as const,
});

export const BiometricsResult = createUnionType({
  name: 'BiometricsResult',
  types: () => [BiometricsRecorded, UnknownCode, OfficeNotAllowed, NotAllowed] as const,
});

export const TicketActionResult = createUnionType({
  name: 'TicketActionResult',
  types: () =>
    [
      QueueTicket,
      StaleTicket,
      NotAllowed,
      TicketNotFound,
      OfficeNotAllowed,
      CounterNotOpen,
      CounterBusy,
      InvalidInput,
    ] as const,
});

export const CallResult = createUnionType({
  name: 'CallResult',
  types: () =>
    [
      QueueTicket,
      QueueEmpty,
      CounterNotOpen,
      CounterPaused,
      CounterBusy,
      OfficeNotAllowed,
      StaleTicket,
      NotAllowed,
      TicketNotFound,
      InvalidInput,
    ] as const,
});

export const CounterResult = createUnionType({
  name: 'CounterResult',
  types: () => [QueueCounter, CounterTaken, CounterNotOpen, CounterNotFound, CounterBusy, OfficeNotAllowed] as const,
});

export const TrackedTicketResult = createUnionType({
  name: 'TrackedTicketResult',
  types: () => [PublicTicket, TicketNotFound] as const,
});

export const WalkInOverrideResult = createUnionType({
  name: 'WalkInOverrideResult',
  types: () => [WalkInServiceStatus, OfficeNotAllowed, InvalidInput] as const,
});

export const LeaveQueueResult = createUnionType({
  name: 'LeaveQueueResult',
  types: () => [PublicTicket, TicketNotFound, NotAllowed] as const,
});

export const ticketNotFound = () => Object.assign(new TicketNotFound(), { message: 'There is no such ticket.' });
