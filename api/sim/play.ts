/**
 * Plays one seeded office day under a policy, in steps of five seconds: visitors arrive (walk-ins ask for a ticket,
 * appointment visitors check in, or ask as walk-ins when later than the late window), free counters call, visitors
 * are served for their true service time. What it measures is what the office and its visitors feel.
 */
import { LEARNED_SAMPLES, type OpenInterval } from '../src/modules/queue/rules/estimate.js';
import { intervalAt } from '../src/modules/queue/rules/office-day.js';
import { appointmentDueAt, MINUTE } from '../src/modules/queue/rules/ordering.js';
import { shownRange } from '../src/modules/stats/estimate-calibration.js';
import { learner, type Office, type Policy, type SimCounter, standingOf, type Ticket } from './policies.js';
import { at, randomness, type Scenario, serviceTime, type Visitor, visitorsOf } from './scenario.js';

const STEP = 5_000;

export type DayResult = {
  /** Minutes from the start (or the check-in, when later) to the call, per appointment visitor who came in time. */
  appointmentWaits: number[];
  /** Minutes from the ticket to the call, per walk-in. */
  walkInWaits: number[];
  walkInsServed: number;
  walkInsRefused: number;
  /** Counter minutes spent serving outside the opening hours (after an interval's end). */
  minutesPastClosing: number;
  /** Per ticket with an estimate at issue: call − expected, minutes. */
  estimateErrors: number[];
  /** Of those with a range: how many were called inside the range shown at issue. */
  insideRange: { inside: number; of: number };
  /** Every ticket called: whose, when issued and called, and the call time told at issue (null: none told). */
  calls: { visitorId: string; issuedAt: number; calledAt: number; toldAt: number | null }[];
};

/** For replays (sim/floor.ts): the day's visitors with other service times, and whether to tell estimates at all. */
export type PlayOptions = { visitors?: Visitor[]; estimates?: boolean };

/** Overlap of [from, to) with the closed time after the opening intervals' ends (lunch breaks, after closing). */
function outsideHours(from: number, to: number, open: readonly OpenInterval[]): number {
  let inside = 0;
  for (const i of open) inside += Math.max(0, Math.min(to, i.end) - Math.max(from, i.start));
  return to - from - inside;
}

