import { Arg, Ctx, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import { Allow, CitizenToken, StaffRoles } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { appError, ErrorCode } from '../../graphql/errors.js';
import { singleLine } from '../../plain-text.js';
import { actorOf } from '../../shared/actor.js';
import { orThrow } from '../../shared/or-throw.js';
import { Role } from '../../shared/role.js';
import { serviceLineTextFields } from '../catalog/catalog.types.js';
import type { PublicTicket } from '../queue/graphql/queue.types.js';
import { publicTicket, queueTicket } from '../queue/graphql/queue.types.js';
import { TrackedTicketResult, ticketNotFound } from '../queue/graphql/queue-results.types.js';
import type { OfficeQueueView } from './live.service.js';
import { CallBoard, OfficeQueueUpdate, ServiceWait } from './live.types.js';
import type { CallBoardView } from './live-views.js';

type SubscribeData<A> = { args: A; context: unknown };

/** Refuses a subscriber who may not watch the office (another office's device or staff). */
async function watchable({ args, context }: SubscribeData<{ officeId: string }>): Promise<Context> {
  const ctx = context as Context;
  if (!(await ctx.services.live.mayWatch(actorOf(ctx.identity), args.officeId)))
    throw appError(ErrorCode.Forbidden, 'This office is not yours to watch.');
  return ctx;
}

const officeGone = () => appError(ErrorCode.NotFound, 'There is no such office (or it is disabled).');

/** Live subscriptions over graphql-ws (WebSocket on /graphql), and the writes made for them. */
@Resolver()
export class LiveResolver {
  @CitizenToken()
  @Subscription(() => TrackedTicketResult, {
    description:
      'A ticket by its tracking token: now, then after every change its holder would see (status, people ahead, estimate, counter, notice). An unknown token gets TicketNotFound once.',
    subscribe: ({ args, context }: SubscribeData<{ token: string }>) =>
      (context as Context).services.live.tracking(args.token, publicTicket),
  })
  trackedTicket(
    @Root() ticket: PublicTicket | null,
    @Arg('token', () => String) _token: string,
  ): typeof TrackedTicketResult {
    return ticket ?? ticketNotFound();
  }

  @Allow(Role.DISPLAY, Role.KIOSK, ...StaffRoles)
  @Subscription(() => CallBoard, {
    description:
      'An office’s call board for its displays: the latest calls, waiting per service, notice. Now and on every change.',
    subscribe: async (data: SubscribeData<{ officeId: string }>) =>
      (await watchable(data)).services.live.callBoard(data.args.officeId),
  })
  callBoard(@Root() board: CallBoardView | null, @Arg('officeId', () => ID) _officeId: string): CallBoard {
    if (!board) throw officeGone();
    return Object.assign(new CallBoard(), board);
  }

  @Allow(...StaffRoles)
  @Subscription(() => OfficeQueueUpdate, {
    description:
      'Today’s tickets of an office, for staff screens: now, on every change, and as time moves the estimates.',
    subscribe: async (data: SubscribeData<{ officeId: string }>) =>
      (await watchable(data)).services.live.officeQueue(data.args.officeId),
  })
  officeQueue(@Root() update: OfficeQueueView | null, @Arg('officeId', () => ID) _officeId: string): OfficeQueueUpdate {
    if (!update) throw officeGone();
    const result = Object.assign(new OfficeQueueUpdate(), {
      officeId: update.officeId,
      revision: update.revision,
      at: update.at,
    });
    // Mapped only when the subscriber selects the tickets.
    Object.defineProperty(result, 'tickets', { get: () => update.tickets().map(queueTicket), enumerable: true });
    return result;
  }

  @Allow(Role.OFFICE_MANAGER, Role.INFO_DESK, Role.ADMIN)
  @Mutation(() => String, {
    nullable: true,
    description: 'Sets the office’s live notice for visitors (tracking pages, displays); empty or null removes it.',
  })
  async setOfficeNotice(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('notice', () => String, { nullable: true }) notice?: string | null,
  ): Promise<string | null> {
    const text = singleLine(notice ?? '') || null;
    if (text && text.length > 200) throw appError(ErrorCode.BadUserInput, 'A notice has at most 200 characters.');
    return orThrow(await ctx.services.live.setNotice(actorOf(ctx.identity), officeId, text));
  }
}

/** ServiceWait.texts and .text(language): the call display names the services in the language it shows. */
export const ServiceWaitTextResolver = serviceLineTextFields(ServiceWait);
