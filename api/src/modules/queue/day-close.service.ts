/**
 * Closes the tickets of past days that were never finished (the nightly `queue.close-past-days` job): a ticket still
 * waiting, called, being served or parked when its office-local day is over becomes CANCELLED with a DAY_CLOSED
 * event that keeps the state it was left in. It is never marked finished: no FINISHED event, so neither the learned
 * service durations nor the statistics' service times see it, and statistics count it apart (docs/decisions.md).
 */
import type { DataSource } from 'typeorm';
import { noQueueHooks, type QueueHooks } from './queue.service.js';
import { localDate } from './rules/office-day.js';
import { TicketEventType, TicketStatus } from './rules/ticket-model.js';
import { snapshotOf, type TicketRecord, ticketRecordColumns } from './store/ticket.store.js';
import { announceTickets } from './store/ticket-followers.store.js';

/** Statuses a ticket can be left in at the end of its day. */
const LEFT_OPEN = [TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.PARKED];
const BATCH = 500;

export class DayCloseService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    private readonly hooks: QueueHooks = noQueueHooks,
  ) {}

  /**
   * Closes every office's open tickets of days before its local today; returns how many. Safe to run at any time
   * and in several processes at once: rows another transaction holds are skipped (and closed by the next run), and
   * a closed ticket is no longer open, so a second run changes nothing.
   */
  async run(): Promise<number> {
    const now = this.now();
    const offices: { id: string; timeZone: string }[] = await this.ds.query('SELECT id, "timeZone" FROM office');
    let closed = 0;
    for (const office of offices) {
      const today = localDate(now.getTime(), office.timeZone);
      for (;;) {
        const n = await this.closeBatch(office.id, today, now);
        closed += n;
        if (n < BATCH) break;
      }
    }
    return closed;
  }

  /** One transaction: up to BATCH open tickets of the office from before `today`, closed with their events. */
  private closeBatch(officeId: string, today: string, now: Date): Promise<number> {
    return this.ds.transaction(async (m) => {
      const left: TicketRecord[] = await m.query(
        `SELECT ${ticketRecordColumns} FROM ticket
          WHERE "officeId" = $1 AND "serviceDay" < $2 AND status = ANY($3::ticket_status[])
          ORDER BY "serviceDay", id LIMIT $4 FOR UPDATE SKIP LOCKED`,
        [officeId, today, LEFT_OPEN, BATCH],
      );
      if (left.length === 0) return 0;
      const ids = left.map((t) => t.id);
      await m.query(`UPDATE ticket SET status = $2, "endedAt" = $3, version = version + 1 WHERE id = ANY($1::uuid[])`, [
        ids,
        TicketStatus.CANCELLED,
        now,
      ]);
      // No actor and no counter: the job acts, at no counter (nor is it a counter's activity past closing).
      await m.query(
        `INSERT INTO ticket_event ("ticketId", "officeId", type, at, data)
         SELECT x.id, $2, $3, $4, x.data FROM unnest($1::uuid[], $5::jsonb[]) AS x(id, data)`,
        [ids, officeId, TicketEventType.DAY_CLOSED, now, left.map((t) => JSON.stringify({ before: snapshotOf(t) }))],
      );
      const changes = left.map((t) => ({
        ticketId: t.id,
        type: TicketEventType.DAY_CLOSED,
        status: TicketStatus.CANCELLED,
        counterId: null,
        byHolder: false,
      }));
      if (await announceTickets(m, this.hooks, officeId, changes, now)) this.hooks.afterCommit();
      return left.length;
    });
  }
}
