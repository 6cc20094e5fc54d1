import type pg from 'pg';
import type { MailKind, MailStatus } from './mail-message.entity.js';

/** First key of the advisory locks that hold mail claims: pg_advisory_lock(LOCK_MAIL, key of the row). */
export const LOCK_MAIL = 61_001;

/** Second key: the row id's first 32 bits (ids are random). Two rows sharing one only ever wait for each other. */
export const claimKey = (id: string): number => Number.parseInt(id.slice(0, 8), 16) | 0;

export type Claimed = {
  id: string;
  appointmentId: string;
  kind: MailKind;
  recipient: string | null;
  language: string;
  manageToken: string | null;
  /** Claims so far, this one included; the fencing number of the settle. */
  attempts: number;
};

/**
 * One dispatch run's claims on mail rows, held by its own database session: a claimed row is SENDING and its
 * advisory lock is held by this session until the row is settled. When the process dies, PostgreSQL ends the session
 * and drops its locks at once, and any process takes the row over: a SENDING row whose lock can be had has no living
 * sender. No lease to wait out, no clock involved. The session asks for TCP keepalives, so that a host that vanishes
 * without closing its connections frees its claims within about half a minute too.
 */
export class MailClaims {
  private constructor(private readonly client: pg.PoolClient) {}

  static async open(pool: pg.Pool): Promise<MailClaims> {
    const client = await pool.connect();
    try {
      await client.query('SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3');
    } catch (err) {
      client.release(true);
      throw err;
    }
    return new MailClaims(client);
  }

  /** Ids of rows to try, oldest first: due PENDING ones, and SENDING ones (orphaned unless their lock is held). */
  async candidates(now: Date, limit: number): Promise<string[]> {
    const { rows } = await this.client.query<{ id: string }>(
      `SELECT id FROM mail_message
        WHERE (status = 'PENDING' AND "nextAttemptAt" <= $1) OR status = 'SENDING'
        ORDER BY "nextAttemptAt" LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Claims the row for this session, or null when another sender holds it or it is no longer due. */
  async claim(id: string, now: Date): Promise<Claimed | null> {
    const { rows: locked } = await this.client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS held', [
      LOCK_MAIL,
      claimKey(id),
    ]);
    if (!locked[0]?.held) return null;
    const { rows } = await this.client.query<Claimed>(
      `UPDATE mail_message SET status = 'SENDING', attempts = attempts + 1, "lastAttemptAt" = $2
        WHERE id = $1 AND ((status = 'PENDING' AND "nextAttemptAt" <= $2) OR status = 'SENDING')
        RETURNING id, "appointmentId", kind, recipient, language, "manageToken", attempts`,
      [id, now],
    );
    if (!rows[0]) await this.unlock(id);
    return rows[0] ?? null;
  }

  /**
   * Ends the claim with the row's new state, then lets go of its lock. Guarded by the claim number: false when the
   * row is no longer this claim's (it was changed by hand meanwhile). The plain manage token goes as soon as the
   * mail is not pending.
   */
  async settle(
    row: Claimed,
    status: MailStatus,
    fields: { lastError?: string | null; nextAttemptAt?: Date; sentAt?: Date },
  ): Promise<boolean> {
    const { rowCount } = await this.client.query(
      `UPDATE mail_message
          SET status = $3::mail_status, "lastError" = $4, "nextAttemptAt" = coalesce($5, "nextAttemptAt"),
              "sentAt" = $6, "manageToken" = CASE WHEN $3::mail_status = 'PENDING' THEN "manageToken" END
        WHERE id = $1 AND status = 'SENDING' AND attempts = $2`,
      [row.id, row.attempts, status, fields.lastError ?? null, fields.nextAttemptAt ?? null, fields.sentAt ?? null],
    );
    await this.unlock(row.id);
    return rowCount === 1;
  }

  /** Gives the session back; after a failure it is closed instead, which drops whatever it still held. */
  close(failed: boolean): void {
    this.client.release(failed || undefined);
  }

  private async unlock(id: string): Promise<void> {
    await this.client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_MAIL, claimKey(id)]);
  }
}
