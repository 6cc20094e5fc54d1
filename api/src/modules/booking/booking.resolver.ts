import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CitizenToken, Public } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import type { Identity } from '../../shared/identity.js';
import { InvalidInput } from '../../shared/results.types.js';
import { catalogTextFields, Office } from '../catalog/catalog.types.js';
import type { AppointmentView } from './appointment-view.js';
import { BookingChannel } from './appointment-view.js';
import type { Caller, ChangeOutcome } from './booking.service.js';
import {
  Appointment,
  AppointmentDocument,
  AppointmentNotChangeable,
  AppointmentNotFound,
  Availability,
  AvailabilityResult,
  BookAppointmentInput,
  BookedService,
  BookingConfirmed,
  BookingResult,
  CancelResult,
  LimitKind,
  LimitReached,
  ManagedAppointmentResult,
  ManageLinkRequested,
  NotChangeableReason,
  RequestManageLinkResult,
  RescheduleResult,
  ServiceChoiceInput,
  SlotUnavailable,
} from './booking.types.js';
import { checkInQrSvg } from './confirmation.js';

const invalid = (fields: FieldProblem[]) =>
  Object.assign(new InvalidInput(), { message: 'Some input was not accepted; see fields.', fields });
const unavailable = (alternatives: Date[]) =>
  Object.assign(new SlotUnavailable(), { message: 'This time is no longer free.', alternatives });
const notFound = () =>
  Object.assign(new AppointmentNotFound(), {
    message: 'No appointment belongs to this link. Check the link in your confirmation.',
  });
const appointment = (view: AppointmentView) => Object.assign(new Appointment(), view);

/** The channel a booking records, from who calls. */
function callerOf(identity: Identity, clientIp: string): Caller {
  switch (identity.kind) {
    case 'portal':
      // Portals book for many citizens from one address; their own per-key limit applies instead.
      return { channel: BookingChannel.PORTAL, channelName: identity.apiKey.name, clientKey: null };
    case 'staff':
      return { channel: BookingChannel.INFO_DESK, channelName: identity.user.username, clientKey: null };
    default:
      return { channel: BookingChannel.WEB, channelName: null, clientKey: clientIp };
  }
}

@Resolver(() => Appointment)
export class BookingResolver {
  @Public()
  @Query(() => AvailabilityResult, {
    description: 'Days and start times free for the chosen services (office-local dates, inclusive).',
  })
  async availability(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('services', () => [ServiceChoiceInput]) services: ServiceChoiceInput[],
    @Arg('from', () => String, { description: 'YYYY-MM-DD' }) from: string,
    @Arg('to', () => String, { description: 'YYYY-MM-DD, at most 92 days after from' }) to: string,
    @Arg('exceptManageToken', () => String, {
      nullable: true,
      description: 'When moving an appointment: its manage token, so that its own time counts as free.',
    })
    exceptManageToken?: string | null,
  ): Promise<typeof AvailabilityResult> {
    const exceptAppointmentId = exceptManageToken
      ? ((await ctx.services.booking.idByToken(exceptManageToken)) ?? undefined)
      : undefined;
    const outcome = await ctx.services.booking.availability({ officeId, services, from, to, exceptAppointmentId });
    if (outcome.kind === 'invalid') return invalid(outcome.problems);
    return Object.assign(new Availability(), { durationMinutes: outcome.durationMinutes, days: outcome.days });
  }

  @Public()
  @Mutation(() => BookingResult, { description: 'Books an appointment. Never double-books; see the result types.' })
  async bookAppointment(
    @Ctx() ctx: Context,
    @Arg('input', () => BookAppointmentInput) input: BookAppointmentInput,
  ): Promise<typeof BookingResult> {
    const outcome = await ctx.services.booking.book(
      { ...input, officeId: input.officeId },
      callerOf(ctx.identity, ctx.clientIp),
    );
    switch (outcome.kind) {
      case 'booked': {
        ctx.log.info({ appointmentId: outcome.appointmentId }, 'appointment booked');
        return Object.assign(new BookingConfirmed(), {
          appointmentId: outcome.appointmentId,
          manageToken: outcome.manageToken,
        });
      }
      case 'invalid':
        return invalid(outcome.problems);
      case 'unavailable':
        return unavailable(outcome.alternatives);
      case 'limit':
        return Object.assign(new LimitReached(), {
          limit: outcome.limit as LimitKind,
          retryAfterSeconds: outcome.retryAfterSeconds,
          message:
            outcome.limit === LimitKind.RATE
              ? 'Too many bookings from this address. Please try again later.'
              : 'This email address already has the most upcoming appointments allowed. Cancel one to book another.',
        });
    }
  }

