/**
 * Counters at work: a clerk opens a counter for the session (closing any other they held), pauses and resumes it,
 * closes it, and calls the next ticket. "Call next" never gives one ticket to two counters: it locks the counter's
 * session (one call at a time per counter), then tries the candidates in queue order with
 * SELECT … FOR UPDATE SKIP LOCKED, so a ticket another counter is taking at this moment is skipped, not waited for.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import { isUuid } from '../../shared/ids.js';
import type { QueueHooks } from './queue.service.js';
import type { QueueViewService } from './queue-view.service.js';
import { callOrder, canServe } from './rules/ordering.js';
import { counterScope, orderingRules, toEntry, waitingEntries, waitingTickets } from './rules/queue-estimates.js';
import type { CallOutcome, CounterOutcome } from './rules/queue-outcomes.js';
import { TicketAction, TicketEventType, TicketStatus } from './rules/ticket-model.js';
import { loadQueueState } from './store/queue-state.store.js';
import {
  activeTicketAt,
  appendEvent,
  lockTicket,
  openSession,
  snapshotOf,
  updateTicket,
} from './store/ticket.store.js';
import { announceTicket } from './store/ticket-followers.store.js';

type CounterRow = { id: string; officeId: string; active: boolean };

type SessionChange = 'open' | 'close' | 'pause' | 'resume';

export class CounterService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    private readonly views: QueueViewService,
    private readonly hooks: QueueHooks,
  ) {}

  /**
   * Opens, closes, pauses or resumes the actor's session at a counter. Opening a counter someone else holds needs
   * `takeOver` (a colleague forgot to close it); opening one closes the actor's other counters. Closing needs the
   * counter free of called or served tickets.
   */
  async session(actor: Actor, counterId: string, change: SessionChange, takeOver = false): Promise<CounterOutcome> {
    if (actor.kind !== 'staff' || !isUuid(counterId)) return { kind: 'notFound' };
    type Inner =
      | Exclude<CounterOutcome, { kind: 'ok' | 'busy' }>
      | { kind: 'done'; officeId: string }
      | { kind: 'busyWith'; ticketId: string };
    const inner = await this.ds.transaction(async (m): Promise<Inner> => {
      const [counter]: CounterRow[] = await m.query(
        'SELECT id, "officeId", active FROM counter WHERE id = $1 FOR UPDATE',
        [counterId],
      );
      if (!counter?.active) return { kind: 'notFound' };
      if (!(await worksIn(m, actor, counter.officeId))) return { kind: 'officeNotAllowed' };
      const now = this.now();
      const current = await openSession(m, counterId, true);
      const mine = current?.staffUserId === actor.staffUserId;
      if (change === 'open') {
        if (current && !mine && !takeOver) {
          const [who]: { displayName: string; openedAt: Date }[] = await m.query(
            `SELECT u."displayName", s."openedAt" FROM counter_session s JOIN staff_user u ON u.id = s."staffUserId"
              WHERE s.id = $1`,
            [current.id],
          );
          return { kind: 'taken', openedBy: who?.displayName ?? '', openedAt: who?.openedAt ?? now };
        }
        if (!mine) {
          await m.query(
            `UPDATE counter_session SET "closedAt" = $2
              WHERE "closedAt" IS NULL AND ("staffUserId" = $1 OR "counterId" = $3)`,
            [actor.staffUserId, now, counterId],
          );
          await m.query('INSERT INTO counter_session ("counterId", "staffUserId", "openedAt") VALUES ($1, $2, $3)', [
            counterId,
            actor.staffUserId,
            now,
          ]);
        }
        return { kind: 'done', officeId: counter.officeId };
      }
      if (!current || !mine) return { kind: 'notOpen', counterId };
      if (change === 'close') {
        const busy = await activeTicketAt(m, counterId);
        if (busy) return { kind: 'busyWith', ticketId: busy };
        await m.query('UPDATE counter_session SET "closedAt" = $2 WHERE id = $1', [current.id, now]);
      } else {
        await m.query('UPDATE counter_session SET "pausedAt" = $2 WHERE id = $1', [
          current.id,
          change === 'pause' ? (current.pausedAt ?? now) : null,
        ]);
      }
      return { kind: 'done', officeId: counter.officeId };
    });
    if (inner.kind === 'busyWith') return { kind: 'busy', ticket: await this.view(inner.ticketId) };
    if (inner.kind !== 'done') return inner;
    const state = await this.views.state(inner.officeId);
    const counter = state?.counters.find((c) => c.id === counterId);
    if (!state || !counter) return { kind: 'notFound' };
    return { kind: 'ok', counter: this.views.counterView(state, counter, actor) };
  }

  /** Calls the next ticket for the counter (or, with `ticketId`, that ticket out of order). */
  async call(actor: Actor, counterId: string, pick?: { ticketId: string; version: number }): Promise<CallOutcome> {
    if (!isUuid(counterId)) return { kind: 'counterNotOpen', counterId: null };
    if (pick && !isUuid(pick.ticketId)) return { kind: 'notFound' };
    type Inner =
      | { kind: 'called'; ticketId: string }
      | { kind: 'stale'; ticketId: string }
      | { kind: 'busy'; ticketId: string }
      | Exclude<CallOutcome, { kind: 'ok' | 'stale' | 'counterBusy' }>;
    let followUps = false;
    const inner = await this.ds.transaction(async (m): Promise<Inner> => {
      const [counter]: CounterRow[] = await m.query('SELECT id, "officeId", active FROM counter WHERE id = $1', [
        counterId,
      ]);
      if (!counter) return { kind: 'counterNotOpen', counterId };
      if (!(await worksIn(m, actor, counter.officeId))) return { kind: 'officeNotAllowed' };
      // The session's row lock: one call at a time per counter (a double click calls once).
      const session = await openSession(m, counterId, true);
      if (!session || actor.kind !== 'staff' || session.staffUserId !== actor.staffUserId)
        return { kind: 'counterNotOpen', counterId };
      if (session.pausedAt) return { kind: 'counterPaused', counterId };
      const busy = await activeTicketAt(m, counterId);
      if (busy) return { kind: 'busy', ticketId: busy };
      const state = await loadQueueState(m, counter.officeId, this.now());
      const info = state?.counters.find((c) => c.id === counterId);
      if (!state || !info) return { kind: 'counterNotOpen', counterId };
      const scope = counterScope(info);
      if (pick) {
        const t = await lockTicket(m, pick.ticketId);
        if (!t || t.officeId !== counter.officeId) return { kind: 'notFound' };
        if (t.version !== pick.version) return { kind: 'stale', ticketId: t.id };
        if (t.status !== TicketStatus.WAITING)
          return { kind: 'notAllowed', status: t.status, action: TicketAction.CALL };
        const row = state.tickets.find((x) => x.id === t.id);
        if (!row || !canServe(scope, toEntry(state, row)))
          return {
            kind: 'invalid',
            problems: [
              {
                field: 'ticketId',
                code: 'NOT_HANDLED_HERE',
                message: 'This counter does not handle the ticket’s services.',
              },
            ],
          };
        followUps = await this.markCalled(m, actor, counterId, t.id);
        return { kind: 'called', ticketId: t.id };
      }
      const candidates = callOrder(waitingEntries(state), scope, state.now, orderingRules(state));
      for (const candidate of candidates) {
        const [free]: { id: string }[] = await m.query(
          `SELECT id FROM ticket WHERE id = $1 AND status = 'WAITING' FOR UPDATE SKIP LOCKED`,
          [candidate.id],
        );
        if (!free) continue; // another counter is calling it right now, or just did
        followUps = await this.markCalled(m, actor, counterId, free.id);
        return { kind: 'called', ticketId: free.id };
      }
      return { kind: 'queueEmpty', waiting: waitingTickets(state).length };
    });
    if (followUps) this.hooks.afterCommit();
    switch (inner.kind) {
      case 'called':
        return { kind: 'ok', ticket: await this.view(inner.ticketId) };
      case 'stale':
        return { kind: 'stale', ticket: await this.view(inner.ticketId) };
      case 'busy':
        return { kind: 'counterBusy', ticket: await this.view(inner.ticketId) };
      default:
        return inner;
    }
  }

  /** Answers whether follow-ups (pushes) were queued. */
  private async markCalled(m: EntityManager, actor: Actor, counterId: string, ticketId: string): Promise<boolean> {
    const t = await lockTicket(m, ticketId);
    if (!t) throw new Error(`ticket ${ticketId} vanished`);
    const now = this.now();
    await updateTicket(m, ticketId, {
      status: TicketStatus.CALLED,
      counterId,
      callCount: 1,
      calledAt: now,
      startedAt: null,
    });
    await appendEvent(m, {
      ticketId,
      officeId: t.officeId,
      type: TicketEventType.CALLED,
      at: now,
      counterId,
      actor,
      data: { before: snapshotOf(t) },
    });
    return announceTicket(m, this.hooks, ticketId, now);
  }

  private async view(id: string) {
    const view = await this.views.ticketById(id);
    if (!view) throw new Error(`ticket ${id} vanished`);
    return view;
  }
}
