/** The booking module's reads and writes in SQL (the service keeps the rules and the transactions). */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppointmentView } from './appointment-view.js';
import type { Busy } from './availability.js';
import { LONGEST_APPOINTMENT_MS } from './office-plan.store.js';

/** Lock namespaces for pg_advisory_xact_lock(namespace, key). */
const LOCK_EMAIL = 31_001;
const LOCK_COUNTER = 31_002;

/**
 * A booking transaction as `work` sees it: `run` sends statements (a simple query, so values are literals) and
 * answers the last one's rows; with `commit` the COMMIT goes in the same round trip.
 */
export type BookingTx = { run(sql: string, commit: boolean): Promise<Record<string, unknown>[]> };

/** pg's own conversion of a parameter value to text (arrays, dates, …); exported by pg, missing in its types. */
const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils;

/** A value as an SQL literal, exactly as pg would send it as an untyped parameter (for simple queries). */
export function sqlLiteral(value: unknown): string {
  const prepared = prepareValue(value);
  return prepared === null || prepared === undefined ? 'NULL' : pg.escapeLiteral(String(prepared));
}

/** The advisory-lock key of a text: the first 32 bits of its SHA-256, the same in every api process. */
export function lockKey(text: string): number {
  return createHash('sha256').update(text).digest().readInt32BE(0);
}

/** Waits for the lock of a counter's office-local day (see `insertAppointment`). */
export async function lockCounterDay(m: EntityManager, key: number): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_COUNTER, key]);
}

/**
 * A booking's transaction. Its first round trip is one simple query of three statements: BEGIN, the lock that
 * serialises bookings of one email address (so the per-email limit holds under races), and — as a statement of
 * its own, so that its snapshot is taken after the lock was granted and sees every booking committed before —
 * the address's upcoming appointments and the booked times that overlap [start, end). `work` may end the
 * transaction with its last statements (`run(sql, true)`: the statements and COMMIT in one simple query, one round
 * trip less); otherwise COMMIT follows it. A simple query cannot carry parameters: values go in as literals
 * (`sqlLiteral`, pg's own escaping). Capacity is decided by the exclusion constraint, which refuses a second
 * booking of a counter.
 */
export async function bookingTransaction<T>(
  ds: DataSource,
  scope: { email: string; officeId: string; start: number; end: number; now: Date },
  work: (tx: BookingTx, loaded: { active: number; busy: Busy[] }) => Promise<T>,
): Promise<T> {
  const runner = ds.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.PoolClient;
    let committed = false;
    let result: T;
    try {
      const at = (ms: number) => `'${new Date(ms).toISOString()}'::timestamptz`;
      const results = (await client.query(
        `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_EMAIL}, ${lockKey(scope.email)});
         SELECT
           (SELECT count(*)::int FROM appointment
             WHERE email = ${sqlLiteral(scope.email)} AND status = 'BOOKED' AND "endsAt" > ${at(scope.now.getTime())}) AS active,
           (SELECT coalesce(json_agg(json_build_array("counterId", round(date_part('epoch', "startsAt") * 1000)::int8,
                     round(date_part('epoch', "endsAt") * 1000)::int8)), '[]')
              FROM appointment WHERE "officeId" = ${sqlLiteral(scope.officeId)} AND status = 'BOOKED'
               AND "startsAt" < ${at(scope.end)} AND "startsAt" > ${at(scope.start - LONGEST_APPOINTMENT_MS)}
               AND "endsAt" > ${at(scope.start)}) AS busy`,
      )) as unknown as pg.QueryResult<{ active: number; busy: [string, number, number][] }>[];
      const row = results[2]?.rows[0];
      const loaded = {
        active: row?.active ?? 0,
        busy: (row?.busy ?? []).map(([counterId, s, e]) => ({ counterId, start: s, end: e })),
      };
      const tx: BookingTx = {
        run: async (sql, commit) => {
          const answer = (await client.query(commit ? `${sql}; COMMIT` : sql)) as unknown as pg.QueryResult[];
          const results = Array.isArray(answer) ? answer : [answer];
          committed = commit;
          return results[results.length - (commit ? 2 : 1)]?.rows ?? [];
        },
      };
      result = await work(tx, loaded);
    } catch (e) {
      if (!committed) await runner.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    if (!committed) await runner.query('COMMIT');
    return result;
  } finally {
    await runner.release();
  }
}

/**
 * The statements that book: the lock of the counter's day first, so bookings of one counter and day insert one after
 * the other. Two inserts of overlapping times that check the exclusion constraint at the same moment would each wait
 * for the other (a deadlock PostgreSQL breaks only after a second); in turn, the later one is refused at once (23P01)
 * and the whole attempt runs again with another counter. Then the appointment, its services, its follow-ups (the
 * mails' rows) and its uploads in one statement; its row tells how many uploads were attached.
 */
