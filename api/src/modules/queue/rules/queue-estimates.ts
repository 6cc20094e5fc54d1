/**
 * From a loaded queue state to the pure rules' inputs (pure): waiting tickets as queue entries with durations, the
 * appointments expected later today, open counters with their current visitors, and the estimates and walk-in
 * predictions computed from them.
 */
import { predictWalkIn, type WalkInPrediction } from './closing-guard.js';
import {
  DEFAULT_SPREAD,
  type EstimateCounter,
  type EstimateEntry,
  estimateQueue,
  ticketDurationMs,
  type WaitEstimate,
} from './estimate.js';
import { APPOINTMENT_LEAD_MINUTES, appointmentStanding, type CounterScope, type OrderingRules } from './ordering.js';
import type { ExpectedAppointmentRow, QueueCounterInfo, QueueState, TicketRow } from './queue-model.js';
import { TicketStatus } from './ticket-model.js';

export function orderingRules(state: QueueState): OrderingRules {
  return { priorityMinutes: state.office.priorityMinutes, appointmentLeadMinutes: APPOINTMENT_LEAD_MINUTES };
}

/** Minutes one unit of a service takes: learned, else configured. */
export function minutesPerUnit(state: QueueState, serviceId: string): number {
  return state.durations.get(serviceId)?.minutes ?? state.services.get(serviceId)?.durationMinutes ?? 10;
}

function spreadOf(state: QueueState, services: readonly { serviceId: string }[]): number {
  return Math.max(
    DEFAULT_SPREAD / 4,
    ...services.map((s) => state.durations.get(s.serviceId)?.spread ?? DEFAULT_SPREAD),
  );
}

export function ticketDuration(state: QueueState, services: readonly { serviceId: string; count: number }[]): number {
  return ticketDurationMs(services, (id) => minutesPerUnit(state, id));
}

/** Services a ticket needs served (those asked for). */
export function neededServices(ticket: TicketRow): string[] {
  return ticket.services.filter((s) => s.count > 0).map((s) => s.serviceId);
}

export function toEntry(state: QueueState, ticket: TicketRow): EstimateEntry {
  const asked = ticket.services.filter((s) => s.count > 0);
  return {
    id: ticket.id,
    dueAt: ticket.dueAt.getTime(),
    arrivedAt: ticket.arrivedAt.getTime(),
    priority: ticket.priority !== null,
    serviceIds: asked.map((s) => s.serviceId),
    counterId: ticket.counterId,
    appointmentAt: appointmentStanding(
      ticket.appointmentStartsAt?.getTime() ?? null,
      ticket.dueAt.getTime(),
      state.office.checkInLateMinutes,
    ),
    durationMs: ticketDuration(state, asked),
    spread: spreadOf(state, asked),
  };
}

/** A booked appointment not checked in yet, as the simulation expects it: from its start, at the show-up rate. */
export function expectedEntry(state: QueueState, appointment: ExpectedAppointmentRow): EstimateEntry {
  const startsAt = appointment.startsAt.getTime();
  return {
    id: `expected:${appointment.id}`,
    dueAt: startsAt,
    arrivedAt: startsAt,
    priority: appointment.priority,
    serviceIds: appointment.services.map((s) => s.serviceId),
    counterId: null,
    appointmentAt: startsAt,
    durationMs: ticketDuration(state, appointment.services),
    spread: spreadOf(state, appointment.services),
    expected: { show: state.showRate },
  };
}

/** What the simulation plays: the waiting tickets and the appointments expected later today. */
export function simulatedEntries(state: QueueState): EstimateEntry[] {
  return [...waitingEntries(state), ...state.expected.map((a) => expectedEntry(state, a))];
}

/** The waiting tickets as queue entries (no expected appointments: those cannot be called yet). */
export function waitingEntries(state: QueueState): EstimateEntry[] {
  return waitingTickets(state).map((t) => toEntry(state, t));
}

export function counterScope(counter: QueueCounterInfo): CounterScope {
  return { id: counter.id, serviceIds: new Set(counter.serviceIds) };
}

/**
 * The counters the estimates count: those open now (paused ones too: a pause is short), each busy with its called
 * or served ticket, and those nobody sits at yet whose own hours start later today (from then: "counter 8 from
 * 09:00"). Before anyone opened a counter (early in the morning) all active counters are assumed.
 */
export function estimateCounters(state: QueueState): EstimateCounter[] {
  const opened = state.counters.filter((c) => c.session !== null);
  if (opened.length === 0) return state.counters.map((c) => ({ ...counterScope(c), busy: null }));
  const planned = state.counters
    .filter((c) => c.session === null && c.plannedOpensAt !== null)
    .map((c) => ({ ...counterScope(c), busy: null, opensAt: c.plannedOpensAt as number }));
  return [...opened.map((c) => openCounter(state, c)), ...planned];
}

/** A counter someone sits at, busy while it has a visitor called or served. */
function openCounter(state: QueueState, c: QueueState['counters'][number]): EstimateCounter {
  const current = state.tickets.find(
    (t) => t.counterId === c.id && (t.status === TicketStatus.CALLED || t.status === TicketStatus.SERVING),
  );
  const since = current ? (current.startedAt ?? current.calledAt) : null;
  return {
    ...counterScope(c),
    busy:
      current && since
        ? {
            since: since.getTime(),
            durationMs: ticketDuration(state, current.services),
            spread: spreadOf(state, current.services),
          }
        : null,
  };
}

export function waitingTickets(state: QueueState): TicketRow[] {
  return state.tickets.filter((t) => t.status === TicketStatus.WAITING);
}

/** Estimates for every waiting ticket of today that an open counter can serve. */
export function waitingEstimates(state: QueueState): Map<string, WaitEstimate> {
  return estimateQueue(simulatedEntries(state), estimateCounters(state), state.now, orderingRules(state), state.open);
}

/** When a new walk-in ticket for these services would be called and done if it were issued now. */
export function walkInPrediction(
  state: QueueState,
  services: readonly { serviceId: string; count: number }[],
  priority: boolean,
): WalkInPrediction | null {
  return predictWalkIn(
    simulatedEntries(state),
    estimateCounters(state),
    state.now,
    orderingRules(state),
    state.open,
    state.office.closingBufferMinutes,
    {
      priority,
      serviceIds: services.map((s) => s.serviceId),
      durationMs: ticketDuration(state, services),
      spread: spreadOf(state, services),
    },
  );
}
