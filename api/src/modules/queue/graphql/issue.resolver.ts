import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow, CitizenToken } from '../../../graphql/access.js';
import type { Context } from '../../../graphql/context.js';
import { actorOf } from '../../../shared/actor.js';
import { invalid, officeNotAllowed } from '../../../shared/results.types.js';
import { Role } from '../../../shared/role.js';
import { checkInQrSvg } from '../../booking/confirmation.js';
import { TicketAction } from '../rules/ticket-model.js';
import { BiometricsTarget, IssuedTicket, publicTicket, WalkInTicketInput } from './queue.types.js';
import { issuedTicket, notAllowed } from './queue-results.js';
import {
  BiometricsRecorded,
  BiometricsResult,
  CheckInCancelled,
  CheckInResult,
  CheckInTooEarly,
  CheckInTooLate,
  CheckInWrongOffice,
  LeaveQueueResult,
  TrackedTicketResult,
  ticketNotFound,
  UnknownCode,
  WalkInClosed,
  WalkInResult,
} from './queue-results.types.js';

const ISSUERS = [Role.KIOSK, Role.INFO_DESK, Role.OFFICE_MANAGER, Role.ADMIN];

const unknownCode = () =>
  Object.assign(new UnknownCode(), { message: 'This code is not known. Please ask at the information desk.' });

/** Kiosk, information desk and photo terminal: tickets come into being here; and the public tracking look-up. */
@Resolver(() => IssuedTicket)
export class QueueIssueResolver {
  @Allow(...ISSUERS)
  @Mutation(() => CheckInResult, {
    description: 'Checks an appointment in by its QR code content (BC1-…) or typed reference. Twice: the same ticket.',
  })
  async checkIn(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('officeId', () => ID, {
      nullable: true,
      description: 'Information desk: the office checking in (default: the appointment’s). A kiosk uses its own.',
    })
    officeId?: string | null,
  ): Promise<typeof CheckInResult> {
    const o = await ctx.services.queue.issue.checkIn(actorOf(ctx.identity), code.slice(0, 300), officeId ?? null);
    switch (o.kind) {
      case 'issued':
        if (!o.issued.alreadyIssued) ctx.log.info({ ticketId: o.issued.ticket.id }, 'appointment checked in');
        return issuedTicket(o.issued);
      case 'tooEarly':
        return Object.assign(new CheckInTooEarly(), {
          message: 'Check-in opens on the day of the appointment. Please come back on that day.',
          startsAt: o.startsAt,
          comeBackAt: o.comeBackAt,
        });
      case 'tooLate':
        return Object.assign(new CheckInTooLate(), {
          message: 'The appointment time has passed. You can draw a walk-in ticket instead.',
          startsAt: o.startsAt,
          walkInServices: o.walkInServices,
        });
      case 'cancelled':
        return Object.assign(new CheckInCancelled(), { message: 'This appointment was cancelled.' });
      case 'wrongOffice':
        return Object.assign(new CheckInWrongOffice(), {
          message: `This appointment is at ${o.officeName}.`,
          officeName: o.officeName,
        });
      case 'unknownCode':
        return unknownCode();
      case 'officeNotAllowed':
        return officeNotAllowed();
    }
  }

  @Allow(...ISSUERS)
  @Mutation(() => WalkInResult, {
    description: 'A walk-in ticket. The same requestId returns the same ticket; the closing guard may refuse.',
  })
  async issueWalkInTicket(
    @Ctx() ctx: Context,
    @Arg('input', () => WalkInTicketInput) input: WalkInTicketInput,
  ): Promise<typeof WalkInResult> {
    const o = await ctx.services.queue.issue.issueWalkIn(actorOf(ctx.identity), {
      officeId: input.officeId ?? null,
      services: input.services,
      requestId: input.requestId,
      priority: input.priority ?? null,
      priorityNote: input.priorityNote ?? null,
    });
    switch (o.kind) {
      case 'issued':
        if (!o.issued.alreadyIssued) ctx.log.info({ ticketId: o.issued.ticket.id }, 'walk-in ticket issued');
        return issuedTicket(o.issued);
      case 'closed':
        return Object.assign(new WalkInClosed(), {
          message:
            o.reason === 'OFFICE_CLOSED'
              ? 'The office is closed now.'
              : o.reason === 'NO_COUNTER'
                ? 'No counter handles these services together.'
                : 'No more walk-in tickets for this today. Please book an appointment.',
          reason: o.reason,
          serviceIds: o.serviceIds,
          nextAppointments: o.nextAppointments,
        });
      case 'invalid':
        return invalid(o.problems);
      case 'officeNotAllowed':
        return officeNotAllowed();
    }
  }

  @Allow(Role.PHOTO_TERMINAL)
  @Mutation(() => BiometricsResult, {
    description:
      'The photo terminal captured a visitor’s biometrics: code is the ticket’s QR code (tracking link) or the appointment’s check-in code or reference. Gives the ticket priority.',
  })
  async reportBiometricsCaptured(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
  ): Promise<typeof BiometricsResult> {
    const o = await ctx.services.queue.issue.reportBiometrics(actorOf(ctx.identity), code.slice(0, 300));
    switch (o.kind) {
      case 'recorded':
        return Object.assign(new BiometricsRecorded(), {
          message:
            o.target === 'TICKET'
              ? 'Biometrics recorded: the ticket has priority.'
              : 'Biometrics recorded: the ticket gets priority at check-in.',
          target: o.target as BiometricsTarget,
          ticketNumber: o.ticketNumber,
        });
      case 'unknownCode':
        return unknownCode();
      case 'officeNotAllowed':
        return officeNotAllowed();
      case 'notAllowed':
        return notAllowed(o.status, o.action);
    }
  }

  @CitizenToken()
  @Query(() => TrackedTicketResult, {
    description: 'A ticket by the token of its tracking link: number, status, people ahead, estimate, counter.',
  })
  async ticketByTrackingToken(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
  ): Promise<typeof TrackedTicketResult> {
    const view = await ctx.services.queue.views.tracked(token);
    return view ? publicTicket(view) : ticketNotFound();
  }

  @CitizenToken()
  @Mutation(() => LeaveQueueResult, {
    description:
      'The holder of a tracking link gives up their place (waiting, called or parked). Again once cancelled: the same answer, nothing changes.',
  })
  async leaveQueue(@Ctx() ctx: Context, @Arg('token', () => String) token: string): Promise<typeof LeaveQueueResult> {
    const o = await ctx.services.queue.actions.leave(token);
    if (o.kind === 'ok') return publicTicket(o.ticket);
    if (o.kind === 'notFound') return ticketNotFound();
    return notAllowed(o.status, TicketAction.CANCEL);
  }

  @FieldResolver(() => String, { description: 'The tracking link as a QR code (SVG markup), for the printed ticket.' })
  trackingQrSvg(@Root() issued: IssuedTicket): Promise<string> {
    return checkInQrSvg(issued.trackingLink);
  }
}
