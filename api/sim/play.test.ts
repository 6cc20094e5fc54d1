import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playDay } from './play.js';
import { productPolicy, zmsPolicy } from './policies.js';
import { loadScenario, visitorsOf } from './scenario.js';

const scenario = (name: string) =>
  loadScenario(path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios', `${name}.json`));

describe('day simulator', () => {
  it('draws the same visitors for the same seed and others for another', () => {
    const quiet = scenario('quiet-day');
    expect(visitorsOf(quiet, 7)).toEqual(visitorsOf(quiet, 7));
    expect(visitorsOf(quiet, 8)).not.toEqual(visitorsOf(quiet, 7));
  });

  it('accounts for every visitor who came: served or refused, nobody lost', () => {
    const day = scenario('normal-day');
    for (const policy of [productPolicy, zmsPolicy]) {
      const visitors = visitorsOf(day, 3);
      const result = playDay(day, 3, policy);
      const walkIns = visitors.filter((v) => v.kind === 'walkIn').length;
      expect(result.walkInsServed + result.walkInsRefused, policy.name).toBe(walkIns);
      expect(result.appointmentWaits.length, policy.name).toBeGreaterThan(0);
      expect(Math.min(...result.walkInWaits, ...result.appointmentWaits), policy.name).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the promise on an over-capacity day: appointments on time, no long day for walk-ins alone', () => {
    const monday = scenario('busy-monday');
    const product = playDay(monday, 1, productPolicy);
    const zms = playDay(monday, 1, zmsPolicy);
    const sorted = [...product.appointmentWaits].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(1);
    // Walk-ins wait far longer than appointment visitors on such a day: the order is what makes the difference.
    expect(Math.max(...product.walkInWaits)).toBeGreaterThan(30);
    expect(product.minutesPastClosing).toBeLessThan(zms.minutesPastClosing);
  });

  it('replays a day exactly when nothing changes, so the noise floor varies service times alone', () => {
    const day = scenario('normal-day');
    const original = playDay(day, 5, productPolicy);
    const replay = playDay(day, 5, productPolicy, { visitors: visitorsOf(day, 5), estimates: false });
    const callTimes = (r: typeof original) => r.calls.map((c) => [c.visitorId, c.calledAt]);
    expect(original.calls.length).toBeGreaterThan(50);
    expect(callTimes(replay)).toEqual(callTimes(original));
    expect(replay.calls.every((c) => c.toldAt === null)).toBe(true);
    // And it plays the service times it is given.
    const slower = visitorsOf(day, 5).map((v) => ({ ...v, serviceMs: v.serviceMs * 2 }));
    expect(callTimes(playDay(day, 5, productPolicy, { visitors: slower, estimates: false }))).not.toEqual(
      callTimes(original),
    );
  });
});
