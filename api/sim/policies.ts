/**
 * The two queue policies the simulator compares. `product` is the api's own pure rules, called as the api calls them
 * (ordering.ts callOrder, estimate.ts estimateQueue, closing-guard.ts predictWalkIn + walkInDecision); `zms` is a
 * ZMS-style office: a due appointment before walk-ins, walk-ins first come first served, walk-ins stopped by a fixed
 * rule 60 minutes before closing, and the ZMS wait formula (average handling time × position ÷ open counters).
 */
import { predictWalkIn, walkInDecision } from '../src/modules/queue/rules/closing-guard.js';
import {
  type EstimateCounter,
  type EstimateEntry,
  estimateQueue,
  LEARNED_SAMPLES,
  learnedDuration,
  type OpenInterval,
} from '../src/modules/queue/rules/estimate.js';
import { intervalAt } from '../src/modules/queue/rules/office-day.js';
import {
  APPOINTMENT_LEAD_MINUTES,
  appointmentStanding,
  type CounterScope,
  callOrder,
  MINUTE,
  type OrderingRules,
} from '../src/modules/queue/rules/ordering.js';
import type { Scenario, Visitor } from './scenario.js';

/** A ticket in the simulated queue. */
export type Ticket = {
  /** In issue order: tickets issued in the same moment (the crowd at the door) are called in the order they drew. */
  id: string;
  visitor: Visitor;
  issuedAt: number;
  dueAt: number;
  /** The appointment's start while the ticket holds it (as the api computes it); null for walk-ins. */
  appointmentAt: number | null;
  /** What the visitor was told at issue. */
  told: { expectedAt: number; earliestAt: number | null; latestAt: number | null } | null;
  calledAt: number | null;
  finishAt: number | null;
};

export type SimCounter = CounterScope & {
  from: number;
  to: number;
  current: Ticket | null;
};

/** What a policy sees of the office at a moment. */
export type Office = {
  scenario: Scenario;
  open: OpenInterval[];
  closesAt: number;
  counters: SimCounter[];
  waiting: Ticket[];
  /** Booked appointments not checked in yet (the office cannot know who will not come). */
  booked: () => Visitor[];
  /** Minutes per service as learned from the office's history and today's finished visitors. */
  learned: (serviceId: string) => { minutes: number; spread: number };
  /** The share of booked appointments that come, learned from history. */
  showRate: number;
  /** The average handling time over all services (ZMS's scope setting), learned from history. */
  averageMinutes: number;
};

export type Policy = {
  name: string;
  /** Whether a walk-in ticket is issued at `now`. */
  admitsWalkIn(office: Office, visitor: Visitor, now: number): boolean;
  /** What the visitor of a just-issued (waiting) ticket is told. */
  estimate(office: Office, ticket: Ticket, now: number): Ticket['told'];
  /** The ticket a free counter calls at `now`, if any. */
  next(office: Office, counter: SimCounter, now: number): Ticket | undefined;
};

/** Counters with someone at them now; before anyone is there, all of them (as the api assumes). */
export function staffed(office: Office, now: number): SimCounter[] {
  const there = office.counters.filter((c) => c.from <= now && now < c.to);
  return there.length > 0 ? there : office.counters;
}

/** Counters whose hours start later today, once someone sits at any counter (before that all count anyway). */
function planned(office: Office, now: number): SimCounter[] {
  if (!office.counters.some((c) => c.from <= now && now < c.to)) return [];
  return office.counters.filter((c) => c.from > now);
}

// --- the product ------------------------------------------------------------------------------------------------

function rulesOf(office: Office): OrderingRules {
  return { priorityMinutes: office.scenario.priorityMinutes, appointmentLeadMinutes: APPOINTMENT_LEAD_MINUTES };
}

function entryOf(office: Office, ticket: Ticket): EstimateEntry {
  const { minutes, spread } = office.learned(ticket.visitor.serviceId);
  return {
    id: ticket.id,
    dueAt: ticket.dueAt,
    arrivedAt: ticket.issuedAt,
    priority: ticket.visitor.priority,
    serviceIds: [ticket.visitor.serviceId],
    counterId: null,
    appointmentAt: ticket.appointmentAt,
    durationMs: minutes * MINUTE,
    spread,
  };
}

function expectedOf(office: Office, visitor: Visitor): EstimateEntry {
  const startsAt = visitor.startsAt as number;
  const { minutes, spread } = office.learned(visitor.serviceId);
  return {
    id: `expected:${visitor.id}`,
    dueAt: startsAt,
    arrivedAt: startsAt,
    priority: visitor.priority,
    serviceIds: [visitor.serviceId],
    counterId: null,
    appointmentAt: startsAt,
    durationMs: minutes * MINUTE,
    spread,
    expected: { show: office.showRate },
  };
}

