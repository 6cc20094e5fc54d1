import nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer/lib/mailer';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { AppointmentView } from '../booking/appointment-view.js';
import { AppointmentStatus, DocumentCheckState } from '../booking/appointment-view.js';
import {
  appointmentCalendar,
  type CalendarSender,
  calendarMethod,
  calendarSender,
  checkInQrPng,
} from '../booking/confirmation.js';
import { mailData, type OfficeForMail, QR_CID, withCalendar, withQrCode } from './compose.js';
import { DevMailbox } from './dev-mailbox.js';
import { type Claimed, MailClaims } from './mail-claims.store.js';
import { MailKind, MailStatus } from './mail-message.entity.js';
import { MailOutbox } from './mail-outbox.store.js';
import { afterFailure, describeSendError, isReminder, type SendError, staleReminderReason } from './mail-plan.js';
import { MailTemplates, TemplateError } from './templates.js';

const BATCH = 25;
/** Bounds one dispatch run; the next run goes on where it stopped. */
const MAX_BATCHES = 40;

export type DispatchResult = { sent: number; retrying: number; failed: number; skipped: number };

export type MailProblemRow = { kind: MailKind; attempts: number; error: string | null; lastAttemptAt: Date | null };

/**
 * Sends the citizen mails the outbox holds. Every api process may dispatch at any time: a mail is claimed under an
 * advisory lock of the run's database session (PENDING → SENDING, see MailClaims), so no two processes send the same
 * row and a dead process's claims are free at once, then rendered from the appointment's current data, sent over
 * SMTP with a Message-ID made from the row id, and settled (SENT, retried later, FAILED or CANCELLED).
 */
export class MailService {
  readonly outbox: MailOutbox;
  /** The embedded catcher, when no SMTP_URL is set. */
  readonly devMailbox: DevMailbox | null;
  private templates: MailTemplates;
  private transport: Transporter | undefined;
  private wake: () => void = () => undefined;
  private readonly messageHost: string;
  private readonly calendarSender: CalendarSender;

  constructor(
    private readonly ds: DataSource,
    private readonly pool: pg.Pool,
    private readonly config: Config['mail'] & { publicUrl: string },
    private readonly now: () => Date,
    private readonly log: Logger,
    /** The appointment a mail is about, as the booking module shows it; null once it is gone. */
    private readonly appointmentView: (id: string) => Promise<AppointmentView | null>,
  ) {
    this.templates = new MailTemplates();
    this.outbox = new MailOutbox(now, () => this.wake());
    this.devMailbox = config.smtpUrl ? null : new DevMailbox(log);
    this.messageHost = new URL(config.publicUrl).hostname;
    this.calendarSender = calendarSender(config.publicUrl, config.from);
  }