export function playDay(scenario: Scenario, seed: number, policy: Policy, options: PlayOptions = {}): DayResult {
  const open: OpenInterval[] = scenario.hours.map(([from, to]) => ({ start: at(from), end: at(to) }));
  const firstOpen = open[0]?.start ?? 0;
  const closesAt = open[open.length - 1]?.end ?? 0;
  const visitors = options.visitors ?? visitorsOf(scenario, seed);

  // The office's history: as many past visitors per service as the api learns from, drawn from the true distributions.
  const past = randomness(seed ^ 0x5eed);
  const history = new Map(
    scenario.services.map((s) => [
      s.id,
      Array.from({ length: LEARNED_SAMPLES }, () => serviceTime(s, past.normal) / MINUTE),
    ]),
  );
  const allSamples = [...history.values()].flat();
  const averageMinutes = allSamples.reduce((a, b) => a + b, 0) / allSamples.length;
  const learn = learner(scenario, history);

  const counters: SimCounter[] = scenario.counters.map((c) => ({
    id: c.id,
    serviceIds: new Set(c.services === '*' ? scenario.services.map((s) => s.id) : c.services),
    from: at(c.from),
    to: at(c.to),
    current: null,
  }));
  const pending = visitors.filter((v) => !v.noShow);
  const handled = new Set<string>();
  const waiting: Ticket[] = [];
  const done: Ticket[] = [];
  const office: Office = {
    scenario,
    open,
    closesAt,
    counters,
    waiting,
    booked: () => visitors.filter((v) => v.kind === 'appointment' && !handled.has(v.id)),
    learned: learn.learned,
    showRate: 1 - scenario.appointments.noShowShare,
    averageMinutes,
  };
  const result: DayResult = {
    appointmentWaits: [],
    walkInWaits: [],
    walkInsServed: 0,
    walkInsRefused: 0,
    minutesPastClosing: 0,
    estimateErrors: [],
    insideRange: { inside: 0, of: 0 },
    calls: [],
  };

  let issued = 0;
  const issue = (visitor: Visitor, now: number, appointment: boolean) => {
    const startsAt = appointment ? (visitor.startsAt as number) : null;
    const dueAt = startsAt === null ? now : appointmentDueAt(startsAt, now);
    const ticket: Ticket = {
      id: `t${String(issued++).padStart(5, '0')}`,
      visitor,
      issuedAt: now,
      dueAt,
      appointmentAt: standingOf(office, startsAt, dueAt),
      told: null,
      calledAt: null,
      finishAt: null,
    };
    waiting.push(ticket);
    ticket.told = options.estimates === false ? null : policy.estimate(office, ticket, now);
  };

  /** Whether counter `c` may call at `now`: inside its hours while the office is open, or finishing the queue of an interval that just ended. */
  const calls = (c: SimCounter, now: number, ticket: Ticket) => {
    if (now < c.from) return false;
    if (intervalAt(open, now)) return now < c.to;
    const ended = [...open].reverse().find((i) => i.end <= now);
    return ended !== undefined && c.to >= ended.end && c.from < ended.end && ticket.issuedAt < ended.end;
  };

  let next = 0;
  for (let now = Math.min(firstOpen, visitors[0]?.arrivesAt ?? firstOpen); ; now += STEP) {
    // Finishes.
    for (const c of counters) {
      const current = c.current;
      if (current && (current.finishAt as number) <= now) {
        learn.finished(current.visitor.serviceId, current.visitor.serviceMs / MINUTE);
        done.push(current);
        c.current = null;
      }
    }
    // Arrivals: people wait at the door while the office is closed and come in when it opens.
    const isOpen = intervalAt(open, now) !== null;
    while (isOpen && next < pending.length && (pending[next] as Visitor).arrivesAt <= now) {
      const visitor = pending[next++] as Visitor;
      handled.add(visitor.id);
      const inTime =
        visitor.kind === 'appointment' && now <= (visitor.startsAt as number) + scenario.checkInLateMinutes * MINUTE;
      if (inTime) issue(visitor, now, true);
      else if (policy.admitsWalkIn(office, visitor, now)) issue(visitor, now, false);
      else if (visitor.kind === 'walkIn') result.walkInsRefused += 1;
    }
    // Calls.
    for (const c of counters) {
      if (c.current) continue;
      const ticket = policy.next(office, c, now);
      if (!ticket || !calls(c, now, ticket)) continue;
      waiting.splice(waiting.indexOf(ticket), 1);
      ticket.calledAt = now;
      ticket.finishAt = now + ticket.visitor.serviceMs;
      c.current = ticket;
    }
    const idle = counters.every((c) => !c.current);
    if (now > closesAt && idle && (waiting.length === 0 || next >= pending.length)) {
      if (waiting.length > 0) throw new Error(`${policy.name}: ${waiting.length} tickets never called`);
      break;
    }
    if (now > closesAt + 12 * 60 * MINUTE) throw new Error(`${policy.name}: the day does not end`);
  }

  for (const t of done) {
    const calledAt = t.calledAt as number;
    result.calls.push({ visitorId: t.visitor.id, issuedAt: t.issuedAt, calledAt, toldAt: t.told?.expectedAt ?? null });
    result.minutesPastClosing += outsideHours(calledAt, t.finishAt as number, open) / MINUTE;
    if (t.appointmentAt !== null) {
      result.appointmentWaits.push(Math.max(0, calledAt - Math.max(t.appointmentAt, t.issuedAt)) / MINUTE);
    } else if (t.visitor.kind === 'walkIn') {
      result.walkInWaits.push((calledAt - t.issuedAt) / MINUTE);
      result.walkInsServed += 1;
    }
    if (t.told) {
      result.estimateErrors.push((calledAt - t.told.expectedAt) / MINUTE);
      if (t.told.earliestAt !== null && t.told.latestAt !== null) {
        const shown = shownRange(
          { expectedCallAt: t.told.expectedAt, earliestCallAt: t.told.earliestAt, latestCallAt: t.told.latestAt },
          t.issuedAt,
        );
        result.insideRange.of += 1;
        if (calledAt >= shown.from && calledAt <= shown.to) result.insideRange.inside += 1;
      }
    }
  }
  return result;
}
