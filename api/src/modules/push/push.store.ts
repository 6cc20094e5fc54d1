/** The push module's SQL: the VAPID key pair, the subscriptions, and the claims on outbox rows. */
import type { EntityManager } from 'typeorm';
import type { PushKind, PushStatus } from './push-message.entity.js';
import type { CheckedSubscription } from './push-rules.js';

export type VapidKeys = { publicKey: string; privateKey: string };

/**
 * The key pair, made by `generate` when there is none yet. Two processes starting at once both generate one, but only
 * the first insert lands (ON CONFLICT DO NOTHING on the single row), and both read back that one.
 */
export async function vapidKeys(m: EntityManager, generate: () => VapidKeys): Promise<VapidKeys> {
  const read = async () => {
    const [row]: VapidKeys[] = await m.query('SELECT "publicKey", "privateKey" FROM push_vapid WHERE id = 1');
    return row ?? null;
  };
  const known = await read();
  if (known) return known;
  const fresh = generate();
  await m.query(
    'INSERT INTO push_vapid (id, "publicKey", "privateKey") VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING',
    [fresh.publicKey, fresh.privateKey],
  );
  const stored = await read();
  if (!stored) throw new Error('VAPID keys missing after insert');
  return stored;
}

/** At most this many browsers per ticket (a visitor with phone and watch); the oldest goes first. */
export const MAX_SUBSCRIPTIONS_PER_TICKET = 5;

/**
 * Adds the browser's subscription to the ticket, or changes it (same endpoint: new keys, threshold, language; the
 * "N ahead" push is to come again unless `alreadyAhead`).
 */
export async function upsertSubscription(
  m: EntityManager,
  ticketId: string,
  token: string,
  s: CheckedSubscription,
  aheadNotifiedAt: Date | null,
): Promise<void> {
  await m.query(
    `INSERT INTO push_subscription ("ticketId", "trackingToken", endpoint, p256dh, auth, "aheadThreshold", language,
                                    "aheadNotifiedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT ("ticketId", endpoint) DO UPDATE
       SET "trackingToken" = EXCLUDED."trackingToken", p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
           "aheadThreshold" = EXCLUDED."aheadThreshold", language = EXCLUDED.language,
           "aheadNotifiedAt" = EXCLUDED."aheadNotifiedAt"`,
    [ticketId, token, s.endpoint, s.p256dh, s.auth, s.aheadThreshold, s.language, aheadNotifiedAt],
  );
  await m.query(
    `DELETE FROM push_subscription WHERE id IN (
       SELECT id FROM push_subscription WHERE "ticketId" = $1 ORDER BY "createdAt" DESC, id OFFSET $2)`,
    [ticketId, MAX_SUBSCRIPTIONS_PER_TICKET],
  );
}

export async function deleteSubscription(m: EntityManager, ticketId: string, endpoint: string): Promise<boolean> {
  const rows: unknown[] = await m.query(
    'DELETE FROM push_subscription WHERE "ticketId" = $1 AND endpoint = $2 RETURNING id',
    [ticketId, endpoint],
  );
  return rows.length > 0;
}

export type ClaimedPush = {
  id: string;
  ticketId: string;
  subscriptionId: string;
  kind: PushKind;
  endpoint: string;
  p256dh: string;
  auth: string;
  trackingToken: string;
  language: string;
  data: { number: string; counterLabel?: string | null; ahead?: number };
  attempts: number;
};

/**
 * The oldest due PENDING row, locked for this transaction; rows other processes are sending right now are skipped, so
 * each row is sent by one process. A process that dies mid-send rolls back and the row is due again. A row waits
 * while an earlier one of its subscription is still pending (being sent, or waiting for a retry): a phone hears
 * "almost your turn" before "your turn", never the other way round.
 */
export async function claimDue(m: EntityManager, now: Date): Promise<ClaimedPush | null> {
  const [row]: ClaimedPush[] = await m.query(
    `SELECT id, "ticketId", "subscriptionId", kind, endpoint, p256dh, auth, "trackingToken", language, data, attempts
       FROM push_message p WHERE status = 'PENDING' AND "nextAttemptAt" <= $1
        AND NOT EXISTS (SELECT 1 FROM push_message e
                         WHERE e."subscriptionId" = p."subscriptionId" AND e.status = 'PENDING' AND e.seq < p.seq)
      ORDER BY "nextAttemptAt", seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  return row ?? null;
}

/** Ends the row: SENT, FAILED or GONE (target fields cleared), or PENDING again later for a retry. */
export async function settle(
  m: EntityManager,
  id: string,
  status: PushStatus,
  fields: { attempts: number; lastError: string | null; nextAttemptAt?: Date; sentAt?: Date },
): Promise<void> {
  await m.query(
    `UPDATE push_message
        SET status = $2::push_status, attempts = $3, "lastError" = $4, "nextAttemptAt" = coalesce($5, "nextAttemptAt"),
            "sentAt" = $6,
            endpoint = CASE WHEN $2::push_status = 'PENDING' THEN endpoint END,
            p256dh = CASE WHEN $2::push_status = 'PENDING' THEN p256dh END,
            auth = CASE WHEN $2::push_status = 'PENDING' THEN auth END,
            "trackingToken" = CASE WHEN $2::push_status = 'PENDING' THEN "trackingToken" END
      WHERE id = $1`,
    [id, status, fields.attempts, fields.lastError, fields.nextAttemptAt ?? null, fields.sentAt ?? null],
  );
}

/** The push service forgot the browser: its subscriptions go (its other pushes will hear the same and end GONE). */
export async function forgetEndpoint(m: EntityManager, endpoint: string): Promise<void> {
  await m.query('DELETE FROM push_subscription WHERE endpoint = $1', [endpoint]);
}

/** Settled rows are kept a day for support questions ("did the push go out?"), then removed. */
export async function purgeSettled(m: EntityManager, before: Date): Promise<number> {
  const rows: unknown[] = await m.query(
    `DELETE FROM push_message WHERE status <> 'PENDING' AND "createdAt" < $1 RETURNING id`,
    [before],
  );
  return rows.length;
}
