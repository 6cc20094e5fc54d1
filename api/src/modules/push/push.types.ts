import { createUnionType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { ExpectedError, InvalidInput } from '../../shared/results.types.js';
import { TicketNotFound } from '../queue/graphql/queue-results.types.js';
import { TicketStatus } from '../queue/rules/ticket-model.js';

@InputType({ description: 'A browser’s push subscription (PushSubscription.toJSON()) and when to push.' })
export class PushSubscriptionInput {
  @Field(() => String, { description: 'The push service URL of this browser (PushSubscription.endpoint).' })
  endpoint: string;

  @Field(() => String, { description: 'keys.p256dh: the browser’s P-256 public key, base64url.' })
  p256dh: string;

  @Field(() => String, { description: 'keys.auth: the browser’s auth secret, base64url.' })
  auth: string;

  @Field(() => Int, { description: 'Push once when this many people (1 to 10) or fewer are ahead.' })
  aheadThreshold: number;

  @Field(() => String, { nullable: true, description: 'Language of the pushes: de (default), en or de-ls.' })
  language?: string | null;
}

@ObjectType({
  description:
    'This browser gets pushes for the ticket: when N are ahead, when called or recalled, when the office cancels.',
})
export class PushSubscribed {
  @Field(() => Int)
  aheadThreshold: number;

  @Field(() => Int, {
    nullable: true,
    description: 'People ahead now; when already at or below the threshold no "N ahead" push follows.',
  })
  peopleAhead: number | null;
}

@ObjectType({ implements: ExpectedError, description: 'The ticket has ended (done, missed or cancelled): no pushes.' })
export class TicketEnded implements ExpectedError {
  @Field(() => String)
  message: string;

  @Field(() => TicketStatus)
  status: TicketStatus;
}

@ObjectType({ description: 'The browser’s subscription for this ticket is gone (or there was none).' })
export class PushUnsubscribed {
  @Field(() => Boolean, { description: 'Whether there was one to remove.' })
  removed: boolean;
}

export const SubscribePushResult = createUnionType({
  name: 'SubscribePushResult',
  types: () => [PushSubscribed, TicketNotFound, TicketEnded, InvalidInput] as const,
});

export const UnsubscribePushResult = createUnionType({
  name: 'UnsubscribePushResult',
  types: () => [PushUnsubscribed, TicketNotFound] as const,
});
