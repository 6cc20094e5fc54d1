/**
 * What staff do with a ticket: recall, start, finish, no-show, park, reactivate, transfer, cancel, priority, undo.
 * Each action is one transaction on the locked ticket: the client's version must be the current one (else nothing
 * changes and the client gets the current ticket), the status must allow it (transitions.ts), and a ticket at a
 * counter can only be handled by the clerk who holds that counter. Every change appends a ticket_event with the state
 * before it, which is what undo restores.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isUuid } from '../../shared/ids.js';
import type { QueueHooks } from './queue.service.js';
import type { QueueViewService } from './queue-view.service.js';
import type { ActionOutcome, TicketView } from './rules/queue-outcomes.js';
import { TicketAction, TicketEventType, TicketPriority, TicketStatus } from './rules/ticket-model.js';
import { isAllowed, isAtCounter, isUndoable, recallOutcome } from './rules/transitions.js';
import { checkServiceChoices, type ServiceChoice } from './rules/walk-in-input.js';
import { loadQueueState } from './store/queue-state.store.js';
import {
  activeTicketAt,
  appendEvent,
  lockTicket,
  replaceTicketServices,
  sessionOfActor,
  snapshotOf,
  type TicketPatch,
  type TicketRecord,
  type TicketSnapshot,
  ticketIdByToken,
  ticketServices,
  updateTicket,
} from './store/ticket.store.js';
import { announceTicket } from './store/ticket-followers.store.js';

export type ActionRequest = {
  ticketId: string;
  version: number;
  action: Exclude<TicketAction, TicketAction.CALL>;
  /** FINISH: the services done (empty: as asked); TRANSFER: the services the visitor needs now (empty: unchanged). */
  services?: ServiceChoice[];
  /** TRANSFER: only this counter may call the ticket. */
  counterId?: string | null;
  /** SET_PRIORITY: the new priority (null removes it) and, for STAFF, why. */
  priority?: TicketPriority | null;
  priorityNote?: string | null;
};

/** Actions that, on a ticket at a counter, need the acting clerk to hold that counter. */
const atCounterActions = new Set<TicketAction>([
  TicketAction.RECALL,
  TicketAction.START,
  TicketAction.FINISH,
  TicketAction.NO_SHOW,
  TicketAction.PARK,
  TicketAction.TRANSFER,
  TicketAction.UNDO,
]);

/** Applies a patch and appends its event; `servicesBefore` when the services change too (for undo). */
type Change = (
  type: TicketEventType,
  patch: TicketPatch,
  data?: Record<string, unknown>,
  servicesBefore?: ServiceChoice[],
) => Promise<Inner>;

export type LeaveOutcome =
  | { kind: 'ok'; ticket: TicketView }
  | { kind: 'notFound' }
  | { kind: 'notAllowed'; status: TicketStatus };

const holderMayLeave = new Set([TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.PARKED]);

type Inner =
  | { kind: 'done' }
  | { kind: 'stale' }
  | { kind: 'busy'; ticketId: string }
  | Exclude<ActionOutcome, { kind: 'ok' | 'stale' | 'counterBusy' }>;

