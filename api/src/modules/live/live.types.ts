import { Field, ID, Int, ObjectType } from 'type-graphql';
import { QueueTicket } from '../queue/graphql/queue.types.js';

@ObjectType({ description: 'A call on the display: this number, to this counter.' })
export class BoardCall {
  @Field(() => ID, { description: 'New with every call and recall: announce each key once.' })
  key: string;

  @Field(() => String)
  number: string;

  @Field(() => String)
  counterLabel: string;

  @Field(() => Date)
  calledAt: Date;

  @Field(() => Int, { description: '1 for the first call, 2 and more for recalls.' })
  callCount: number;

  @Field(() => Boolean, { description: 'The counter still waits for this visitor (not yet serving or done).' })
  active: boolean;
}

@ObjectType({ description: 'How many wait for a service, and how long someone drawing a ticket now would wait.' })
export class ServiceWait {
  @Field(() => ID)
  serviceId: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  waiting: number;

  @Field(() => Int, { nullable: true, description: 'Minutes; null when no counter could call it today.' })
  expectedWaitMinutes: number | null;
}

@ObjectType({ description: 'What an office’s call display shows.' })
export class CallBoard {
  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  officeName: string;

  @Field(() => String, { nullable: true })
  notice: string | null;

  @Field(() => Date, { description: 'Server time of this picture.' })
  at: Date;

  @Field(() => [BoardCall], { description: 'Today’s latest calls, newest first.' })
  calls: BoardCall[];

  @Field(() => [ServiceWait])
  services: ServiceWait[];
}

@ObjectType({ description: 'The office’s queue changed (or time moved the estimates): today’s tickets now.' })
export class OfficeQueueUpdate {
  @Field(() => ID)
  officeId: string;

  @Field(() => Int, { description: 'Grows with every update on this connection.' })
  revision: number;

  @Field(() => Date)
  at: Date;

  @Field(() => [QueueTicket])
  tickets: QueueTicket[];
}
