/**
 * Tells the queue's followers (Web Push) about a ticket's change, inside the change's own transaction: what happened
 * (read back from the ticket and its last event, so no code path has to describe it) and, on demand, how many people
 * are ahead of each waiting ticket of the office now.
 */
import type { EntityManager } from 'typeorm';
import type { QueueHooks, TicketChange } from '../queue.service.js';
import { waitingEstimates } from '../rules/queue-estimates.js';
import type { TicketEventType, TicketStatus } from '../rules/ticket-model.js';
import { loadQueueState } from './queue-state.store.js';

/** People ahead of each waiting ticket of the office today, as the estimates count them (what the page shows). */
function peopleAhead(m: EntityManager, officeId: string, now: Date): () => Promise<Map<string, number>> {
  let known: Promise<Map<string, number>> | undefined;
  return () => {
    known ??= loadQueueState(m, officeId, now).then((state) => {
      const ahead = new Map<string, number>();
      if (state) for (const [id, e] of waitingEstimates(state)) ahead.set(id, e.peopleAhead);
      return ahead;
    });
    return known;
  };
}

/** The ticket's latest change, for the hooks; true when they queued follow-ups (wake them after commit). */
export async function announceTicket(
  m: EntityManager,
  hooks: QueueHooks,
  ticketId: string,
  now: Date,
): Promise<boolean> {
  const [row]: {
    officeId: string;
    status: TicketStatus;
    type: TicketEventType;
    counterId: string | null;
    byHolder: boolean | null;
  }[] = await m.query(
    `SELECT t."officeId", t.status, e.type, e."counterId", (e.data->>'byHolder')::boolean AS "byHolder"
       FROM ticket t
       JOIN LATERAL (SELECT type, "counterId", data FROM ticket_event WHERE "ticketId" = t.id ORDER BY id DESC LIMIT 1) e
         ON true
      WHERE t.id = $1`,
    [ticketId],
  );
  if (!row) return false;
  const change: TicketChange = {
    ticketId,
    type: row.type,
    status: row.status,
    counterId: row.counterId,
    byHolder: row.byHolder === true,
  };
  return hooks.changed(m, row.officeId, [change], peopleAhead(m, row.officeId, now));
}

/** Several tickets of one office changed alike (the nightly closing of a past day). */
export function announceTickets(
  m: EntityManager,
  hooks: QueueHooks,
  officeId: string,
  changes: TicketChange[],
  now: Date,
): Promise<boolean> {
  return hooks.changed(m, officeId, changes, peopleAhead(m, officeId, now));
}
