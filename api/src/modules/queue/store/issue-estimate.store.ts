/**
 * Keeps what a visitor is told when their ticket is issued: the expected call time and its range, from the same
 * estimate the tracker, kiosk and staff screens show. Statistics later compare it with the first call.
 */
import type { EntityManager } from 'typeorm';
import { waitingEstimates } from '../rules/queue-estimates.js';
import { loadQueueState } from './queue-state.store.js';

/**
 * Stores the new ticket's estimate at `now`; call it in the transaction that created the ticket, after the insert,
 * so the queue state includes it. Nothing is stored when no open counter can serve it (then it has no estimate).
 */
export async function recordIssueEstimate(
  m: EntityManager,
  ticket: { id: string; officeId: string },
  now: Date,
): Promise<void> {
  const state = await loadQueueState(m, ticket.officeId, now);
  const estimate = state && waitingEstimates(state).get(ticket.id);
  if (!estimate) return;
  await m.query(
    `UPDATE ticket SET "issuedExpectedCallAt" = $2, "issuedEarliestCallAt" = $3, "issuedLatestCallAt" = $4
      WHERE id = $1`,
    [ticket.id, new Date(estimate.expectedCallAt), new Date(estimate.earliestCallAt), new Date(estimate.latestCallAt)],
  );
}
