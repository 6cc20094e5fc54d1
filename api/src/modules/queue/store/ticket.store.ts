/** Writes shared by the queue's services: who acts, office access, numbers, tickets, events, tracking tokens. */

import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../shared/actor.js';
import { hashSecret } from '../../../shared/credentials.js';
import { newTrackingToken, ticketNumber, ticketPrefix } from '../rules/queue-codes.js';
import { TicketEventType, type TicketOrigin, type TicketPriority, TicketStatus } from '../rules/ticket-model.js';
import type { ServiceChoice } from '../rules/walk-in-input.js';

/** Lock namespaces for pg_advisory_xact_lock(namespace, key). */
export const LOCK_REQUEST = 41_001;

export const uniqueViolation = '23505';

export function actorColumns(actor: Actor): { staffUserId: string | null; deviceId: string | null } {
  return actor.kind === 'staff'
    ? { staffUserId: actor.staffUserId, deviceId: null }
    : { staffUserId: null, deviceId: actor.deviceId };
}

/** The ticket row as the services change it. */
export type TicketRecord = {
  id: string;
  officeId: string;
  serviceDay: string;
  status: TicketStatus;
  priority: TicketPriority | null;
  priorityNote: string | null;
  dueAt: Date;
  counterId: string | null;
  callCount: number;
  calledAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  version: number;
  appointmentId: string | null;
};

/** The columns of a TicketRecord, for `SELECT ${ticketRecordColumns} FROM ticket`. */
export const ticketRecordColumns = `id, "officeId", "serviceDay"::text AS "serviceDay", status, priority, "priorityNote",
  "dueAt", "counterId", "callCount", "calledAt", "startedAt", "endedAt", version, "appointmentId"`;

/** Locks a ticket for the rest of the transaction. */
export async function lockTicket(m: EntityManager, id: string): Promise<TicketRecord | null> {
  const [row]: TicketRecord[] = await m.query(`SELECT ${ticketRecordColumns} FROM ticket WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return row ?? null;
}

/** What undo restores: the fields an action changes. */
export type TicketSnapshot = {
  status: TicketStatus;
  counterId: string | null;
  callCount: number;
  calledAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  dueAt: string;
  services?: ServiceChoice[];
};

export function snapshotOf(t: TicketRecord, services?: ServiceChoice[]): TicketSnapshot {
  return {
    status: t.status,
    counterId: t.counterId,
    callCount: t.callCount,
    calledAt: t.calledAt?.toISOString() ?? null,
    startedAt: t.startedAt?.toISOString() ?? null,
    endedAt: t.endedAt?.toISOString() ?? null,
    dueAt: t.dueAt.toISOString(),
    ...(services ? { services } : {}),
  };
}

export type TicketPatch = Partial<
  Pick<
    TicketRecord,
    'status' | 'counterId' | 'callCount' | 'calledAt' | 'startedAt' | 'endedAt' | 'dueAt' | 'priority' | 'priorityNote'
  >
>;

/** Applies a change and raises the version; the row must be locked by this transaction. */
export async function updateTicket(m: EntityManager, id: string, patch: TicketPatch): Promise<void> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = entries.map(([k], i) => `"${k}" = $${i + 2}`);
  await m.query(`UPDATE ticket SET ${[...sets, 'version = version + 1'].join(', ')} WHERE id = $1`, [
    id,
    ...entries.map(([, v]) => v),
  ]);
}

export async function appendEvent(
  m: EntityManager,
  e: {
    ticketId: string;
    officeId: string;
    type: TicketEventType;
    at: Date;
    counterId?: string | null;
    actor: Actor | null;
    data?: Record<string, unknown> | null;
  },
): Promise<void> {
  const who = e.actor ? actorColumns(e.actor) : { staffUserId: null, deviceId: null };
  await m.query(
    `INSERT INTO ticket_event ("ticketId", "officeId", type, at, "counterId", "staffUserId", "deviceId", data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.ticketId, e.officeId, e.type, e.at, e.counterId ?? null, who.staffUserId, who.deviceId, e.data ?? null],
  );
}

/** A new tracking token for the ticket; only its hash is stored. */
export async function issueTrackingToken(m: EntityManager, ticketId: string): Promise<string> {
  const token = newTrackingToken();
  await m.query('INSERT INTO ticket_tracking ("tokenHash", "ticketId") VALUES ($1, $2)', [hashSecret(token), ticketId]);
  return token;
}

export async function ticketIdByToken(m: EntityManager, token: string): Promise<string | null> {
  if (token.length > 100) return null;
  const [row]: { ticketId: string }[] = await m.query('SELECT "ticketId" FROM ticket_tracking WHERE "tokenHash" = $1', [
    hashSecret(token),
  ]);
  return row?.ticketId ?? null;
}

