import type { DataSource, EntityManager } from 'typeorm';

const DAY_MS = 86_400_000;
const BATCH = 500;

/**
 * One kind of personal data and how to remove it once it is older than the cutoff. Each step runs in its own
 * transactions, in batches, and must be idempotent (the job may run twice, or stop halfway).
 * The queue adds its step for tickets (see queue/store/ticket-retention.store.ts) in services.ts.
 */
export type RetentionStep = {
  name: string;
  /** `now` for steps with a period of their own (e.g. the audit log's year). */
  run: (ds: DataSource, cutoff: Date, now: Date) => Promise<number>;
};

/** Where the bytes of uploaded files are removed (the upload module's storage; ids of deleted `upload` rows). */
export type UploadBytes = { delete(ids: string[], manager?: EntityManager): Promise<void> };

/** What one run removed, per step (number of appointments, uploads, …). */
export type RetentionResult = Record<string, number>;

/**
 * Removes personal data a fixed number of days (RETENTION_DAYS) after it was last needed, keeping the anonymous
 * facts statistics need. Called by the daily `retention.run` job; safe to call any time.
 */
export class RetentionService {
  private readonly steps: RetentionStep[];

  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    readonly retentionDays: number,
    storage: UploadBytes,
    extraSteps: RetentionStep[] = [],
  ) {
    this.steps = [appointmentStep(storage), ...extraSteps];
  }

  /** The moment before which data is old enough to go. */
  cutoff(): Date {
    return new Date(this.now().getTime() - this.retentionDays * DAY_MS);
  }

  async run(): Promise<RetentionResult> {
    const cutoff = this.cutoff();
    const result: RetentionResult = {};
    for (const step of this.steps) result[step.name] = await step.run(this.ds, cutoff, this.now());
    return result;
  }
}

/**
 * Appointments that ended (or were cancelled) before the cutoff lose the citizen's name, email and phone, their
 * uploaded files, and the secrets that led to them (manage-token hash, check-in code); what stays is anonymous:
 * office, counter, services, start, end, status, channel, reference, creation and cancellation times. Their mails
 * keep kind, status and times but lose recipient, token and error text.
 */
function appointmentStep(storage: UploadBytes): RetentionStep {
  return {
    name: 'appointments',
    run: async (ds, cutoff) => {
      let total = 0;
      for (;;) {
        const done = await ds.transaction(async (m: EntityManager) => {
          // (Statements that change rows are wrapped in a SELECT: TypeORM returns plain rows only for those.)
          const rows: { id: string }[] = await m.query(
            `WITH due AS (
               SELECT id FROM appointment
                WHERE email <> ''
                  AND ((status = 'BOOKED' AND "endsAt" < $1) OR (status = 'CANCELLED' AND "cancelledAt" < $1))
                LIMIT $2 FOR UPDATE SKIP LOCKED),
             done AS (
               UPDATE appointment a
                  SET "citizenName" = '', email = '', phone = NULL,
                      "manageTokenHash" = 'removed:' || a.id, "checkInCode" = 'removed:' || a.id
                 FROM due WHERE a.id = due.id
               RETURNING a.id)
             SELECT id FROM done`,
            [cutoff, BATCH],
          );
          const ids = rows.map((r) => r.id);
          if (ids.length === 0) return 0;
          const uploads: { id: string }[] = await m.query(
            'WITH gone AS (DELETE FROM upload WHERE "appointmentId" = ANY($1::uuid[]) RETURNING id) SELECT id FROM gone',
            [ids],
          );
          await storage.delete(
            uploads.map((u) => u.id),
            m,
          );
          await m.query(
            `UPDATE mail_message
                SET recipient = NULL, "manageToken" = NULL, "lastError" = NULL,
                    status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'CANCELLED'::mail_status ELSE status END
              WHERE "appointmentId" = ANY($1::uuid[])`,
            [ids],
          );
          return ids.length;
        });
        total += done;
        if (done < BATCH) return total;
      }
    },
  };
}
