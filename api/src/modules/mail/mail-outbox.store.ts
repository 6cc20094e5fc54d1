import type { EntityManager } from 'typeorm';
import type { BookedFacts, BookingHooks } from '../booking/booking.service.js';
import { MailKind } from './mail-message.entity.js';
import { remindersFor } from './mail-plan.js';

type Planned = { kind: MailKind; dueAt: Date; manageToken: string | null };

/**
 * The booking's follow-up mails, written as `mail_message` rows inside the booking's own transaction: they exist
 * exactly when the change does, whatever happens to the process afterwards. Sending is the dispatcher's job
 * (mail.service.ts); `afterCommit` only wakes it.
 */
export class MailOutbox implements BookingHooks {
  constructor(
    private readonly now: () => Date,
    /** Asks for a dispatch soon (an agenda job); the recurring dispatch finds the rows anyway. */
    private readonly wake: () => void,
  ) {}

  /** The confirmation and the reminders, written by the booking's own INSERT statement (one round trip). */
  bookedStatement(a: BookedFacts, param: (value: unknown) => string): string {
    const now = this.now();
    const { manageToken } = a;
    return this.rowsStatement(param, a, [
      { kind: MailKind.CONFIRMATION, dueAt: now, manageToken },
      ...remindersFor(a.startsAt, now).map((r) => ({ ...r, manageToken })),
    ]);
  }

  /**
   * The unsent reminders (and an unsent earlier reschedule notice) are cancelled and planned anew for the new
   * start; reminders already sent for the old time are not repeated unless the new time brings them again.
   */
  async rescheduled(m: EntityManager, appointmentId: string): Promise<void> {
    const now = this.now();
    const a = await this.appointment(m, appointmentId);
    const manageToken = await this.unsentToken(m, appointmentId);
    await this.cancelPending(
      m,
      appointmentId,
      [MailKind.REMINDER_24H, MailKind.REMINDER_4H, MailKind.RESCHEDULED],
      'appointment moved',
    );
    await this.insert(m, appointmentId, a, [
      { kind: MailKind.RESCHEDULED, dueAt: now, manageToken },
      ...remindersFor(a.startsAt, now).map((r) => ({ ...r, manageToken })),
    ]);
  }

  /** Nothing still unsent is needed any more (not even an unsent confirmation); the cancellation notice goes out. */
  cancelled(m: EntityManager, appointmentId: string): Promise<void> {
    return this.cancelledWith(m, appointmentId, MailKind.CANCELLED);
  }

  /** As `cancelled`, but the notice says the office is closed that day (staff cancelled it for a closure). */
  cancelledForClosure(m: EntityManager, appointmentId: string): Promise<void> {
    return this.cancelledWith(m, appointmentId, MailKind.OFFICE_CLOSED);
  }

  private async cancelledWith(m: EntityManager, appointmentId: string, kind: MailKind): Promise<void> {
    const a = await this.appointment(m, appointmentId);
    await this.cancelPending(
      m,
      appointmentId,
      [MailKind.CONFIRMATION, MailKind.RESCHEDULED, MailKind.REMINDER_24H, MailKind.REMINDER_4H],
      'appointment cancelled',
    );
    await this.insert(m, appointmentId, a, [{ kind, dueAt: this.now(), manageToken: null }]);
  }

  /** The plain token survives only in unsent mails (the appointment keeps its hash): the one they hold, if any. */
  async unsentToken(m: EntityManager, appointmentId: string): Promise<string | null> {
    const [carried]: { manageToken: string }[] = await m.query(
      `SELECT "manageToken" FROM mail_message
        WHERE "appointmentId" = $1 AND "manageToken" IS NOT NULL ORDER BY "createdAt" LIMIT 1`,
      [appointmentId],
    );
    return carried?.manageToken ?? null;
  }

  /** "Termin wiederfinden": the link mailed again; unsent mails get the same token (it may be a new one). */
  async manageLinkRequested(m: EntityManager, appointmentId: string, manageToken: string): Promise<void> {
    await m.query(
      `UPDATE mail_message SET "manageToken" = $2 WHERE "appointmentId" = $1 AND "manageToken" IS NOT NULL`,
      [appointmentId, manageToken],
    );
    const a = await this.appointment(m, appointmentId);
    await this.insert(m, appointmentId, a, [{ kind: MailKind.MANAGE_LINK, dueAt: this.now(), manageToken }]);
  }

  /**
   * The pre-check asks for a file to be brought or replaced: one mail, unless one is still unsent (it is rendered
   * when sent, so it tells of every file marked by then). It carries the manage link when an unsent mail still
   * holds the plain token; otherwise it points to the confirmation's link.
   */
  async replacementRequested(m: EntityManager, appointmentId: string): Promise<void> {
    const pending = await m.query(
      `SELECT 1 FROM mail_message WHERE "appointmentId" = $1 AND kind = 'DOCUMENT_CHECK' AND status = 'PENDING'`,
      [appointmentId],
    );
    if (pending.length > 0) return;
    const a = await this.appointment(m, appointmentId);
    const manageToken = await this.unsentToken(m, appointmentId);
    await this.insert(m, appointmentId, a, [{ kind: MailKind.DOCUMENT_CHECK, dueAt: this.now(), manageToken }]);
  }

  afterCommit(_appointmentId: string): void {
    this.wake();
  }

  private async appointment(
    m: EntityManager,
    id: string,
  ): Promise<{ startsAt: Date; email: string; language: string }> {
    const [row] = await m.query('SELECT "startsAt", email, language FROM appointment WHERE id = $1', [id]);
    if (!row) throw new Error(`appointment ${id} not found for its mails`);
    return row;
  }

  private async cancelPending(m: EntityManager, appointmentId: string, kinds: MailKind[], reason: string) {
    await m.query(
      `UPDATE mail_message SET status = 'CANCELLED', "manageToken" = NULL, "lastError" = $3
        WHERE "appointmentId" = $1 AND status = 'PENDING' AND kind = ANY($2::mail_kind[])`,
      [appointmentId, kinds, reason],
    );
  }

  /** One plain INSERT for all planned rows of an appointment. */
  private async insert(
    m: EntityManager,
    appointmentId: string,
    a: { email: string; language: string },
    planned: Planned[],
  ): Promise<void> {
    if (planned.length === 0) return;
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const rows = this.rowsStatement(param, a, planned);
    await m.query(`WITH a AS (SELECT ${param(appointmentId)}::uuid AS id) ${rows}`, params);
  }

  /** INSERT of the planned rows for the appointment whose id the statement's CTE `a` holds. */
  private rowsStatement(
    param: (value: unknown) => string,
    a: { email: string; language: string },
    planned: Planned[],
  ): string {
    return `INSERT INTO mail_message ("appointmentId", kind, status, recipient, language, "manageToken", "dueAt",
         "nextAttemptAt", "createdAt")
       SELECT a.id, p.kind, 'PENDING', ${param(a.email)}, ${param(a.language)}, p.token, p.due, p.due, ${param(this.now())}
         FROM a, unnest(${param(planned.map((p) => p.kind))}::mail_kind[], ${param(planned.map((p) => p.manageToken))}::text[],
           ${param(planned.map((p) => p.dueAt))}::timestamptz[]) AS p(kind, token, due)`;
  }
}