/** The simulation's input as the api builds it (queue-estimates.ts): waiting tickets and expected appointments. */
function simulated(office: Office, now: number) {
  const late = office.scenario.checkInLateMinutes * MINUTE;
  return {
    entries: [
      ...office.waiting.map((t) => entryOf(office, t)),
      ...office
        .booked()
        .filter((v) => (v.startsAt as number) + late >= now)
        .map((v) => expectedOf(office, v)),
    ],
    counters: [
      ...staffed(office, now).map(
        (c): EstimateCounter => ({
          id: c.id,
          serviceIds: c.serviceIds,
          busy: c.current
            ? {
                since: c.current.calledAt as number,
                durationMs: office.learned(c.current.visitor.serviceId).minutes * MINUTE,
                spread: office.learned(c.current.visitor.serviceId).spread,
              }
            : null,
        }),
      ),
      // As the api counts a counter whose own hours start later today (queue-estimates.ts estimateCounters).
      ...planned(office, now).map(
        (c): EstimateCounter => ({ id: c.id, serviceIds: c.serviceIds, busy: null, opensAt: c.from }),
      ),
    ],
  };
}

export const productPolicy: Policy = {
  name: 'product',
  admitsWalkIn(office, visitor, now) {
    const { entries, counters } = simulated(office, now);
    const { minutes, spread } = office.learned(visitor.serviceId);
    const prediction = predictWalkIn(
      entries,
      counters,
      now,
      rulesOf(office),
      office.open,
      office.scenario.closingBufferMinutes,
      { priority: visitor.priority, serviceIds: [visitor.serviceId], durationMs: minutes * MINUTE, spread },
    );
    return walkInDecision({ openInterval: intervalAt(office.open, now), override: null, prediction }).open;
  },
  estimate(office, ticket, now) {
    const { entries, counters } = simulated(office, now);
    const estimate = estimateQueue(entries, counters, now, rulesOf(office), office.open).get(ticket.id);
    return estimate
      ? { expectedAt: estimate.expectedCallAt, earliestAt: estimate.earliestCallAt, latestAt: estimate.latestCallAt }
      : null;
  },
  next(office, counter, now) {
    const entries = office.waiting.map((t) => entryOf(office, t));
    const first = callOrder(entries, counter, now, rulesOf(office))[0];
    return first && office.waiting.find((t) => t.id === first.id);
  },
};

/** The appointment standing of a checked-in ticket, as the api computes it. */
export function standingOf(office: Office, startsAt: number | null, dueAt: number): number | null {
  return appointmentStanding(startsAt, dueAt, office.scenario.checkInLateMinutes);
}

// --- ZMS-style --------------------------------------------------------------------------------------------------

const ZMS_WALK_IN_STOP_MINUTES = 60;

/** ZMS's order at `now`: due appointments by start, walk-ins by arrival, then early appointments by start. */
function zmsOrder(tickets: readonly Ticket[], now: number): Ticket[] {
  const rank = (t: Ticket) => (t.appointmentAt === null ? 1 : t.appointmentAt <= now ? 0 : 2);
  return [...tickets].sort(
    (a, b) => rank(a) - rank(b) || a.dueAt - b.dueAt || a.issuedAt - b.issuedAt || (a.id < b.id ? -1 : 1),
  );
}

export const zmsPolicy: Policy = {
  name: 'ZMS-style',
  admitsWalkIn(office, _visitor, now) {
    return intervalAt(office.open, now) !== null && now < office.closesAt - ZMS_WALK_IN_STOP_MINUTES * MINUTE;
  },
  estimate(office, ticket, now) {
    const from = Math.max(now, ticket.appointmentAt ?? now);
    const position = zmsOrder(office.waiting, from).indexOf(ticket) + 1;
    const counters = staffed(office, now).length;
    return {
      expectedAt: from + ((position * office.averageMinutes) / counters) * MINUTE,
      earliestAt: null,
      latestAt: null,
    };
  },
  next(office, counter, now) {
    return zmsOrder(office.waiting, now).find((t) => counter.serviceIds.has(t.visitor.serviceId));
  },
};

/** Learned minutes per service from samples, as the api learns them (estimate.ts learnedDuration). */
export function learner(scenario: Scenario, history: Map<string, number[]>) {
  const configured = new Map(scenario.services.map((s) => [s.id, s.configuredMinutes]));
  const cache = new Map<string, { minutes: number; spread: number }>();
  return {
    learned: (serviceId: string) => {
      let value = cache.get(serviceId);
      if (!value) {
        value = learnedDuration(history.get(serviceId) ?? [], configured.get(serviceId) ?? 10);
        cache.set(serviceId, value);
      }
      return value;
    },
    /** A finished visitor's minutes join the samples (newest first, as many as the api keeps). */
    finished: (serviceId: string, minutes: number) => {
      history.set(serviceId, [minutes, ...(history.get(serviceId) ?? [])].slice(0, LEARNED_SAMPLES));
      cache.delete(serviceId);
    },
  };
}
