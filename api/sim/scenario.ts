/**
 * A scenario of the day simulator: one office's day as data (scenarios/*.json), and the seeded visitors of one such
 * day. Times in the files are office wall times "HH:MM" on a fixed day; the simulator counts in epoch ms.
 */
import { readFileSync } from 'node:fs';
import { prng } from '../src/modules/queue/rules/estimate.js';
import { MINUTE } from '../src/modules/queue/rules/ordering.js';

export type ScenarioService = {
  id: string;
  /** The duration the office configured (the booking grid and the product's first guess). */
  configuredMinutes: number;
  /** The true median service time and its log-normal spread (σ of log minutes). */
  medianMinutes: number;
  spread: number;
  /** Shares of walk-ins and of appointments that come for this service (each sums to 1 over the services). */
  walkInShare: number;
  appointmentShare: number;
};

export type Scenario = {
  name: string;
  description: string;
  /** Opening intervals, e.g. [["07:30", "12:30"], ["13:30", "15:30"]]. */
  hours: [string, string][];
  closingBufferMinutes: number;
  checkInLateMinutes: number;
  priorityMinutes: number;
  services: ScenarioService[];
  /** Counters with the services they handle ("*": all) and when someone sits there. */
  counters: { id: string; services: string[] | '*'; from: string; to: string }[];
  walkIns: {
    /** Visitors waiting at the door before opening: they draw their tickets when the office opens. */
    atDoor: { count: number; from: string; to: string };
    /** Poisson arrivals per hour in each span. */
    perHour: [string, string, number][];
    /** Share with biometrics captured beforehand (priority). */
    priorityShare: number;
  };
  appointments: {
    /** Booked starts: every `everyMinutes` in each span, `perStart` appointments each (fractions: sometimes one more). */
    spans: [string, string][];
    everyMinutes: number;
    perStart: number;
    noShowShare: number;
    /** Of those who come: how many are early (up to `earlyMaxMinutes`), late (up to `lateMaxMinutes`), else on time. */
    earlyShare: number;
    earlyMaxMinutes: number;
    lateShare: number;
    lateMaxMinutes: number;
    /** Share with biometrics captured beforehand. */
    priorityShare: number;
  };
};

/** A visitor of one simulated day. */
export type Visitor = {
  id: string;
  kind: 'walkIn' | 'appointment';
  /** When the visitor is in the building (walk-ins at the door: when they came, before opening). */
  arrivesAt: number;
  /** An appointment's booked start. */
  startsAt: number | null;
  /** An appointment whose visitor does not come at all. */
  noShow: boolean;
  priority: boolean;
  serviceId: string;
  /** How long serving this visitor really takes. */
  serviceMs: number;
};

/** The simulated day's midnight (a Monday); the office's wall times are read as UTC to keep the arithmetic plain. */
export const DAY = Date.parse('2027-03-01T00:00:00Z');

export function at(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) throw new Error(`bad time ${hhmm}`);
  return DAY + (h * 60 + m) * MINUTE;
}

export function loadScenario(file: string): Scenario {
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  for (const key of ['name', 'hours', 'services', 'counters', 'walkIns', 'appointments'] as const)
    if (!(key in scenario)) throw new Error(`${file}: "${key}" is missing`);
  const shares = (pick: (s: ScenarioService) => number) => scenario.services.reduce((sum, s) => sum + pick(s), 0);
  for (const [what, sum] of [
    ['walkInShare', shares((s) => s.walkInShare)],
    ['appointmentShare', shares((s) => s.appointmentShare)],
  ] as const)
    if (Math.abs(sum - 1) > 1e-6) throw new Error(`${file}: the services' ${what} add up to ${sum}, not 1`);
  return scenario;
}

/** Random numbers for one day: uniform, standard normal, exponential, and a pick by shares. */
export function randomness(seed: number) {
  const uniform = prng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const between = (lo: number, hi: number) => lo + (hi - lo) * uniform();
  const exponential = (mean: number) => -Math.log(1 - uniform()) * mean;
  function pick<T>(items: readonly T[], share: (item: T) => number): T {
    let r = uniform();
    for (const item of items) {
      r -= share(item);
      if (r < 0) return item;
    }
    return items[items.length - 1] as T;
  }
  return { uniform, normal, between, exponential, pick };
}

/** A service time drawn from the service's true distribution (log-normal around its median). */
export function serviceTime(service: ScenarioService, normal: () => number): number {
  return service.medianMinutes * Math.exp(service.spread * normal()) * MINUTE;
}

/** The visitors of one seeded day, sorted by arrival (no-shows last: they never arrive). */
export function visitorsOf(scenario: Scenario, seed: number): Visitor[] {
  const r = randomness(seed);
  const visitors: Visitor[] = [];
  const add = (v: Omit<Visitor, 'id' | 'serviceMs' | 'serviceId'>, mix: 'walkInShare' | 'appointmentShare') => {
    const service = r.pick(scenario.services, (s) => s[mix]);
    visitors.push({
      ...v,
      id: `${v.kind === 'walkIn' ? 'w' : 'a'}${visitors.length}`,
      serviceId: service.id,
      serviceMs: serviceTime(service, r.normal),
    });
  };
  const w = scenario.walkIns;
  for (let i = 0; i < w.atDoor.count; i++)
    add(walkIn(r.between(at(w.atDoor.from), at(w.atDoor.to)), r.uniform() < w.priorityShare), 'walkInShare');
  for (const [from, to, perHour] of w.perHour) {
    for (let t = at(from); perHour > 0; ) {
      t += r.exponential(60 / perHour) * MINUTE;
      if (t >= at(to)) break;
      add(walkIn(t, r.uniform() < w.priorityShare), 'walkInShare');
    }
  }
  const a = scenario.appointments;
  for (const [from, to] of a.spans) {
    for (let start = at(from); start < at(to); start += a.everyMinutes * MINUTE) {
      const count = Math.floor(a.perStart) + (r.uniform() < a.perStart % 1 ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const noShow = r.uniform() < a.noShowShare;
        const u = r.uniform();
        const offset =
          u < a.earlyShare
            ? -r.between(5, a.earlyMaxMinutes)
            : u < a.earlyShare + a.lateShare
              ? r.between(0, a.lateMaxMinutes)
              : -r.between(0, 5);
        add(
          {
            kind: 'appointment',
            arrivesAt: start + offset * MINUTE,
            startsAt: start,
            noShow,
            priority: r.uniform() < a.priorityShare,
          },
          'appointmentShare',
        );
      }
    }
  }
  return visitors.sort((x, y) => Number(x.noShow) - Number(y.noShow) || x.arrivesAt - y.arrivesAt);
}

function walkIn(arrivesAt: number, priority: boolean): Omit<Visitor, 'id' | 'serviceMs' | 'serviceId'> {
  return { kind: 'walkIn', arrivesAt, startsAt: null, noShow: false, priority };
}
