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

  async booked(m: EntityManager, a: BookedFacts): Promise<void> {
    const now = this.now();
    const { appointmentId, manageToken } = a;
    await this.insert(m, appointmentId, a, [
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
    // The plain token survives only in unsent mails (the appointment keeps its hash): carry it over if one has it.
    const [carried] = await m.query(
      `SELECT "manageToken" FROM mail_message
        WHERE "appointmentId" = $1 AND "manageToken" IS NOT NULL ORDER BY "createdAt" LIMIT 1`,
      [appointmentId],
    );
    const manageToken: string | null = carried?.manageToken ?? null;
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
  async cancelled(m: EntityManager, appointmentId: string): Promise<void> {
    const a = await this.appointment(m, appointmentId);
    await this.cancelPending(
      m,
      appointmentId,
      [MailKind.CONFIRMATION, MailKind.RESCHEDULED, MailKind.REMINDER_24H, MailKind.REMINDER_4H],
      'appointment cancelled',
    );
    await this.insert(m, appointmentId, a, [{ kind: MailKind.CANCELLED, dueAt: this.now(), manageToken: null }]);
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

  /** One plain INSERT for all planned rows (an entity insert costs more than the booking's own statements). */
  private async insert(
    m: EntityManager,
    appointmentId: string,
    a: { email: string; language: string },
    planned: Planned[],
  ): Promise<void> {
    if (planned.length === 0) return;
    await m.query(
      `INSERT INTO mail_message ("appointmentId", kind, status, recipient, language, "manageToken", "dueAt",
         "nextAttemptAt", "createdAt")
       SELECT $1, p.kind, 'PENDING', $2, $3, p.token, p.due, p.due, $4
         FROM unnest($5::mail_kind[], $6::text[], $7::timestamptz[]) AS p(kind, token, due)`,
      [
        appointmentId,
        a.email,
        a.language,
        this.now(),
        planned.map((p) => p.kind),
        planned.map((p) => p.manageToken),
        planned.map((p) => p.dueAt),
      ],
    );
  }
}