/**
 * Creates a ticket with the day's next number of its letter, its services, the ISSUED event and a tracking token.
 * The number comes from an upsert on ticket_sequence, whose row stays locked until this transaction ends.
 */
export async function createTicket(
  m: EntityManager,
  t: {
    officeId: string;
    serviceDay: string;
    origin: TicketOrigin;
    appointmentId: string | null;
    services: ServiceChoice[];
    dueAt: Date;
    arrivedAt: Date;
    priority: TicketPriority | null;
    priorityNote: string | null;
    requestKey: string | null;
    actor: Actor;
    data?: Record<string, unknown>;
  },
): Promise<{ id: string; token: string }> {
  const prefix = ticketPrefix(t.origin);
  const [seq]: { last: number }[] = await m.query(
    `INSERT INTO ticket_sequence ("officeId", "serviceDay", prefix, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT ("officeId", "serviceDay", prefix) DO UPDATE SET last = ticket_sequence.last + 1
     RETURNING last`,
    [t.officeId, t.serviceDay, prefix],
  );
  const [row]: { id: string }[] = await m.query(
    `WITH t AS (
       INSERT INTO ticket ("officeId", "serviceDay", number, origin, "appointmentId", status, priority, "priorityNote",
         "dueAt", "arrivedAt", "requestKey")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id)
     INSERT INTO ticket_service ("ticketId", "serviceId", count)
     SELECT t.id, s.id, s.count FROM t, unnest($12::uuid[], $13::int[]) AS s(id, count)
     RETURNING "ticketId" AS id`,
    [
      t.officeId,
      t.serviceDay,
      ticketNumber(prefix, seq?.last ?? 1),
      t.origin,
      t.appointmentId,
      TicketStatus.WAITING,
      t.priority,
      t.priorityNote,
      t.dueAt,
      t.arrivedAt,
      t.requestKey,
      t.services.map((s) => s.serviceId),
      t.services.map((s) => s.count),
    ],
  );
  if (!row) throw new Error('ticket insert returned no row');
  await appendEvent(m, {
    ticketId: row.id,
    officeId: t.officeId,
    type: TicketEventType.ISSUED,
    at: t.arrivedAt,
    actor: t.actor,
    data: { origin: t.origin, ...(t.data ?? {}) },
  });
  return { id: row.id, token: await issueTrackingToken(m, row.id) };
}

export type OpenSession = { id: string; staffUserId: string; pausedAt: Date | null };

/** The counter's open session (locked when asked), whoever holds it. */
export async function openSession(m: EntityManager, counterId: string, lock = false): Promise<OpenSession | null> {
  const [row]: OpenSession[] = await m.query(
    `SELECT id, "staffUserId", "pausedAt" FROM counter_session WHERE "counterId" = $1 AND "closedAt" IS NULL
     ${lock ? 'FOR UPDATE' : ''}`,
    [counterId],
  );
  return row ?? null;
}

/** The counter's open session if the actor holds it. */
export async function sessionOfActor(
  m: EntityManager,
  counterId: string | null,
  actor: Actor,
  lock = false,
): Promise<OpenSession | null> {
  if (!counterId || actor.kind !== 'staff') return null;
  const session = await openSession(m, counterId, lock);
  return session?.staffUserId === actor.staffUserId ? session : null;
}

/** The ticket a counter is calling or serving, if any (other than `exceptId`). */
export async function activeTicketAt(m: EntityManager, counterId: string, exceptId?: string): Promise<string | null> {
  const [row]: { id: string }[] = await m.query(
    `SELECT id FROM ticket WHERE "counterId" = $1 AND status IN ('CALLED', 'SERVING') AND id IS DISTINCT FROM $2 LIMIT 1`,
    [counterId, exceptId ?? null],
  );
  return row?.id ?? null;
}

export async function ticketServices(m: EntityManager, ticketId: string): Promise<ServiceChoice[]> {
  return m.query('SELECT "serviceId", count FROM ticket_service WHERE "ticketId" = $1 ORDER BY "serviceId"', [
    ticketId,
  ]);
}

/** Replaces the services a ticket asks for (transfer, undo of a transfer). */
export async function replaceTicketServices(
  m: EntityManager,
  ticketId: string,
  services: ServiceChoice[],
): Promise<void> {
  await m.query('DELETE FROM ticket_service WHERE "ticketId" = $1', [ticketId]);
  await m.query(
    `INSERT INTO ticket_service ("ticketId", "serviceId", count)
     SELECT $1, s.id, s.count FROM unnest($2::uuid[], $3::int[]) AS s(id, count)`,
    [ticketId, services.map((s) => s.serviceId), services.map((s) => s.count)],
  );
}