export class TicketActionService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    private readonly views: QueueViewService,
    private readonly hooks: QueueHooks,
  ) {}

  async act(actor: Actor, req: ActionRequest): Promise<ActionOutcome> {
    if (!isUuid(req.ticketId)) return { kind: 'notFound' };
    let followUps = false;
    const inner = await this.ds.transaction(async (m): Promise<Inner> => {
      const t = await lockTicket(m, req.ticketId);
      if (!t) return { kind: 'notFound' };
      if (!(await worksIn(m, actor, t.officeId))) return { kind: 'officeNotAllowed' };
      if (t.version !== req.version) return { kind: 'stale' };
      if (req.action !== TicketAction.UNDO && !isAllowed(req.action, t.status))
        return { kind: 'notAllowed', status: t.status, action: req.action };
      if (isAtCounter(t.status) && atCounterActions.has(req.action) && !(await sessionOfActor(m, t.counterId, actor)))
        return { kind: 'counterNotOpen', counterId: t.counterId };
      const done = await this.apply(m, actor, t, req);
      if (done.kind === 'done') followUps = await announceTicket(m, this.hooks, t.id, this.now());
      return done;
    });
    if (followUps) this.hooks.afterCommit();
    switch (inner.kind) {
      case 'done':
        return { kind: 'ok', ticket: await this.view(req.ticketId) };
      case 'stale':
        return { kind: 'stale', ticket: await this.view(req.ticketId) };
      case 'busy':
        return { kind: 'counterBusy', ticket: await this.view(inner.ticketId) };
      default:
        return inner;
    }
  }

  /**
   * The holder of the tracking link gives up their place (waiting, called or parked). Asking again once it is
   * cancelled changes nothing and answers the same; a ticket already served or missed cannot be cancelled.
   */
  async leave(token: string): Promise<LeaveOutcome> {
    const id = await ticketIdByToken(this.ds.manager, token.trim());
    if (!id) return { kind: 'notFound' };
    let followUps = false;
    const inner = await this.ds.transaction(async (m): Promise<LeaveOutcome | null> => {
      const t = await lockTicket(m, id);
      if (!t) return { kind: 'notFound' };
      if (t.status === TicketStatus.CANCELLED) return null;
      if (!holderMayLeave.has(t.status)) return { kind: 'notAllowed', status: t.status };
      const now = this.now();
      await updateTicket(m, t.id, { status: TicketStatus.CANCELLED, endedAt: now });
      await appendEvent(m, {
        ticketId: t.id,
        officeId: t.officeId,
        type: TicketEventType.CANCELLED,
        at: now,
        counterId: t.counterId,
        actor: null,
        data: { byHolder: true, before: snapshotOf(t) },
      });
      followUps = await announceTicket(m, this.hooks, t.id, now);
      return null;
    });
    if (followUps) this.hooks.afterCommit();
    return inner ?? { kind: 'ok', ticket: await this.view(id) };
  }

  private async apply(m: EntityManager, actor: Actor, t: TicketRecord, req: ActionRequest): Promise<Inner> {
    const now = this.now();
    const change: Change = async (type, patch, data = {}, servicesBefore) => {
      await updateTicket(m, t.id, patch);
      await appendEvent(m, {
        ticketId: t.id,
        officeId: t.officeId,
        type,
        at: now,
        counterId: patch.counterId !== undefined ? patch.counterId : t.counterId,
        actor,
        data: { ...data, before: snapshotOf(t, servicesBefore) },
      });
      return { kind: 'done' };
    };
    switch (req.action) {
      case TicketAction.RECALL: {
        const office = await this.maxCalls(m, t.officeId);
        return recallOutcome(t.callCount, office) === 'RECALL'
          ? change(TicketEventType.RECALLED, { callCount: t.callCount + 1, calledAt: now })
          : change(
              TicketEventType.NO_SHOW,
              { status: TicketStatus.NO_SHOW, endedAt: now },
              { afterCalls: t.callCount },
            );
      }
      case TicketAction.START:
        return change(TicketEventType.SERVING_STARTED, { status: TicketStatus.SERVING, startedAt: now });
      case TicketAction.FINISH: {
        const problems = await this.recordDone(m, t, req.services ?? []);
        if (problems.length > 0) return { kind: 'invalid', problems };
        return change(TicketEventType.FINISHED, { status: TicketStatus.DONE, endedAt: now });
      }
      case TicketAction.NO_SHOW:
        return change(TicketEventType.NO_SHOW, { status: TicketStatus.NO_SHOW, endedAt: now });
      case TicketAction.PARK:
        return change(TicketEventType.PARKED, { status: TicketStatus.PARKED, callCount: 0 });
      case TicketAction.REACTIVATE:
        // A parked visitor keeps their place; one who missed the call or had left queues again from now.
        return change(TicketEventType.REACTIVATED, {
          status: TicketStatus.WAITING,
          counterId: null,
          callCount: 0,
          endedAt: null,
          dueAt: t.status === TicketStatus.PARKED ? t.dueAt : now,
        });
      case TicketAction.TRANSFER:
        return this.transfer(m, t, req, change);
      case TicketAction.CANCEL:
        return change(TicketEventType.CANCELLED, { status: TicketStatus.CANCELLED, endedAt: now });
      case TicketAction.SET_PRIORITY: {
        const note = req.priorityNote?.trim() || null;
        if (req.priority === TicketPriority.STAFF && !note)
          return {
            kind: 'invalid',
            problems: [{ field: 'priorityNote', code: 'REQUIRED', message: 'Say why the visitor gets priority.' }],
          };
        await updateTicket(m, t.id, {
          priority: req.priority ?? null,
          priorityNote: req.priority === TicketPriority.STAFF ? note : null,
        });
        // The note stays out of the event log: it may be personal (and the log is kept for statistics).
        await appendEvent(m, {
          ticketId: t.id,
          officeId: t.officeId,
          type: TicketEventType.PRIORITY_SET,
          at: now,
          counterId: t.counterId,
          actor,
          data: { priority: req.priority ?? null, before: { priority: t.priority } },
        });
        return { kind: 'done' };
      }
      case TicketAction.UNDO:
        return this.undo(m, actor, t);
    }
  }

  private async transfer(m: EntityManager, t: TicketRecord, req: ActionRequest, change: Change): Promise<Inner> {
    const state = await loadQueueState(m, t.officeId, this.now());
    if (!state) return { kind: 'notFound' };
    const current = await ticketServices(m, t.id);
    const wanted = req.services && req.services.length > 0 ? req.services : null;
    const target = req.counterId ? state.counters.find((c) => c.id === req.counterId) : null;
    const problems: FieldProblem[] = [];
    if (!wanted && !req.counterId)
      problems.push({ field: 'services', code: 'REQUIRED', message: 'Give new services, a counter, or both.' });
    if (wanted) problems.push(...checkServiceChoices(wanted, state.services, state.counters, { walkIn: false }));
    if (req.counterId && !target)
      problems.push({ field: 'counterId', code: 'UNKNOWN_COUNTER', message: 'There is no such counter here.' });
    const needed = (wanted ?? current).filter((s) => s.count > 0);
    if (problems.length === 0 && target && !needed.every((s) => target.serviceIds.includes(s.serviceId)))
      problems.push({
        field: 'counterId',
        code: 'NOT_HANDLED_HERE',
        message: 'This counter does not handle all of the services.',
      });
    if (problems.length > 0) return { kind: 'invalid', problems };
    if (wanted) await replaceTicketServices(m, t.id, wanted);
    return change(
      TicketEventType.TRANSFERRED,
      { status: TicketStatus.WAITING, counterId: target?.id ?? null, callCount: 0, calledAt: null, startedAt: null },
      { to: { counterId: target?.id ?? null, services: wanted } },
      current,
    );
  }

  /** Takes back the ticket's last change, if it is one that can be undone (transitions.ts: isUndoable). */
  private async undo(m: EntityManager, actor: Actor, t: TicketRecord): Promise<Inner> {
    const [last]: { id: string; type: TicketEventType; data: { before?: TicketSnapshot } | null }[] = await m.query(
      'SELECT id, type, data FROM ticket_event WHERE "ticketId" = $1 ORDER BY id DESC LIMIT 1',
      [t.id],
    );
    const before = last?.data?.before;
    if (!last || !isUndoable(last.type) || !before)
      return { kind: 'notAllowed', status: t.status, action: TicketAction.UNDO };
    if (isAtCounter(before.status)) {
      // Back to a counter: the acting clerk must hold it, and it must not be busy with someone else meanwhile.
      if (!(await sessionOfActor(m, before.counterId, actor, true)))
        return { kind: 'counterNotOpen', counterId: before.counterId };
      const busy = before.counterId ? await activeTicketAt(m, before.counterId, t.id) : null;
      if (busy) return { kind: 'busy', ticketId: busy };
    }
    const current = before.services ? await ticketServices(m, t.id) : undefined;
    if (before.services) await replaceTicketServices(m, t.id, before.services);
    const date = (s: string | null) => (s ? new Date(s) : null);
    await updateTicket(m, t.id, {
      status: before.status,
      counterId: before.counterId,
      callCount: before.callCount,
      calledAt: date(before.calledAt),
      startedAt: date(before.startedAt),
      endedAt: date(before.endedAt),
      dueAt: new Date(before.dueAt),
    });
    await appendEvent(m, {
      ticketId: t.id,
      officeId: t.officeId,
      type: TicketEventType.UNDONE,
      at: this.now(),
      counterId: before.counterId,
      actor,
      data: { undoneEventId: last.id, undoneType: last.type, before: snapshotOf(t, current) },
    });
    return { kind: 'done' };
  }

  /**
   * Records what was done: the given services and counts (a service not asked for is added with count 0), the
   * others asked for as not done; with no list, everything asked for as done.
   */
  private async recordDone(m: EntityManager, t: TicketRecord, done: ServiceChoice[]): Promise<FieldProblem[]> {
    if (done.length === 0) {
      await m.query('UPDATE ticket_service SET "doneCount" = count WHERE "ticketId" = $1', [t.id]);
      return [];
    }
    const known: { id: string }[] = await m.query(
      'SELECT id FROM service WHERE "officeId" = $1 AND id = ANY($2::uuid[])',
      [t.officeId, done.map((d) => d.serviceId).filter(isUuid)],
    );
    const ids = new Set(known.map((k) => k.id));
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    done.forEach((d, i) => {
      if (!ids.has(d.serviceId))
        problems.push({ field: `services.${i}`, code: 'UNKNOWN_SERVICE', message: 'There is no such service here.' });
      else if (!Number.isInteger(d.count) || d.count < 0 || d.count > 99)
        problems.push({ field: `services.${i}.count`, code: 'COUNT_OUT_OF_RANGE', message: 'Give 0 to 99.' });
      else if (seen.has(d.serviceId))
        problems.push({ field: `services.${i}`, code: 'DUPLICATE', message: 'This service is listed twice.' });
      seen.add(d.serviceId);
    });
    if (problems.length > 0) return problems;
    await m.query('UPDATE ticket_service SET "doneCount" = 0 WHERE "ticketId" = $1', [t.id]);
    await m.query(
      `INSERT INTO ticket_service ("ticketId", "serviceId", count, "doneCount")
       SELECT $1, s.id, 0, s.done FROM unnest($2::uuid[], $3::int[]) AS s(id, done)
       ON CONFLICT ("ticketId", "serviceId") DO UPDATE SET "doneCount" = EXCLUDED."doneCount"`,
      [t.id, done.map((d) => d.serviceId), done.map((d) => d.count)],
    );
    return [];
  }

  private async maxCalls(m: EntityManager, officeId: string): Promise<number> {
    const [row]: { maxCalls: number }[] = await m.query('SELECT "maxCalls" FROM office WHERE id = $1', [officeId]);
    return row?.maxCalls ?? 3;
  }

  private async view(id: string) {
    const view = await this.views.ticketById(id);
    if (!view) throw new Error(`ticket ${id} vanished`);
    return view;
  }
}
