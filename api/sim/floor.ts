/**
 * How well any estimate at issue could do on a scenario: its noise floor. For sampled tickets of seeded days it
 * replays the day with new service times for everyone not yet called when the ticket was issued (the same arrivals,
 * no-shows and everything before the issue), and takes the mean absolute deviation of the ticket's call time around
 * its median over the replays. An oracle that knew the true service-time distributions, every later arrival and who
 * will not come could not predict better than that median; the api's estimator knows less. The product's error on the
 * same tickets and the ZMS-style error on the same days are printed beside it. A benchmark: it asserts nothing.
 *   npm run simulate:floor                (from the repository root; all scenarios, 4 seeds × 12 tickets × 12 replays)
 *   pnpm --filter @bc/api simulate:floor -- --seeds 8 --tickets 16 --replays 16 busy-monday
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from '../src/modules/queue/rules/estimate.js';
import { MINUTE } from '../src/modules/queue/rules/ordering.js';
import { playDay } from './play.js';
import { productPolicy, zmsPolicy } from './policies.js';
import { loadScenario, randomness, type Scenario, serviceTime, visitorsOf } from './scenario.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** The floor and the two policies' errors (minutes) over the sampled tickets of the seeded days. */
export function noiseFloor(scenario: Scenario, seeds: number, tickets: number, replays: number) {
  const floor: number[] = [];
  const product: number[] = [];
  const zms: number[] = [];
  const services = new Map(scenario.services.map((s) => [s.id, s]));
  for (let seed = 1; seed <= seeds; seed++) {
    const visitors = visitorsOf(scenario, seed);
    for (const c of playDay(scenario, seed, zmsPolicy).calls)
      if (c.toldAt !== null) zms.push(Math.abs(c.calledAt - c.toldAt) / MINUTE);
    const day = playDay(scenario, seed, productPolicy);
    const calledAt = new Map(day.calls.map((c) => [c.visitorId, c.calledAt]));
    const told = day.calls.filter((c) => c.toldAt !== null);
    const step = Math.max(1, Math.floor(told.length / tickets));
    for (let i = 0; i < told.length && i / step < tickets; i += step) {
      const ticket = told[i] as (typeof told)[number];
      const calls: number[] = [];
      for (let r = 0; r < replays; r++) {
        const draw = randomness(seed * 1_000_003 + i * 1_009 + r);
        const redrawn = visitors.map((v) => {
          const before = calledAt.get(v.id);
          if (before !== undefined && before < ticket.issuedAt) return v;
          const service = services.get(v.serviceId);
          return service ? { ...v, serviceMs: serviceTime(service, draw.normal) } : v;
        });
        const replay = playDay(scenario, seed, productPolicy, { visitors: redrawn, estimates: false });
        const again = replay.calls.find((c) => c.visitorId === ticket.visitorId);
        if (again) calls.push(again.calledAt);
      }
      const median = quantile(
        [...calls].sort((a, b) => a - b),
        0.5,
      );
      floor.push(mean(calls.map((c) => Math.abs(c - median))) / MINUTE);
      product.push(Math.abs(ticket.calledAt - (ticket.toldAt as number)) / MINUTE);
    }
  }
  return { tickets: floor.length, floor: mean(floor), product: mean(product), zms: mean(zms) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(name);
    const value = at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number ≥ 1`);
    return value;
  };
  const seeds = option('--seeds', 4);
  const tickets = option('--tickets', 12);
  const replays = option('--replays', 12);
  const names = args.length ? args : ['quiet-day', 'normal-day', 'busy-monday'];
  console.log(`Estimate error at issue (minutes): ${seeds} seeds, ${tickets} tickets a day, ${replays} replays each`);
  console.log('| scenario | tickets | product | oracle floor | ZMS-style | target 0.3 × ZMS | floor ÷ ZMS |');
  console.log('|---|---|---|---|---|---|---|');
  for (const name of names) {
    const scenario = loadScenario(path.join(here, 'scenarios', `${name}.json`));
    const r = noiseFloor(scenario, seeds, tickets, replays);
    const f = (n: number) => n.toFixed(1);
    console.log(
      `| ${name} | ${r.tickets} | ${f(r.product)} | ${f(r.floor)} | ${f(r.zms)} | ${f(0.3 * r.zms)} | ${(r.floor / r.zms).toFixed(2)} |`,
    );
  }
}
