/**
 * A simulated Monday at the Bürgercentrum (seeded, deterministic). Walk-ins queue at the door before opening and
 * keep arriving; appointments check in between 25 minutes early and 8 minutes late; counters open and close during
 * the day; nobody is called in the lunch break (12:30–13:30). Counters call in our queue order and serve for random
 * (log-normal) times whose medians differ from the configured durations.
 *
 * Every five minutes each waiting visitor gets two estimates of their call time: ours (estimateQueue with durations
 * learned from the tickets finished so far) and the ZMS formula (average handling time × position ÷ open counters,
 * QueueList::withEstimatedWaitingTime in it-at-m/eappointment) on the same queue, with the same learned data: the
 * average of all tickets finished so far, the position in the same queue order, the counters open now. The test prints
 * both mean absolute errors and requires ours to be smaller.
 */
import { describe, expect, it } from 'vitest';
import { type EstimateCounter, type EstimateEntry, estimateQueue, learnedDuration } from './estimate.js';
import { callOrder, MINUTE, orderQueue } from './ordering.js';

/** mulberry32: a small seeded PRNG, so that the day is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Service = { id: string; configured: number; trueMedian: number; share: number };
// Configured durations as in the demo catalogue; the true medians differ, as they do in real offices.
const services: Service[] = [
  { id: 'id-card', configured: 15, trueMedian: 11, share: 0.3 },
  { id: 'passport', configured: 15, trueMedian: 17, share: 0.12 },
  { id: 'registration', configured: 10, trueMedian: 8, share: 0.28 },
  { id: 'certificate', configured: 5, trueMedian: 3, share: 0.12 },
  { id: 'pickup', configured: 5, trueMedian: 2, share: 0.1 },
  { id: 'licence', configured: 15, trueMedian: 20, share: 0.08 },
];
const standard = new Set(services.filter((s) => s.id !== 'licence').map((s) => s.id));
const day = Date.parse('2027-03-01T00:00:00+01:00');
const at = (hhmm: string) => day + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * MINUTE;
const open = [
  { start: at('07:30'), end: at('12:30') },
  { start: at('13:30'), end: at('15:30') },
];
const isOpen = (t: number) => open.some((i) => i.start <= t && t < i.end);
// Four counters all day, two more only in the morning, two that also handle driving licences.
const counters = [
  ...['1', '2', '3', '4'].map((id) => ({ id, serviceIds: standard, from: at('07:30'), to: at('15:30') })),
  ...['5', '6'].map((id) => ({ id, serviceIds: standard, from: at('08:00'), to: at('12:30') })),
  ...['7', '8'].map((id) => ({
    id,
    serviceIds: new Set([...standard, 'licence']),
    from: at('07:30'),
    to: at('15:30'),
  })),
];

type Visitor = EstimateEntry & { service: Service; trueMs: number; calledAt?: number };

function simulateDay(seed: number) {
  const random = prng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const pick = () => {
    let r = random();
    for (const s of services) {
      r -= s.share;
      if (r < 0) return s;
    }
    return services[0] as Service;
  };
  const visitors: Visitor[] = [];
  const make = (id: string, arrivedAt: number, dueAt: number, priority: boolean) => {
    const service = pick();
    visitors.push({
      id,
      arrivedAt,
      dueAt,
      priority,
      serviceIds: [service.id],
      counterId: null,
      durationMs: 0,
      service,
      trueMs: service.trueMedian * Math.exp(0.4 * normal()) * MINUTE,
    });
  };
  // Walk-ins: a crowd at the door before opening, then about 24 an hour; one in ten captured biometrics beforehand.
  let w = 0;
  for (let i = 0; i < 14; i++) make(`w${w++}`, at('07:10') + random() * 20 * MINUTE, 0, random() < 0.1);
  for (const [from, to] of [
    [at('07:30'), at('12:00')],
    [at('13:30'), at('15:00')],
  ] as const) {
    for (let t = from; ; ) {
      t += (-Math.log(1 - random()) / 24) * 60 * MINUTE;
      if (t > to) break;
      make(`w${w++}`, t, 0, random() < 0.1);
    }
  }
  for (const v of visitors) v.dueAt = v.arrivedAt;
  // Appointments every five minutes; one in ten does not come.
  let a = 0;
  for (const interval of open) {
    for (let start = interval.start; start < interval.end - 20 * MINUTE; start += 5 * MINUTE) {
      if (random() < 0.1) continue;
      const checkIn = start + (random() * 33 - 25) * MINUTE;
      make(`a${a++}`, checkIn, Math.max(start, checkIn), false);
    }
  }
  visitors.sort((x, y) => x.arrivedAt - y.arrivedAt);

  const rules = { priorityMinutes: 15 };
  const samples = new Map<string, number[]>(); // minutes, newest first
  const finished: number[] = [];
  const learned = (id: string) =>
    learnedDuration(samples.get(id) ?? [], services.find((s) => s.id === id)?.configured ?? 10);
  const configuredAverage = services.reduce((sum, s) => sum + s.share * s.configured, 0);
  const state = counters.map((c) => ({ ...c, current: null as Visitor | null, busyUntil: 0 }));
  const waiting: Visitor[] = [];
  const snapshots: { visitor: Visitor; ours: number; zms: number }[] = [];
  let next = 0;
  const step = 5_000;
  for (let t = at('07:00'); next < visitors.length || waiting.length > 0; t += step) {
    while (next < visitors.length && (visitors[next] as Visitor).arrivedAt <= t)
      waiting.push(visitors[next++] as Visitor);
    for (const c of state) {
      if (c.current && c.busyUntil <= t) {
        const done = c.current;
        samples.set(done.service.id, [done.trueMs / MINUTE, ...(samples.get(done.service.id) ?? [])].slice(0, 20));
        finished.push(done.trueMs / MINUTE);
        c.current = null;
      }
      // After closing time the afternoon counters serve whoever is still waiting (the overtime the guard prevents).
      const calling = (c.from <= t && t < c.to && isOpen(t)) || (c.to === at('15:30') && t >= at('15:30'));
      if (!c.current && calling) {
        const chosen = callOrder(waiting, c, rules)[0];
        if (chosen) {
          waiting.splice(waiting.indexOf(chosen), 1);
          chosen.calledAt = t;
          c.current = chosen;
          c.busyUntil = t + chosen.trueMs;
        }
      }
    }
    if (isOpen(t) && (t - at('07:30')) % (5 * MINUTE) === 0 && waiting.length > 0) {
      for (const v of waiting) {
        const { minutes, spread } = learned(v.service.id);
        v.durationMs = minutes * MINUTE;
        v.spread = spread;
      }
      const staffed = state.filter((c) => c.from <= t && t < c.to);
      const openCounters: EstimateCounter[] = staffed.map((c) => ({
        id: c.id,
        serviceIds: c.serviceIds,
        busy: c.current
          ? {
              since: c.current.calledAt ?? t,
              durationMs: learned(c.current.service.id).minutes * MINUTE,
              spread: learned(c.current.service.id).spread,
            }
          : null,
      }));
      const ours = estimateQueue(waiting, openCounters, t, rules, open);
      const average =
        finished.length >= 3 ? finished.reduce((sum, m) => sum + m, 0) / finished.length : configuredAverage;
      const position = new Map(orderQueue(waiting, rules).map((v, i) => [v.id, i + 1]));
      for (const v of waiting) {
        const estimate = ours.get(v.id);
        if (!estimate) continue;
        snapshots.push({
          visitor: v,
          ours: estimate.expectedCallAt,
          zms: t + (((position.get(v.id) as number) * average) / staffed.length) * MINUTE,
        });
      }
    }
    if (t > at('20:00')) throw new Error('the simulated day does not end');
  }
  const mae = (pick: (s: (typeof snapshots)[number]) => number) =>
    snapshots.reduce((sum, s) => sum + Math.abs(pick(s) - (s.visitor.calledAt as number)), 0) /
    snapshots.length /
    MINUTE;
  return { visitors: visitors.length, estimates: snapshots.length, ours: mae((s) => s.ours), zms: mae((s) => s.zms) };
}

describe('wait estimates on a simulated day', () => {
  it('are closer to the real call times than the ZMS formula', () => {
    const days = [20270301, 20270302, 20270303, 20270304, 20270305].map((seed) => ({ seed, ...simulateDay(seed) }));
    console.log(
      [
        'seed      visitors  estimates  MAE ours (min)  MAE ZMS formula (min)',
        ...days.map(
          (d) =>
            `${d.seed}  ${String(d.visitors).padStart(8)}  ${String(d.estimates).padStart(9)}  ${d.ours.toFixed(1).padStart(14)}  ${d.zms.toFixed(1).padStart(21)}`,
        ),
      ].join('\n'),
    );
    for (const d of days) {
      expect(d.estimates).toBeGreaterThan(80);
      expect(d.ours).toBeLessThan(d.zms);
    }
    // Deterministic: the same seed gives the same day.
    expect(simulateDay(20270301)).toEqual(simulateDay(20270301));
  });
});
