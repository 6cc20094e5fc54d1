import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../../graphql/access.js';
import type { Context } from '../../../graphql/context.js';
import { actorOf } from '../../../shared/actor.js';
import { orThrow } from '../../../shared/or-throw.js';
import { Role } from '../../../shared/role.js';
import { ServiceChoiceInput } from '../../booking/booking.types.js';
import { TicketAction } from '../rules/ticket-model.js';
import type { ActionRequest } from '../ticket-action.service.js';
import { queueTicket, Workstation } from './queue.types.js';
import { actionResult, counterResult, queueCounter } from './queue-results.js';
import { CallResult, CounterResult, TicketActionResult } from './queue-results.types.js';

const CLERKS = [Role.CLERK, Role.OFFICE_MANAGER, Role.ADMIN];

/** The clerk's workstation: the counter's session, calling, and what happens to a called visitor. */
@Resolver()
export class WorkstationResolver {
  @Allow(...CLERKS)
  @Query(() => Workstation, { description: 'A counter, its current ticket and the tickets it can call, in order.' })
  async workstation(@Ctx() ctx: Context, @Arg('counterId', () => ID) counterId: string): Promise<Workstation> {
    const w = orThrow(await ctx.services.queue.views.workstation(actorOf(ctx.identity), counterId));
    return Object.assign(new Workstation(), {
      counter: queueCounter(w.counter),
      waiting: w.waiting.map(queueTicket),
      parked: w.parked.map(queueTicket),
      openCounters: w.openCounters,
    });
  }

  @Allow(...CLERKS)
  @Mutation(() => CounterResult, {
    description: 'Opens the counter for this session (and closes any other counter you had open).',
  })
  async openCounter(
    @Ctx() ctx: Context,
    @Arg('counterId', () => ID) counterId: string,
    @Arg('takeOver', () => Boolean, {
      defaultValue: false,
      description: 'Take the counter over from a colleague who left it open.',
    })
    takeOver: boolean,
  ): Promise<typeof CounterResult> {
    return counterResult(await ctx.services.queue.counters.session(actorOf(ctx.identity), counterId, 'open', takeOver));
  }

  @Allow(...CLERKS)
  @Mutation(() => CounterResult, { description: 'Closes your session at the counter (it must not be busy).' })
  async closeCounter(
    @Ctx() ctx: Context,
    @Arg('counterId', () => ID) counterId: string,
  ): Promise<typeof CounterResult> {
    return counterResult(await ctx.services.queue.counters.session(actorOf(ctx.identity), counterId, 'close'));
  }

  @Allow(...CLERKS)
  @Mutation(() => CounterResult, { description: 'A short break: the counter calls nobody until resumed.' })
  async pauseCounter(
    @Ctx() ctx: Context,
    @Arg('counterId', () => ID) counterId: string,
  ): Promise<typeof CounterResult> {
    return counterResult(await ctx.services.queue.counters.session(actorOf(ctx.identity), counterId, 'pause'));
  }

  @Allow(...CLERKS)
  @Mutation(() => CounterResult)
  async resumeCounter(
    @Ctx() ctx: Context,
    @Arg('counterId', () => ID) counterId: string,
  ): Promise<typeof CounterResult> {
    return counterResult(await ctx.services.queue.counters.session(actorOf(ctx.identity), counterId, 'resume'));
  }

  @Allow(...CLERKS)
  @Mutation(() => CallResult, {
    description: 'Calls the next ticket this counter can serve. Two counters never get the same ticket.',
  })
  async callNextTicket(@Ctx() ctx: Context, @Arg('counterId', () => ID) counterId: string): Promise<typeof CallResult> {
    const outcome = await ctx.services.queue.counters.call(actorOf(ctx.identity), counterId);
    if (outcome.kind === 'ok') ctx.log.info({ ticketId: outcome.ticket.id, counterId }, 'ticket called');
    return actionResult(outcome) as typeof CallResult;
  }

  @Allow(...CLERKS)
  @Mutation(() => CallResult, { description: 'Calls one waiting ticket out of order.' })
  async callTicket(
    @Ctx() ctx: Context,
    @Arg('counterId', () => ID) counterId: string,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ): Promise<typeof CallResult> {
    const outcome = await ctx.services.queue.counters.call(actorOf(ctx.identity), counterId, { ticketId, version });
    if (outcome.kind === 'ok') ctx.log.info({ ticketId, counterId }, 'ticket called out of order');
    return actionResult(outcome) as typeof CallResult;
  }

  @Allow(...CLERKS)
  @Mutation(() => TicketActionResult, {
    description: 'Calls the ticket again; after maxCalls calls, recalling marks it a no-show.',
  })
  recallTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ) {
    return this.act(ctx, { ticketId, version, action: TicketAction.RECALL });
  }

  @Allow(...CLERKS)
  @Mutation(() => TicketActionResult, { description: 'The visitor is at the counter.' })
  startServing(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ) {
    return this.act(ctx, { ticketId, version, action: TicketAction.START });
  }

  @Allow(...CLERKS)
  @Mutation(() => TicketActionResult, { description: 'Done; records which services were actually done.' })
  finishTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
    @Arg('services', () => [ServiceChoiceInput], {
      defaultValue: [],
      description: 'Services done and how many (count 0: not done); empty: everything asked for.',
    })
    services: ServiceChoiceInput[],
  ) {
    return this.act(ctx, { ticketId, version, action: TicketAction.FINISH, services });
  }

  @Allow(...CLERKS)
  @Mutation(() => TicketActionResult, { description: 'The called visitor did not come.' })
  markNoShow(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ) {
    return this.act(ctx, { ticketId, version, action: TicketAction.NO_SHOW });
  }

  @Allow(...CLERKS)
  @Mutation(() => TicketActionResult, {
    description: 'Sets the ticket aside (the visitor fetches a document); reactivateTicket brings it back.',
  })
  parkTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ) {
    return this.act(ctx, { ticketId, version, action: TicketAction.PARK });
  }

  @Allow(...CLERKS)
  @Mutation(() => TicketActionResult, {
    description: 'Back into the queue with the same number and place: for other services, for one counter, or both.',
  })
  transferTicket(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
    @Arg('services', () => [ServiceChoiceInput], { defaultValue: [], description: 'Empty: the same services.' })
    services: ServiceChoiceInput[],
    @Arg('counterId', () => ID, { nullable: true, description: 'Only this counter may call it.' })
    counterId?: string | null,
  ) {
    return this.act(ctx, { ticketId, version, action: TicketAction.TRANSFER, services, counterId: counterId ?? null });
  }

  @Allow(...CLERKS)
  @Mutation(() => TicketActionResult, {
    description:
      'Takes back the ticket’s last action (call, recall, start, no-show, park, reactivate, transfer, cancel); never a finish.',
  })
  undoTicketAction(
    @Ctx() ctx: Context,
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('version', () => Int) version: number,
  ) {
    return this.act(ctx, { ticketId, version, action: TicketAction.UNDO });
  }

  private async act(ctx: Context, req: ActionRequest): Promise<typeof TicketActionResult> {
    const outcome = await ctx.services.queue.actions.act(actorOf(ctx.identity), req);
    if (outcome.kind === 'ok') ctx.log.info({ ticketId: req.ticketId, action: req.action }, 'ticket changed');
    return actionResult(outcome) as typeof TicketActionResult;
  }
}
