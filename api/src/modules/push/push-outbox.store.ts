import type { EntityManager } from 'typeorm';
import type { QueueHooks, TicketChange } from '../queue/queue.service.js';
import { TicketEventType, TicketStatus } from '../queue/rules/ticket-model.js';
import { PushKind } from './push-message.entity.js';

const ENDED = new Set([TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED]);

/** The push a change brings the ticket's own subscribers, if any. */
function pushFor(c: TicketChange): PushKind | null {
  if (c.type === TicketEventType.CALLED) return PushKind.CALLED;
  if (c.type === TicketEventType.RECALLED) return PushKind.RECALLED;
  if (c.type === TicketEventType.CANCELLED && !c.byHolder) return PushKind.CANCELLED;
  return null;
}

/**
 * The queue's follow-ups for Web Push, written as `push_message` rows inside the queue change's own transaction: a
 * push exists exactly when its change does, whatever happens to the process afterwards. Sending is the dispatch job's
 * (push.service.ts); `afterCommit` only wakes it.
 *
 * Per change: a call, a recall or a cancellation by the office pushes to the ticket's subscriptions; a ticket that
 * ended loses its subscriptions (the rows written just before keep what they need). Then, for the office's waiting
 * tickets whose "N ahead" push is still to come, the people ahead are counted once, and each subscription that is now
 * at or below its threshold is marked and gets its push: the mark is a guarded UPDATE, so of two concurrent changes
 * only one writes it.
 */
export class PushOutbox implements QueueHooks {
  constructor(
    private readonly now: () => Date,
    private readonly wake: () => void,
  ) {}

  async changed(
    m: EntityManager,
    officeId: string,
    changes: readonly TicketChange[],
    peopleAhead: () => Promise<Map<string, number>>,
  ): Promise<boolean> {
    const now = this.now();
    let queued = 0;
    const ended = changes.filter((c) => ENDED.has(c.status)).map((c) => c.ticketId);
    for (const c of changes) {
      const kind = pushFor(c);
      if (!kind) continue;
      queued += await this.insert(m, kind, c.ticketId, null, now, c.counterId);
      // Called: the "N ahead" push is not needed any more.
      if (kind === PushKind.CALLED)
        await m.query(
          'UPDATE push_subscription SET "aheadNotifiedAt" = $2 WHERE "ticketId" = $1 AND "aheadNotifiedAt" IS NULL',
          [c.ticketId, now],
        );
    }
    if (ended.length > 0) await m.query('DELETE FROM push_subscription WHERE "ticketId" = ANY($1::uuid[])', [ended]);
    const waiting: { id: string; ticketId: string; aheadThreshold: number }[] = await m.query(
      `SELECT s.id, s."ticketId", s."aheadThreshold" FROM push_subscription s JOIN ticket t ON t.id = s."ticketId"
        WHERE t."officeId" = $1 AND t.status = 'WAITING' AND s."aheadNotifiedAt" IS NULL`,
      [officeId],
    );
    if (waiting.length > 0) {
      const ahead = await peopleAhead();
      for (const s of waiting) {
        const count = ahead.get(s.ticketId);
        if (count === undefined || count > s.aheadThreshold) continue;
        const [marked]: { id: string }[] = await m.query(
          `UPDATE push_subscription SET "aheadNotifiedAt" = $2 WHERE id = $1 AND "aheadNotifiedAt" IS NULL RETURNING id`,
          [s.id, now],
        );
        if (marked) queued += await this.insert(m, PushKind.AHEAD, s.ticketId, s.id, now, null, count);
      }
    }
    return queued > 0;
  }

  afterCommit(): void {
    this.wake();
  }

  /** Rows for the ticket's subscriptions (or the one given); returns how many. */
  private async insert(
    m: EntityManager,
    kind: PushKind,
    ticketId: string,
    subscriptionId: string | null,
    now: Date,
    counterId: string | null,
    ahead?: number,
  ): Promise<number> {
    const rows: unknown[] = await m.query(
      `INSERT INTO push_message ("ticketId", "subscriptionId", kind, endpoint, p256dh, auth, "trackingToken", language,
                                 data, "nextAttemptAt", "createdAt")
       SELECT s."ticketId", s.id, $3, s.endpoint, s.p256dh, s.auth, s."trackingToken", s.language,
              jsonb_strip_nulls(jsonb_build_object('number', t.number, 'counterLabel', c.label, 'ahead', $5::int)), $6, $6
         FROM push_subscription s
         JOIN ticket t ON t.id = s."ticketId"
         LEFT JOIN counter c ON c.id = $4::uuid
        WHERE s."ticketId" = $1 AND ($2::uuid IS NULL OR s.id = $2)
       RETURNING id`,
      [ticketId, subscriptionId, kind, counterId, ahead ?? null, now],
    );
    return rows.length;
  }
}
