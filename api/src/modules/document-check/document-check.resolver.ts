import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, CitizenToken } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { actorOf } from '../../shared/actor.js';
import { invalid, officeNotAllowed } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import { DocumentCheckState } from '../booking/appointment-view.js';
import {
  Appointment,
  AppointmentNotChangeable,
  AppointmentNotFound,
  type NotChangeableReason,
} from '../booking/booking.types.js';
import {
  CheckUploadResult,
  DocumentCheckList,
  DocumentCheckListResult,
  ReplaceUploadResult,
  UploadNotFound,
} from './document-check.types.js';

/** Who checks documents: the office's clerks, information desk and manager (of that office only). */
const CHECKERS = [Role.CLERK, Role.INFO_DESK, Role.OFFICE_MANAGER] as const;

const appointment = async (ctx: Context, id: string) =>
  Object.assign(new Appointment(), await ctx.services.booking.view(id));

@Resolver()
export class DocumentCheckResolver {
  @Allow(...CHECKERS)
  @Query(() => DocumentCheckListResult, {
    description: "Unterlagen prüfen: today's and tomorrow's appointments of the office with uploaded files.",
  })
  async documentChecks(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
  ): Promise<typeof DocumentCheckListResult> {
    const outcome = await ctx.services.documentCheck.list(actorOf(ctx.identity), officeId);
    switch (outcome.kind) {
      case 'ok':
        return Object.assign(new DocumentCheckList(), {
          appointments: outcome.appointments.map((v) => Object.assign(new Appointment(), v)),
        });
      case 'officeNotAllowed':
        return officeNotAllowed();
      case 'invalid':
        return invalid(outcome.problems);
    }
  }

  @Allow(...CHECKERS)
  @Mutation(() => CheckUploadResult, {
    description:
      'Marks an uploaded file ACCEPTED, or REPLACE with a short message for the citizen (who is mailed and may upload a replacement through the manage link).',
  })
  async checkUpload(
    @Ctx() ctx: Context,
    @Arg('uploadId', () => ID) uploadId: string,
    @Arg('state', () => DocumentCheckState) state: DocumentCheckState,
    @Arg('message', () => String, { nullable: true }) message?: string | null,
  ): Promise<typeof CheckUploadResult> {
    const outcome = await ctx.services.documentCheck.check(actorOf(ctx.identity), uploadId, state, message ?? null);
    switch (outcome.kind) {
      case 'ok':
        ctx.log.info({ uploadId, state }, 'upload checked');
        return appointment(ctx, outcome.appointmentId);
      case 'notFound':
        return Object.assign(new UploadNotFound(), { message: 'There is no such uploaded file (any more).' });
      case 'officeNotAllowed':
        return officeNotAllowed();
      case 'invalid':
        return invalid(outcome.problems);
    }
  }

  @CitizenToken()
  @Mutation(() => ReplaceUploadResult, {
    description:
      'Through the manage link, until the appointment begins: attaches a file from POST /uploads in place of the files uploaded for the same document. The new file is TO_CHECK again.',
  })
  async replaceAppointmentUpload(
    @Ctx() ctx: Context,
    @Arg('token', () => String) token: string,
    @Arg('uploadId', () => ID) uploadId: string,
  ): Promise<typeof ReplaceUploadResult> {
    const outcome = await ctx.services.documentCheck.replace(token, uploadId);
    switch (outcome.kind) {
      case 'ok':
        ctx.log.info({ appointmentId: outcome.appointmentId }, 'upload replaced');
        return appointment(ctx, outcome.appointmentId);
      case 'notFound':
        return Object.assign(new AppointmentNotFound(), {
          message: 'No appointment belongs to this link. Check the link in your confirmation.',
        });
      case 'notChangeable':
        return Object.assign(new AppointmentNotChangeable(), {
          reason: outcome.reason as NotChangeableReason,
          message:
            outcome.reason === 'CANCELLED'
              ? 'This appointment is already cancelled.'
              : 'This appointment has already begun; bring the document along.',
        });
      case 'invalid':
        return invalid(outcome.problems);
    }
  }
}
