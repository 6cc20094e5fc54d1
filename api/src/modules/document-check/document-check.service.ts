/**
 * The document pre-check: before the visit the office looks at the files citizens uploaded and marks each one
 * accepted or "please bring/replace" with a short message; the citizen is mailed, sees the state on the manage page
 * and can upload a replacement there (which starts at TO_CHECK again), until the appointment begins.
 */
import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { singleLine } from '../../plain-text.js';
import { type Actor, worksIn } from '../../shared/actor.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isUuid } from '../../shared/ids.js';
import { unknownOffice } from '../../shared/office-lock.js';
import { AppointmentStatus, type AppointmentView, DocumentCheckState } from '../booking/appointment-view.js';
import type { BookingService } from '../booking/booking.service.js';
import type { UploadService } from '../upload/upload.service.js';
import {
  appointmentsWithUploads,
  documentUploadable,
  lockAppointment,
  lockAttachedUpload,
  officeTimeZone,
  otherUploadCount,
  setCheck,
  unattachedUploadDocument,
} from './document-check.store.js';

/** What the mail outbox does when a file is to be replaced (in the same transaction). */
export interface DocumentCheckHooks {
  /** Queues the mail that asks for the replacement (one while it is unsent, however many files are marked). */
  replacementRequested(m: EntityManager, appointmentId: string): Promise<void>;
  afterCommit(appointmentId: string): void;
}

export const CHECK_MESSAGE_MAX = 300;

export type ListOutcome =
  | { kind: 'ok'; appointments: AppointmentView[] }
  | { kind: 'officeNotAllowed' }
  | { kind: 'invalid'; problems: FieldProblem[] };

export type CheckOutcome =
  | { kind: 'ok'; appointmentId: string }
  | { kind: 'notFound' }
  | { kind: 'officeNotAllowed' }
  | { kind: 'invalid'; problems: FieldProblem[] };

export type ReplaceOutcome =
  | { kind: 'ok'; appointmentId: string }
  | { kind: 'notFound' }
  | { kind: 'notChangeable'; reason: 'CANCELLED' | 'STARTED' }
  | { kind: 'invalid'; problems: FieldProblem[] };

const uploadGone: FieldProblem = {
  field: 'uploadId',
  code: 'NOT_FOUND',
  message: 'This upload does not exist or has expired; upload it again.',
};

/** The office-local day of `now` and the next one, as [from, to). */
export function checkWindow(now: Date, timeZone: string): { from: Date; to: Date } {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  return { from: today.toJSDate(), to: today.plus({ days: 2 }).toJSDate() };
}

export class DocumentCheckService {
  constructor(
    private readonly ds: DataSource,
    private readonly booking: Pick<BookingService, 'idByToken' | 'findView'>,
    private readonly uploads: Pick<UploadService, 'attachReplacing' | 'limits'>,
    private readonly now: () => Date,
    private readonly hooks: DocumentCheckHooks,
  ) {}

  /** Today's and tomorrow's booked appointments of the office that have uploaded files, earliest first. */
  async list(actor: Actor, officeId: string): Promise<ListOutcome> {
    if (!isUuid(officeId)) return { kind: 'invalid', problems: [unknownOffice] };
    if (!(await worksIn(this.ds.manager, actor, officeId))) return { kind: 'officeNotAllowed' };
    const timeZone = await officeTimeZone(this.ds.manager, officeId);
    if (!timeZone) return { kind: 'invalid', problems: [unknownOffice] };
    const { from, to } = checkWindow(this.now(), timeZone);
    const ids = await appointmentsWithUploads(this.ds.manager, officeId, from, to);
    const views = await Promise.all(ids.map((id) => this.booking.findView(id)));
    return { kind: 'ok', appointments: views.filter((v): v is AppointmentView => v !== null) };
  }

  /** Marks one attached file ACCEPTED, or REPLACE with a message (which queues the citizen's mail). */
  async check(
    actor: Actor,
    uploadId: string,
    state: DocumentCheckState,
    rawMessage: string | null,
  ): Promise<CheckOutcome> {
    const message = rawMessage == null ? '' : singleLine(rawMessage);
    const problems: FieldProblem[] = [];
    if (state === DocumentCheckState.TO_CHECK)
      problems.push({ field: 'state', code: 'INVALID', message: 'Mark a file ACCEPTED or REPLACE.' });
    if (state === DocumentCheckState.REPLACE && message.length === 0)
      problems.push({ field: 'message', code: 'REQUIRED', message: 'Tell the citizen what to bring or replace.' });
    if (message.length > CHECK_MESSAGE_MAX)
      problems.push({ field: 'message', code: 'TOO_LONG', message: `At most ${CHECK_MESSAGE_MAX} characters.` });
    if (!isUuid(uploadId)) return { kind: 'notFound' };
    const outcome = await this.ds.transaction(async (m): Promise<CheckOutcome> => {
      const found = await lockAttachedUpload(m, uploadId);
      if (!found) return { kind: 'notFound' };
      if (!(await worksIn(m, actor, found.officeId))) return { kind: 'officeNotAllowed' };
      if (found.status !== AppointmentStatus.BOOKED)
        problems.push({ field: 'uploadId', code: 'CANCELLED', message: 'This appointment was cancelled.' });
      if (problems.length > 0) return { kind: 'invalid', problems };
      await setCheck(m, uploadId, state, state === DocumentCheckState.REPLACE ? message : message || null, this.now());
      if (state === DocumentCheckState.REPLACE) await this.hooks.replacementRequested(m, found.appointmentId);
      return { kind: 'ok', appointmentId: found.appointmentId };
    });
    if (outcome.kind === 'ok' && state === DocumentCheckState.REPLACE) this.hooks.afterCommit(outcome.appointmentId);
    return outcome;
  }

  /**
   * Through the manage link: attaches an upload (POST /uploads) to the appointment in place of the files it had for
   * that document, until the appointment begins. The new file is TO_CHECK again.
   */
  async replace(token: string, uploadId: string): Promise<ReplaceOutcome> {
    const appointmentId = await this.booking.idByToken(token);
    if (!appointmentId) return { kind: 'notFound' };
    if (!isUuid(uploadId)) return { kind: 'invalid', problems: [uploadGone] };
    return this.ds.transaction(async (m): Promise<ReplaceOutcome> => {
      const appointment = await lockAppointment(m, appointmentId);
      if (!appointment) return { kind: 'notFound' };
      if (appointment.status !== AppointmentStatus.BOOKED) return { kind: 'notChangeable', reason: 'CANCELLED' };
      if (appointment.startsAt <= this.now()) return { kind: 'notChangeable', reason: 'STARTED' };
      const documentId = await unattachedUploadDocument(m, uploadId);
      if (!documentId) return { kind: 'invalid', problems: [uploadGone] };
      if (!(await documentUploadable(m, appointmentId, documentId)))
        return {
          kind: 'invalid',
          problems: [
            { field: 'uploadId', code: 'NOT_ALLOWED', message: 'This appointment does not ask for this document.' },
          ],
        };
      const { maxFiles } = this.uploads.limits;
      if ((await otherUploadCount(m, appointmentId, documentId)) + 1 > maxFiles)
        return {
          kind: 'invalid',
          problems: [{ field: 'uploadId', code: 'TOO_MANY', message: `At most ${maxFiles} files can be attached.` }],
        };
      if (!(await this.uploads.attachReplacing(m, appointmentId, documentId, uploadId)))
        return { kind: 'invalid', problems: [uploadGone] };
      return { kind: 'ok', appointmentId };
    });
  }
}