  @Public()
  @Mutation(() => RequestManageLinkResult, {
    description:
      'Termin wiederfinden: mails the manage link again to the address the appointment was booked with. Answers ManageLinkRequested whether or not the reference and the address match (rate limited per caller and per reference).',
  })
  async requestManageLink(
    @Ctx() ctx: Context,
    @Arg('reference', () => String) reference: string,
    @Arg('email', () => String) email: string,
  ): Promise<typeof RequestManageLinkResult> {
    const outcome = await ctx.services.manageLink.request(
      reference,
      email,
      callerOf(ctx.identity, ctx.clientIp).clientKey,
    );
    switch (outcome.kind) {
      case 'requested':
        return Object.assign(new ManageLinkRequested(), { reference: outcome.reference });
      case 'invalid':
        return invalid(outcome.problems);
      case 'limit':
        return Object.assign(new LimitReached(), {
          limit: LimitKind.RATE,
          retryAfterSeconds: outcome.retryAfterSeconds,
          message: 'Too many requests for a link. Please try again later.',
        });
    }
  }

  @CitizenToken()
  @Query(() => ManagedAppointmentResult, { description: 'The appointment behind a manage link.' })
  async appointmentByToken(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
  ): Promise<typeof ManagedAppointmentResult> {
    const id = await ctx.services.booking.idByToken(token);
    return id ? appointment(await ctx.services.booking.view(id)) : notFound();
  }

  @CitizenToken()
  @Mutation(() => CancelResult, { description: 'Cancels through the manage link; the time is free again at once.' })
  async cancelAppointment(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
  ): Promise<typeof CancelResult> {
    const outcome = await ctx.services.booking.cancel(token);
    if (outcome.kind === 'ok') ctx.log.info({ appointmentId: outcome.appointmentId }, 'appointment cancelled');
    return this.changed(ctx, outcome) as Promise<typeof CancelResult>;
  }

  @CitizenToken()
  @Mutation(() => RescheduleResult, { description: 'Moves the appointment to another free start, atomically.' })
  async rescheduleAppointment(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
    @Arg('start', () => Date) start: Date,
  ): Promise<typeof RescheduleResult> {
    const outcome = await ctx.services.booking.reschedule(token, start);
    if (outcome.kind === 'ok') ctx.log.info({ appointmentId: outcome.appointmentId }, 'appointment rescheduled');
    return this.changed(ctx, outcome);
  }

  @FieldResolver(() => Office)
  async office(@Root() a: Appointment, @Ctx() ctx: Context): Promise<Office> {
    const office = await ctx.services.catalog.office({ id: a.officeId }, { includeDisabled: true });
    if (!office) throw new Error(`office ${a.officeId} of appointment ${a.id} is missing`);
    return office;
  }

  @FieldResolver(() => Boolean, { description: 'Whether it can still be cancelled or moved (booked, not yet begun).' })
  changeable(@Root() a: Appointment, @Ctx() ctx: Context): boolean {
    return ctx.services.booking.changeable(a);
  }

  @FieldResolver(() => String, { description: 'The check-in QR code as SVG markup.' })
  checkInQrSvg(@Root() a: Appointment): Promise<string> {
    return checkInQrSvg(a.checkInCode);
  }

  @FieldResolver(() => String, { description: 'An iCalendar (.ics) file with the appointment.' })
  calendar(@Root() a: Appointment, @Ctx() ctx: Context): Promise<string> {
    return ctx.services.booking.calendar(a as AppointmentView);
  }

  private async changed(ctx: Context, outcome: ChangeOutcome): Promise<typeof RescheduleResult> {
    switch (outcome.kind) {
      case 'ok':
        return appointment(await ctx.services.booking.view(outcome.appointmentId));
      case 'notFound':
        return notFound();
      case 'notChangeable':
        return Object.assign(new AppointmentNotChangeable(), {
          reason: outcome.reason as NotChangeableReason,
          message:
            outcome.reason === NotChangeableReason.CANCELLED
              ? 'This appointment is already cancelled.'
              : 'This appointment has already begun and can no longer be changed.',
        });
      case 'invalid':
        return invalid(outcome.problems);
      case 'unavailable':
        return unavailable(outcome.alternatives);
    }
  }
}

/** The booked appointment is read after the commit, and only when the client selected it. */
@Resolver(() => BookingConfirmed)
export class BookingConfirmedResolver {
  @FieldResolver(() => Appointment)
  async appointment(@Root() b: BookingConfirmed, @Ctx() ctx: Context): Promise<Appointment> {
    return appointment(await ctx.services.booking.view(b.appointmentId));
  }
}

/** BookedService.texts and .text(language): the service's name in the reader's language. */
export const BookedServiceTextResolver = catalogTextFields(BookedService);
/** AppointmentDocument.texts and .text(language). */
export const AppointmentDocumentTextResolver = catalogTextFields(AppointmentDocument);
