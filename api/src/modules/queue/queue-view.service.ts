/**
 * What the screens read: a ticket by its tracking token, the office's tickets today, a counter's workstation, the
 * counters, and which services take walk-ins. Estimates are computed on every read from the current state.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import { isUuid } from '../../shared/ids.js';
import type { AppointmentView } from '../booking/appointment-view.js';
import type { BookingService } from '../booking/booking.service.js';
import { walkInDecision } from './rules/closing-guard.js';
import type { WaitEstimate } from './rules/estimate.js';
import { intervalAt } from './rules/office-day.js';
import { callOrder } from './rules/ordering.js';
import {
  counterScope,
  orderingRules,
  waitingEntries,
  waitingEstimates,
  walkInPrediction,
} from './rules/queue-estimates.js';
import type { OfficeQueueSettings, QueueCounterInfo, QueueState, TicketRow } from './rules/queue-model.js';
import type { CounterView, TicketView, WalkInServiceView, WalkInStatusView } from './rules/queue-outcomes.js';
import { TicketStatus, type WalkInOverride, WalkInRefusal } from './rules/ticket-model.js';
import { loadOfficeSettings, loadQueueState, loadTicketRow } from './store/queue-state.store.js';
import { ticketIdByToken } from './store/ticket.store.js';

const MINUTE = 60_000;

export function ticketView(
  row: TicketRow,
  office: Pick<OfficeQueueSettings, 'name' | 'notice' | 'maxCalls'>,
  estimate: WaitEstimate | null,
  now: number,
): TicketView {
  const until = row.status === TicketStatus.WAITING ? now : (row.calledAt?.getTime() ?? row.endedAt?.getTime() ?? now);
  return {
    ...row,
    estimate,
    officeName: office.name,
    officeNotice: office.notice,
    maxCalls: office.maxCalls,
    waitedMinutes: Math.max(0, Math.floor((until - row.arrivedAt.getTime()) / MINUTE)),
  };
}

export class QueueViewService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    private readonly booking: Pick<BookingService, 'findView'>,
  ) {}

  /** The office's queue state today, read in one consistent snapshot. */
  state(officeId: string): Promise<QueueState | null> {
    return this.ds.transaction('REPEATABLE READ', (m) => loadQueueState(m, officeId, this.now()));
  }

  /** One ticket as the screens show it, with its estimate when it is waiting today. */
  async ticketById(id: string, m: EntityManager = this.ds.manager): Promise<TicketView | null> {
    const row = await loadTicketRow(m, id);
    if (!row) return null;
    if (row.status === TicketStatus.WAITING) {
      const state = await this.state(row.officeId);
      if (state && state.today === row.serviceDay) {
        const fresh = state.tickets.find((t) => t.id === id) ?? row;
        return ticketView(fresh, state.office, waitingEstimates(state).get(id) ?? null, state.now);
      }
    }
    const office = await loadOfficeSettings(m, row.officeId);
    return ticketView(row, office ?? { name: '', notice: null, maxCalls: 3 }, null, this.now().getTime());
  }

  /** An appointment ticket's appointment with its documents and uploads (staff only); null once deleted. */
  appointment(id: string): Promise<AppointmentView | null> {
    return this.booking.findView(id);
  }

  /** Which ticket of which office a tracking link names; null for an unknown token. */
  async trackedRef(token: string): Promise<{ id: string; officeId: string } | null> {
    const id = await ticketIdByToken(this.ds.manager, token.trim());
    const [row]: { id: string; officeId: string }[] = id
      ? await this.ds.query('SELECT id, "officeId" FROM ticket WHERE id = $1', [id])
      : [];
    return row ?? null;
  }

  /** The ticket behind a tracking link (public: the type shown has no personal data). */
  async tracked(token: string): Promise<TicketView | null> {
    const id = await ticketIdByToken(this.ds.manager, token.trim());
    return id ? this.ticketById(id) : null;
  }

  async ticket(actor: Actor, id: string): Promise<TicketView | null | 'forbidden'> {
    const view = await this.ticketById(id);
    if (!view) return null;
    return (await worksIn(this.ds.manager, actor, view.officeId)) ? view : 'forbidden';
  }

  /** Today's tickets of an office, in order of arrival; waiting ones with estimates. */
  async officeTickets(
    actor: Actor,
    officeId: string,
    statuses: TicketStatus[] | null,
  ): Promise<TicketView[] | 'forbidden' | 'notFound'> {
    if (!isUuid(officeId)) return 'notFound';
    if (!(await worksIn(this.ds.manager, actor, officeId))) return 'forbidden';
    const state = await this.state(officeId);
    if (!state) return 'notFound';
    const estimates = waitingEstimates(state);
    return state.tickets
      .filter((t) => !statuses || statuses.length === 0 || statuses.includes(t.status))
      .map((t) => ticketView(t, state.office, estimates.get(t.id) ?? null, state.now));
  }

  /** The office's active counters with their sessions and current tickets. */
  async counters(actor: Actor, officeId: string): Promise<CounterView[] | 'forbidden' | 'notFound'> {
    if (!isUuid(officeId)) return 'notFound';
    if (!(await worksIn(this.ds.manager, actor, officeId))) return 'forbidden';
    const state = await this.state(officeId);
    if (!state) return 'notFound';
    return state.counters.map((c) => this.counterView(state, c, actor));
  }

  /** One counter's view, from a loaded state. */
  counterView(state: QueueState, counter: QueueCounterInfo, actor: Actor): CounterView {
    const current = state.tickets.find(
      (t) => t.counterId === counter.id && (t.status === TicketStatus.CALLED || t.status === TicketStatus.SERVING),
    );
    const scope = counterScope(counter);
    const waiting = callOrder(waitingEntries(state), scope, state.now, orderingRules(state)).length;
    return {
      id: counter.id,
      officeId: state.office.id,
      label: counter.label,
      services: counter.serviceIds
        .map((id) => state.services.get(id))
        .filter((s) => s !== undefined)
        .map((s) => ({ id: s.id, name: s.name })),
      session: counter.session
        ? {
            id: counter.session.id,
            staffName: counter.session.staffName,
            mine: actor.kind === 'staff' && counter.session.staffUserId === actor.staffUserId,
            openedAt: counter.session.openedAt,
            pausedAt: counter.session.pausedAt,
          }
        : null,
      current: current ? ticketView(current, state.office, null, state.now) : null,
      waiting,
    };
  }

  /** Everything a clerk's workstation shows for one counter: the counter, its current ticket, its queue, parked ones. */
  async workstation(
    actor: Actor,
    counterId: string,
  ): Promise<
    | { counter: CounterView; waiting: TicketView[]; parked: TicketView[]; openCounters: number }
    | 'forbidden'
    | 'notFound'
  > {
    if (!isUuid(counterId)) return 'notFound';
    const [row]: { officeId: string }[] = await this.ds.query('SELECT "officeId" FROM counter WHERE id = $1', [
      counterId,
    ]);
    if (!row) return 'notFound';
    if (!(await worksIn(this.ds.manager, actor, row.officeId))) return 'forbidden';
    const state = await this.state(row.officeId);
    const counter = state?.counters.find((c) => c.id === counterId);
    if (!state || !counter) return 'notFound';
    const estimates = waitingEstimates(state);
    const byId = new Map(state.tickets.map((t) => [t.id, t]));
    const waiting = callOrder(waitingEntries(state), counterScope(counter), state.now, orderingRules(state)).map((e) =>
      ticketView(byId.get(e.id) as TicketRow, state.office, estimates.get(e.id) ?? null, state.now),
    );
    const parked = state.tickets
      .filter((t) => t.status === TicketStatus.PARKED)
      .map((t) => ticketView(t, state.office, null, state.now));
    return {
      counter: this.counterView(state, counter, actor),
      waiting,
      parked,
      openCounters: state.counters.filter((c) => c.session !== null).length,
    };
  }

  /**
   * Per walk-in service of the office: whether a ticket would be issued now, and if not why and since when. Records
   * when the closing guard starts (or stops) refusing a service, so that "since when" is the first refusal of the day.
   */
  async walkInStatus(actor: Actor, officeId: string): Promise<WalkInStatusView | 'forbidden' | 'notFound'> {
    if (!isUuid(officeId)) return 'notFound';
    if (!(await worksIn(this.ds.manager, actor, officeId))) return 'forbidden';
    const state = await this.state(officeId);
    if (!state) return 'notFound';
    return this.walkInStatusOf(state);
  }

  async walkInStatusOf(state: QueueState): Promise<WalkInStatusView> {
    const openInterval = intervalAt(state.open, state.now);
    const services: WalkInServiceView[] = [];
    for (const s of state.services.values()) {
      if (!s.active || !s.walkInAllowed) continue;
      const saved = state.walkIns.get(s.id);
      const prediction = walkInPrediction(state, [{ serviceId: s.id, count: 1 }], false);
      const input = { openInterval, prediction };
      const guard = walkInDecision({ ...input, override: null });
      const decision = walkInDecision({ ...input, override: saved?.override ?? null });
      const guardRefuses = !guard.open && guard.reason === WalkInRefusal.CLOSING_SOON;
      const since = await this.recordGuard(state, s.id, guardRefuses, saved?.guardClosedSince ?? null);
      const reason = decision.open ? null : decision.reason;
      services.push({
        serviceId: s.id,
        name: s.name,
        durationMinutes: s.durationMinutes,
        open: decision.open,
        reason,
        closedSince:
          reason === WalkInRefusal.CLOSING_SOON
            ? since
            : reason === WalkInRefusal.MANUALLY_CLOSED
              ? (saved?.overrideAt ?? null)
              : null,
        override: saved?.override ?? null,
        predictedCallAt: prediction ? new Date(prediction.callAt) : null,
        predictedFinishAt: prediction ? new Date(prediction.finishAt) : null,
      });
    }
    return {
      officeId: state.office.id,
      officeOpen: openInterval !== null,
      closesAt: openInterval ? new Date(openInterval.end) : null,
      services,
    };
  }

  /** Keeps walk_in_state.guardClosedSince in step with the guard; returns the first refusal time while it refuses. */
  async recordGuard(state: QueueState, serviceId: string, refuses: boolean, since: Date | null): Promise<Date | null> {
    if (refuses && since === null) {
      const [row]: { guardClosedSince: Date }[] = await this.ds.query(
        `INSERT INTO walk_in_state ("officeId", "serviceDay", "serviceId", "guardClosedSince") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("officeId", "serviceDay", "serviceId")
         DO UPDATE SET "guardClosedSince" = coalesce(walk_in_state."guardClosedSince", EXCLUDED."guardClosedSince")
         RETURNING "guardClosedSince"`,
        [state.office.id, state.today, serviceId, new Date(state.now)],
      );
      return row?.guardClosedSince ?? new Date(state.now);
    }
    if (!refuses && since !== null) {
      await this.ds.query(
        `UPDATE walk_in_state SET "guardClosedSince" = NULL
          WHERE "officeId" = $1 AND "serviceDay" = $2 AND "serviceId" = $3`,
        [state.office.id, state.today, serviceId],
      );
      return null;
    }
    return since;
  }

  /** The office manager opens or closes walk-ins for a service today, or hands it back to the guard (null). */
  async setOverride(
    actor: Actor,
    officeId: string,
    serviceId: string,
    override: WalkInOverride | null,
  ): Promise<WalkInServiceView | 'forbidden' | 'notFound'> {
    if (!isUuid(officeId) || !isUuid(serviceId)) return 'notFound';
    if (!(await worksIn(this.ds.manager, actor, officeId))) return 'forbidden';
    const before = await this.state(officeId);
    const service = before?.services.get(serviceId);
    if (!before || !service?.active || !service.walkInAllowed) return 'notFound';
    await this.ds.query(
      `INSERT INTO walk_in_state ("officeId", "serviceDay", "serviceId", override, "overrideBy", "overrideAt")
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ("officeId", "serviceDay", "serviceId")
       DO UPDATE SET override = EXCLUDED.override, "overrideBy" = EXCLUDED."overrideBy", "overrideAt" = EXCLUDED."overrideAt"`,
      [
        officeId,
        before.today,
        serviceId,
        override,
        actor.kind === 'staff' ? actor.staffUserId : null,
        override ? new Date(before.now) : null,
      ],
    );
    const after = await this.state(officeId);
    const status = after ? await this.walkInStatusOf(after) : null;
    const view = status?.services.find((s) => s.serviceId === serviceId);
    return view ?? 'notFound';
  }
}