export function insertAppointment(a: {
  officeId: string;
  counterId: string;
  counterLock: number;
  reference: string;
  manageTokenHash: string;
  checkInCode: string;
  start: number;
  end: number;
  contact: { name: string; email: string; phone?: string | null; language: string };
  caller: { channel: string; channelName: string | null };
  consentAt: Date;
  services: readonly { serviceId: string; count: number }[];
  followUps: string | null;
  uploadIds: readonly string[];
}): string {
  const values = [
    a.officeId,
    a.counterId,
    a.reference,
    a.manageTokenHash,
    a.checkInCode,
    new Date(a.start),
    new Date(a.end),
    a.contact.name,
    a.contact.email,
    a.contact.phone ?? null,
    a.contact.language,
    a.caller.channel,
    a.caller.channelName,
    a.consentAt,
  ]
    .map((v) => sqlLiteral(v))
    .join(', ');
  const serviceList = sqlLiteral(a.services.map((s) => s.serviceId));
  const countList = sqlLiteral(a.services.map((s) => s.count));
  const attach =
    a.uploadIds.length > 0
      ? `, u AS (UPDATE upload SET "appointmentId" = (SELECT id FROM a)
           WHERE id = ANY(${sqlLiteral(a.uploadIds)}::uuid[]) AND "appointmentId" IS NULL RETURNING id)`
      : '';
  return `SELECT pg_advisory_xact_lock(${LOCK_COUNTER}, ${a.counterLock});
   WITH a AS (
     INSERT INTO appointment ("officeId", "counterId", reference, "manageTokenHash", "checkInCode", "startsAt",
       "endsAt", "citizenName", email, phone, language, channel, "channelName", "consentAt")
     VALUES (${values}) RETURNING id),
   s AS (INSERT INTO appointment_service ("appointmentId", "serviceId", count)
     SELECT a.id, s.id, s.count FROM a,
       unnest(${serviceList}::uuid[], ${countList}::int[]) AS s(id, count))
   ${a.followUps ? `, f AS (${a.followUps})` : ''} ${attach}
   SELECT id, ${attach ? '(SELECT count(*) FROM u)::int' : '0'} AS attached FROM a`;
}

/** The upload rows behind the ids a booking names (valid uuids only), and whether each is attached already. */
export async function uploadsByIds(
  m: EntityManager,
  ids: readonly string[],
): Promise<{ id: string; documentId: string; attached: boolean }[]> {
  if (ids.length === 0) return [];
  return m.query(
    'SELECT id, "documentId", "appointmentId" IS NOT NULL AS attached FROM upload WHERE id = ANY($1::uuid[])',
    [ids],
  );
}

/** The appointment behind a manage token's hash; null when there is none. */
export async function appointmentIdByTokenHash(m: EntityManager, hash: string): Promise<string | null> {
  const [row]: { id: string }[] = await m.query('SELECT id FROM appointment WHERE "manageTokenHash" = $1', [hash]);
  return row?.id ?? null;
}

/** Loads one appointment with its services, the documents they need and the files uploaded for them (one query). */
export async function loadAppointmentView(m: EntityManager, id: string): Promise<AppointmentView | null> {
  const [row] = await m.query(
    `SELECT a.id, a."officeId", a.reference, a.status, a."startsAt", a."endsAt", a."citizenName", a.email, a.phone,
            a.language, a.channel, a."checkInCode", a."createdAt", a."cancelledAt",
            a."calendarSequence",
       (SELECT coalesce(json_agg(json_build_object('serviceId', s.id, 'name', s.name,
                 'description', s.description, 'translations', s.translations, 'durationMinutes', s."durationMinutes", 'count', x.count) ORDER BY s."sortOrder", s.name), '[]')
          FROM appointment_service x JOIN service s ON s.id = x."serviceId"
         WHERE x."appointmentId" = a.id) AS services,
       (SELECT coalesce(json_agg(json_build_object('documentId', d.id, 'name', d.name, 'description', d.description,
                 'translations', d.translations, 'uploadable', d.uploadable, 'mandatory', d.mandatory,
                 'uploads', (SELECT coalesce(json_agg(json_build_object('id', u.id, 'fileName', u."fileName",
                               'mediaType', u."mediaType", 'sizeBytes', u."sizeBytes", 'checkState', u."checkState",
                               'checkMessage', u."checkMessage", 'checkedAt', u."checkedAt") ORDER BY u."createdAt"), '[]')
                               FROM upload u WHERE u."appointmentId" = a.id AND u."documentId" = d.id))
                 ORDER BY d.mandatory DESC, d."sortOrder", d.name), '[]')
          FROM (SELECT rd.id, rd.name, rd.description, rd.translations, rd.uploadable, bool_or(sd.mandatory) AS mandatory,
                       min(sd."sortOrder") AS "sortOrder"
                  FROM appointment_service x
                  JOIN service_document sd ON sd."serviceId" = x."serviceId"
                  JOIN required_document rd ON rd.id = sd."documentId"
                 WHERE x."appointmentId" = a.id
                 GROUP BY rd.id) d) AS documents
       FROM appointment a WHERE a.id = $1`,
    [id],
  );
  return row ?? null;
}
