import type { RetentionStep } from '../../retention/retention.service.js';

/**
 * Tickets hold no personal data except a staff priority note, which may mention a person's circumstances; it goes
 * with the other personal data after the retention period. The rest of a ticket and its events stay for statistics.
 */
export const ticketRetentionStep: RetentionStep = {
  name: 'ticketNotes',
  run: async (ds, cutoff) => {
    const [row]: { n: number }[] = await ds.query(
      `WITH cleared AS (
         UPDATE ticket SET "priorityNote" = NULL WHERE "priorityNote" IS NOT NULL AND "arrivedAt" < $1 RETURNING id)
       SELECT count(*)::int AS n FROM cleared`,
      [cutoff],
    );
    return row?.n ?? 0;
  },
};