  /** Opens the SMTP transport (starting the embedded catcher first when there is no SMTP_URL). */
  async start(): Promise<void> {
    const url = this.devMailbox ? await this.devMailbox.start() : (this.config.smtpUrl as string);
    this.transport = nodemailer.createTransport({
      url,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  async stop(): Promise<void> {
    this.transport?.close();
    this.transport = undefined;
    await this.devMailbox?.stop();
  }

  /** Called when new mails were queued (after a booking's commit); the scheduler sets it. */
  onQueued(wake: () => void): void {
    this.wake = wake;
  }

  /** Replaces the templates (tests use a broken set to prove a rendering failure never touches the booking). */
  useTemplates(templates: MailTemplates): void {
    this.templates = templates;
  }

  /** Sends every mail that is due by the service clock; returns what happened. Safe to run in many processes. */
  async dispatchDue(): Promise<DispatchResult> {
    const result: DispatchResult = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
    const claims = await MailClaims.open(this.pool);
    let failed = false;
    try {
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const ids = await claims.candidates(this.now(), BATCH);
        let claimedAny = false;
        // One at a time: a claim is taken just before its mail is sent, so a slow mail server holds up one mail,
        // and the other processes go on with the rest.
        for (const id of ids) {
          const row = await claims.claim(id, this.now());
          if (!row) continue;
          claimedAny = true;
          const outcome = await this.deliver(claims, row).catch(async (err) => {
            // Not a send failure (e.g. the database went away while rendering): count it as a failed attempt.
            this.log.error({ err, appointmentId: row.appointmentId, mailId: row.id }, 'mail dispatch error');
            return this.failedAttempt(claims, row, err);
          });
          result[outcome] += 1;
        }
        if (ids.length < BATCH || !claimedAny) break;
      }
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      claims.close(failed);
    }
    return result;
  }

  /** Mails of an appointment that could not be delivered for good (for staff). */
  async problems(appointmentId: string): Promise<MailProblemRow[]> {
    return this.ds.query(
      `SELECT kind, attempts, "lastError" AS error, "lastAttemptAt" FROM mail_message
        WHERE "appointmentId" = $1 AND status = 'FAILED' ORDER BY "createdAt", kind`,
      [appointmentId],
    );
  }

  private async deliver(claims: MailClaims, row: Claimed): Promise<keyof DispatchResult> {
    const now = this.now();
    const view = await this.appointmentView(row.appointmentId);
    const skip = this.skipReason(row, view, now);
    if (skip || !view || !row.recipient) {
      await this.settle(claims, row, MailStatus.CANCELLED, { lastError: skip ?? 'no recipient' });
      return 'skipped';
    }
    let message: SendMailOptions;
    try {
      message = await this.compose(row, view);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      // A template bug does not mend itself by retrying: failed at once, visible to staff, booking untouched.
      this.log.error(
        { err: err.message, appointmentId: row.appointmentId, mailId: row.id, kind: row.kind },
        'mail could not be rendered',
      );
      await this.settle(claims, row, MailStatus.FAILED, { lastError: err.message });
      return 'failed';
    }
    if (!this.transport) throw new Error('mail transport not started');
    try {
      await this.transport.sendMail(message);
    } catch (err) {
      return this.failedAttempt(claims, row, err as SendError);
    }
    await this.settle(claims, row, MailStatus.SENT, { sentAt: now });
    this.log.info({ appointmentId: row.appointmentId, mailId: row.id, kind: row.kind }, 'mail sent');
    return 'sent';
  }

  private async failedAttempt(claims: MailClaims, row: Claimed, err: SendError): Promise<'retrying' | 'failed'> {
    const next = afterFailure(row.attempts, err, this.now());
    const error = describeSendError(err);
    const context = { appointmentId: row.appointmentId, mailId: row.id, kind: row.kind, attempt: row.attempts, error };
    if (next.status === 'FAILED') {
      this.log.error(context, 'mail not delivered; given up');
      await this.settle(claims, row, MailStatus.FAILED, { lastError: error });
      return 'failed';
    }
    this.log.warn({ ...context, nextAttemptAt: next.nextAttemptAt }, 'mail not delivered; will retry');
    await this.settle(claims, row, MailStatus.PENDING, { lastError: error, nextAttemptAt: next.nextAttemptAt });
    return 'retrying';
  }

  /** Why this mail is not sent at all any more, or null. */
  private skipReason(row: Claimed, view: AppointmentView | null, now: Date): string | null {
    if (!view) return 'appointment deleted';
    const cancellation = row.kind === MailKind.CANCELLED || row.kind === MailKind.OFFICE_CLOSED;
    if (!cancellation && view.status === AppointmentStatus.CANCELLED) return 'appointment cancelled';
    if (row.kind === MailKind.DOCUMENT_CHECK) {
      if (view.startsAt <= now) return 'too late: the appointment has begun';
      const toReplace = view.documents.some((d) => d.uploads.some((u) => u.checkState === DocumentCheckState.REPLACE));
      if (!toReplace) return 'nothing to replace any more';
    }
    return isReminder(row.kind) ? staleReminderReason(row.kind, view.startsAt, now) : null;
  }

  private async compose(row: Claimed, view: AppointmentView): Promise<SendMailOptions> {
    const [office]: (OfficeForMail | undefined)[] = await this.ds.query(
      'SELECT name, street, "postalCode", city, "timeZone", phone, email FROM office WHERE id = $1',
      [view.officeId],
    );
    if (!office) throw new Error(`office ${view.officeId} missing`);
    const { template, language, data } = mailData({
      kind: row.kind,
      view,
      office,
      manageUrl: row.manageToken ? `${this.config.publicUrl}/booking/verwaltung#${row.manageToken}` : null,
      bookingUrl: `${this.config.publicUrl}/booking/`,
    });
    const rendered = this.templates.render(language, template, data);
    const attachments: NonNullable<SendMailOptions['attachments']> = [];
    if (withQrCode(row.kind)) {
      attachments.push({
        filename: 'check-in-qr-code.png',
        content: await checkInQrPng(view.checkInCode),
        contentType: 'image/png',
        cid: QR_CID,
        contentDisposition: 'inline',
      });
    }
    if (withCalendar(row.kind)) {
      // The appointment as it is now: a booked one (PUBLISH), or, in a cancellation notice, the CANCEL that takes it
      // out of the citizen's calendar. The text/calendar part must name the file's METHOD.
      const method = calendarMethod(view);
      attachments.push({
        filename: method === 'CANCEL' ? 'termin-abgesagt.ics' : 'termin.ics',
        content: appointmentCalendar(view, office, this.calendarSender, this.now()),
        contentType: `text/calendar; charset=utf-8; method=${method}`,
      });
    }
    return {
      from: this.config.from,
      to: row.recipient as string,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments,
      // The idempotency key: stable per outbox row, so that a mail sent again after a crash between the server's
      // acceptance and our settle is the same message to mail stores (which may drop the repeat).
      messageId: `<${row.id}@${this.messageHost}>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': language },
    };
  }

  /** Ends the claim; a row changed meanwhile by someone else keeps that state (logged). */
  private async settle(
    claims: MailClaims,
    row: Claimed,
    status: MailStatus,
    fields: { lastError?: string | null; nextAttemptAt?: Date; sentAt?: Date },
  ): Promise<void> {
    if (!(await claims.settle(row, status, fields))) {
      this.log.warn(
        { appointmentId: row.appointmentId, mailId: row.id, status },
        'mail row changed by someone else while it was sent',
      );
    }
  }
}
