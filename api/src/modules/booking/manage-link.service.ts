/**
 * "Termin wiederfinden": a citizen who lost the manage link gives the booking reference and the email address, and
 * the link is mailed again, to the address the appointment was booked with. The answer is the same whether or not
 * such an appointment exists, so the form tells nobody which references or addresses are booked; what protects it
 * from guessing is the rate limit (per caller address and per reference) and that the link only ever goes to the
 * booked address.
 */
import { setTimeout } from 'node:timers/promises';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { generateSecret, hashSecret } from '../../shared/credentials.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { normalizeReference } from './codes.js';

/** What the mail outbox does for a found appointment (in the same transaction). */
export interface ManageLinkHooks {
  /** The plain manage token still held by an unsent mail of this appointment, if any (only its hash is stored). */
  unsentToken(m: EntityManager, appointmentId: string): Promise<string | null>;
  /** Queues the mail with the link; pending mails that carried another token are given this one. */
  manageLinkRequested(m: EntityManager, appointmentId: string, manageToken: string): Promise<void>;
  afterCommit(appointmentId: string): void;
}

export type ManageLinkOutcome =
  | { kind: 'requested'; reference: string }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'limit'; retryAfterSeconds: number };

/** Requests per hour from one caller address, and per reference (so that one citizen's mailbox is not flooded). */
export const MANAGE_LINK_LIMITS = { perAddress: 10, perReference: 5 } as const;
/** The least time of an answer after the limits were counted (far above the work of a found appointment). */
const ANSWER_FLOOR_MS = 250;

const email = z.email();

export class ManageLinkService {
  private readonly byAddress: RateLimiterPostgres;
  private readonly byReference: RateLimiterPostgres;

  constructor(
    private readonly ds: DataSource,
    pool: pg.Pool,
    private readonly now: () => Date,
    private readonly hooks: ManageLinkHooks,
  ) {
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limit',
        tableCreated: true,
        keyPrefix,
        points,
        duration: 3600,
      });
    this.byAddress = limiter('manage-link-ip', MANAGE_LINK_LIMITS.perAddress);
    this.byReference = limiter('manage-link-ref', MANAGE_LINK_LIMITS.perReference);
  }

  /**
   * Mails the manage link when `reference` names an upcoming booked appointment of `email`; otherwise does nothing.
   * Either way the answer is `requested`. `clientKey` is the caller's address (null for portals and staff, whose
   * own limits apply).
   */
  async request(referenceInput: string, emailInput: string, clientKey: string | null): Promise<ManageLinkOutcome> {
    const reference = normalizeReference(referenceInput);
    const mail = emailInput.trim().toLowerCase();
    const problems: FieldProblem[] = [];
    if (!reference)
      problems.push({ field: 'reference', code: 'INVALID', message: 'A booking reference has 8 characters.' });
    if (mail.length === 0 || mail.length > 254 || !email.safeParse(mail).success)
      problems.push({ field: 'email', code: 'INVALID', message: 'This is not a valid email address.' });
    if (!reference || problems.length > 0) return { kind: 'invalid', problems };

    const refused = await this.consume(clientKey, reference);
    if (refused) return refused;

    // A found appointment costs a few more statements than none: every answer takes the same least time, so that the
    // time does not tell either.
    const earliestAnswer = performance.now() + ANSWER_FLOOR_MS;
    const found = await this.ds.transaction(async (m) => {
      const [row]: { id: string }[] = await m.query(
        `SELECT id FROM appointment
          WHERE reference = $1 AND email = $2 AND status = 'BOOKED' AND "endsAt" > $3
          FOR UPDATE`,
        [reference, mail, this.now()],
      );
      if (!row) return null;
      let token = await this.hooks.unsentToken(m, row.id);
      if (!token) {
        // Nothing unsent holds the old link: a new one replaces it (the old one, lost anyway, stops working).
        token = generateSecret('bcm_');
        await m.query('UPDATE appointment SET "manageTokenHash" = $2 WHERE id = $1', [row.id, hashSecret(token)]);
      }
      await this.hooks.manageLinkRequested(m, row.id, token);
      return row.id;
    });
    if (found) this.hooks.afterCommit(found);
    await setTimeout(Math.max(0, earliestAnswer - performance.now()));
    return { kind: 'requested', reference };
  }

  /** Counts the request against both limits (whether or not it finds anything); the refusal when one is used up. */
  private async consume(clientKey: string | null, reference: string): Promise<ManageLinkOutcome | null> {
    try {
      if (clientKey) await this.byAddress.consume(clientKey);
      await this.byReference.consume(reference);
      return null;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      return { kind: 'limit', retryAfterSeconds: Math.ceil(err.msBeforeNext / 1000) };
    }
  }
}
