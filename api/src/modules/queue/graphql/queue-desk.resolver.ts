import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../../graphql/access.js';
import type { Context } from '../../../graphql/context.js';
import { actorOf } from '../../../shared/actor.js';
import { orThrow } from '../../../shared/or-throw.js';
import { invalid, officeNotAllowed } from '../../../shared/results.types.js';
import { Role } from '../../../shared/role.js';
import { Appointment } from '../../booking/booking.types.js';
import { serviceLineTextFields } from '../../catalog/catalog.types.js';
import { TicketAction, TicketPriority, TicketStatus, WalkInOverride } from '../rules/ticket-model.js';
import { QueueCounter, QueueTicket, queueTicket, TicketServiceLine, WalkInStatus } from './queue.types.js';
import { actionResult, queueCounter, walkInServiceStatus, walkInStatus } from './queue-results.js';
import { TicketActionResult, WalkInOverrideResult } from './queue-results.types.js';

const STAFF = [Role.CLERK, Role.INFO_DESK, Role.OFFICE_MANAGER, Role.ADMIN];

/** Reads for the information desk and the workstation, and the desk's actions on tickets. */
@Resolver(() => QueueTicket)
export class QueueDeskResolver {
  @Allow(...STAFF)
  @Query(() => [QueueTicket], { description: 'Today’s tickets of an office, by arrival; waiting ones with estimates.' })
  async officeTickets(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('statuses', () => [TicketStatus], { nullable: true, description: 'Only these (default: all).' })
    statuses?: TicketStatus[] | null,
  ): Promise<QueueTicket[]> {
    const views = orThrow(
      await ctx.services.queue.views.officeTickets(actorOf(ctx.identity), officeId, statuses ?? null),
    );
    return views.map(queueTicket);
  }

  @Allow(...STAFF)
  @Query(() => QueueTicket, { nullable: true, description: 'One ticket; null when unknown.' })
  async queueTicket(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<QueueTicket | null> {
    const view = orThrow(await ctx.services.queue.views.ticket(actorOf(ctx.identity), id));
    return view ? queueTicket(view) : null;
  }

  @Allow(...STAFF)
  @Query(() => [QueueCounter], { description: 'The office’s active counters: who has them open, what they serve.' })
  async queueCounters(@Ctx() ctx: Context, @Arg('officeId', () => ID) officeId: string): Promise<QueueCounter[]> {
    return orThrow(await ctx.services.queue.views.counters(actorOf(ctx.identity), officeId)).map(queueCounter);
  }

  @Allow(Role.KIOSK, ...STAFF)
  @Query(() => WalkInStatus, {
    description: 'Per walk-in service: are tickets issued now, and if not why and since when. A kiosk: its own office.',
  })
  async walkInStatus(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID, { nullable: true }) officeId?: string | null,
  ): Promise<WalkInStatus> {
    const actor = actorOf(ctx.identity);
    const id = officeId ?? (actor.kind === 'device' ? actor.officeId : '');
    return walkInStatus(orThrow(await ctx.services.queue.views.walkInStatus(actor, id)));
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => WalkInOverrideResult, {
    description:
      'Opens or closes walk-ins for a service for the rest of today, whatever the closing guard says; null hands it back to the guard.',
  })
  async setWalkInOverride(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('override', () => WalkInOverride, { nullable: true }) override?: WalkInOverride | null,
  ): Promise<typeof WalkInOverrideResult> {
    const result = await ctx.services.queue.views.setOverride(
      actorOf(ctx.identity),
      officeId,
      serviceId,
      override ?? null,
    );
    if (result === 'forbidden') return officeNotAllowed();
    if (result === 'notFound')
      return invalid([{ field: 'serviceId', code: 'UNKNOWN_SERVICE', message: 'No walk-in service of this office.' }]);
    ctx.log.info({ officeId, serviceId, override: override ?? null }, 'walk-in override set');
    return walkInServiceStatus(result);
  }

  @Allow(...STAFF)
  @Mutation(() => TicketActionResult, {
    description: 'Back into the queue: a parked ticket keeps its place; a no-show or cancelled one queues from now.',
  })
  reactivateTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ): Promise<typeof TicketActionResult> {
    return this.act(ctx, { ticketId, version, action: TicketAction.REACTIVATE });
  }

  @Allow(...STAFF)
  @Mutation(() => TicketActionResult, { description: 'The visitor left.' })
  cancelTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ): Promise<typeof TicketActionResult> {
    return this.act(ctx, { ticketId, version, action: TicketAction.CANCEL });
  }

  @Allow(...STAFF)
  @Mutation(() => TicketActionResult, {
    description: 'Gives or removes priority: BIOMETRICS, or STAFF with a note (no health details). Null removes it.',
  })
  setTicketPriority(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
    @Arg('priority', () => TicketPriority, { nullable: true }) priority?: TicketPriority | null,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<typeof TicketActionResult> {
    return this.act(ctx, {
      ticketId,
      version,
      action: TicketAction.SET_PRIORITY,
      priority: priority ?? null,
      priorityNote: note?.slice(0, 200) ?? null,
    });
  }

  @FieldResolver(() => Appointment, {
    nullable: true,
    description: 'The checked-in appointment with its documents and uploads; null for walk-ins.',
  })
  async appointment(@Root() t: QueueTicket, @Ctx() ctx: Context): Promise<Appointment | null> {
    if (!t.appointmentId) return null;
    const view = await ctx.services.queue.views.appointment(t.appointmentId);
    return view ? Object.assign(new Appointment(), view) : null;
  }

  private async act(
    ctx: Context,
    req: Parameters<Context['services']['queue']['actions']['act']>[1],
  ): Promise<typeof TicketActionResult> {
    const outcome = await ctx.services.queue.actions.act(actorOf(ctx.identity), req);
    if (outcome.kind === 'ok') ctx.log.info({ ticketId: req.ticketId, action: req.action }, 'ticket changed');
    return actionResult(outcome) as typeof TicketActionResult;
  }
}

/** TicketServiceLine.texts and .text(language): the tracking page names a ticket's services in the visitor's language. */
export const TicketServiceLineTextResolver = serviceLineTextFields(TicketServiceLine);
