import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { CitizenToken, Public } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { invalid } from '../../shared/results.types.js';
import { ticketNotFound } from '../queue/graphql/queue-results.types.js';
import {
  PushSubscribed,
  PushSubscriptionInput,
  PushUnsubscribed,
  SubscribePushResult,
  TicketEnded,
  UnsubscribePushResult,
} from './push.types.js';

/** Web Push on the tracking page: the key browsers subscribe with, and (un)subscribing by the tracking token. */
@Resolver()
export class PushResolver {
  @Public()
  @Query(() => String, {
    description: 'The VAPID public key (base64url) for PushManager.subscribe({ applicationServerKey }).',
  })
  pushPublicKey(@Ctx() ctx: Context): Promise<string> {
    return ctx.services.push.publicKey();
  }

  @CitizenToken()
  @Mutation(() => SubscribePushResult, {
    description:
      'Pushes for the ticket of this tracking token to this browser: when aheadThreshold or fewer people are ahead (once), when called or recalled, when the office cancels. Again with the same endpoint: updated.',
  })
  async subscribeToPush(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
    @Arg('subscription', () => PushSubscriptionInput) subscription: PushSubscriptionInput,
  ): Promise<typeof SubscribePushResult> {
    const o = await ctx.services.push.subscribe(token, subscription);
    switch (o.kind) {
      case 'ok':
        return Object.assign(new PushSubscribed(), { aheadThreshold: o.aheadThreshold, peopleAhead: o.peopleAhead });
      case 'notFound':
        return ticketNotFound();
      case 'ended':
        return Object.assign(new TicketEnded(), { message: 'This ticket has ended.', status: o.status });
      case 'invalid':
        return invalid(o.problems);
    }
  }

  @CitizenToken()
  @Mutation(() => UnsubscribePushResult, {
    description: 'No more pushes for the ticket to this browser (by endpoint).',
  })
  async unsubscribeFromPush(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
    @Arg('endpoint', () => String) endpoint: string,
  ): Promise<typeof UnsubscribePushResult> {
    const o = await ctx.services.push.unsubscribe(token, endpoint);
    if (o === 'notFound') return ticketNotFound();
    return Object.assign(new PushUnsubscribed(), { removed: o });
  }
}
