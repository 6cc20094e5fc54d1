/**
 * The day simulator: plays seeded office days (sim/scenarios/*.json) under the product's queue policy and a
 * ZMS-style one, and prints per scenario a table of what visitors and the office feel, with the targets next to the
 * figures. A benchmark: it asserts nothing, talks to nothing, and stops by itself.
 *   npm run simulate                      (from the repository root; all scenarios, 50 seeds)
 *   pnpm --filter @bc/api simulate -- --seeds 200 busy-monday
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { quantile } from '../src/modules/queue/rules/estimate.js';
import { type DayResult, playDay } from './play.js';
import { type Policy, productPolicy, zmsPolicy } from './policies.js';
import { loadScenario } from './scenario.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const scenarioDir = path.join(here, 'scenarios');

/** What the policy showed over all seeded days of a scenario. */
export type Summary = {
  appointmentWait: { median: number; p90: number };
  walkInWait: { median: number; p90: number };
  walkInsServed: number;
  walkInsRefused: number;
  minutesPastClosing: number;
  estimateMae: number;
  insideRange: number | null;
};

/** The estimator's nearest-rank quantile over unsorted values; 0 for none. */
const quantileOf = (values: readonly number[], q: number) =>
  values.length === 0
    ? 0
    : quantile(
        [...values].sort((a, b) => a - b),
        q,
      );
const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export function summarise(days: readonly DayResult[]): Summary {
  const all = (pick: (d: DayResult) => number[]) => days.flatMap(pick);
  const inside = days.reduce((n, d) => n + d.insideRange.inside, 0);
  const of = days.reduce((n, d) => n + d.insideRange.of, 0);
  return {
    appointmentWait: {
      median: quantileOf(
        all((d) => d.appointmentWaits),
        0.5,
      ),
      p90: quantileOf(
        all((d) => d.appointmentWaits),
        0.9,
      ),
    },
    walkInWait: {
      median: quantileOf(
        all((d) => d.walkInWaits),
        0.5,
      ),
      p90: quantileOf(
        all((d) => d.walkInWaits),
        0.9,
      ),
    },
    walkInsServed: mean(days.map((d) => d.walkInsServed)),
    walkInsRefused: mean(days.map((d) => d.walkInsRefused)),
    minutesPastClosing: mean(days.map((d) => d.minutesPastClosing)),
    estimateMae: mean(all((d) => d.estimateErrors).map(Math.abs)),
    insideRange: of > 0 ? inside / of : null,
  };
}

export function simulate(file: string, seeds: number, policy: Policy): Summary {
  const scenario = loadScenario(file);
  return summarise(Array.from({ length: seeds }, (_, seed) => playDay(scenario, seed + 1, policy)));
}

/** Targets are judged on the figures as printed (0.1 minute): 0.0 past closing meets "half of 0.0". */
const round1 = (v: number) => Math.round(v * 10) / 10;

type Row = { label: string; product: number | null; zms: number | null; target: string; ok: boolean | null };

/** The table rows with the issue's targets: appointments on time, walk-ins no fewer, less overtime, honest estimates. */
export function rows(product: Summary, zms: Summary): Row[] {
  return [
    {
      label: 'appointment wait median (min)',
      product: product.appointmentWait.median,
      zms: zms.appointmentWait.median,
      target: '≤ 1',
      ok: product.appointmentWait.median <= 1,
    },
    {
      label: 'appointment wait p90 (min)',
      product: product.appointmentWait.p90,
      zms: zms.appointmentWait.p90,
      target: '≤ 5',
      ok: product.appointmentWait.p90 <= 5,
    },
    {
      label: 'walk-in wait median (min)',
      product: product.walkInWait.median,
      zms: zms.walkInWait.median,
      target: '',
      ok: null,
    },
    { label: 'walk-in wait p90 (min)', product: product.walkInWait.p90, zms: zms.walkInWait.p90, target: '', ok: null },
    {
      label: 'walk-ins served per day',
      product: product.walkInsServed,
      zms: zms.walkInsServed,
      target: '≥ ZMS',
      ok: product.walkInsServed >= zms.walkInsServed,
    },
    {
      label: 'walk-ins refused per day',
      product: product.walkInsRefused,
      zms: zms.walkInsRefused,
      target: '',
      ok: null,
    },
    {
      label: 'minutes past closing per day',
      product: product.minutesPastClosing,
      zms: zms.minutesPastClosing,
      target: '≤ ½ ZMS',
      ok: round1(product.minutesPastClosing) <= round1(zms.minutesPastClosing / 2),
    },
    {
      label: 'estimate MAE at issue (min)',
      product: product.estimateMae,
      zms: zms.estimateMae,
      target: '≤ 0.3 × ZMS',
      ok: round1(product.estimateMae) <= round1(0.3 * zms.estimateMae),
    },
    {
      label: 'called inside the shown range',
      product: product.insideRange,
      zms: zms.insideRange,
      target: '',
      ok: null,
    },
  ];
}

function table(title: string, list: readonly Row[]): string {
  const fmt = (v: number | null, label: string) =>
    v === null ? '—' : label.includes('range') ? `${Math.round(v * 100)} %` : v.toFixed(1);
  const cells = list.map((r) => [
    r.label,
    fmt(r.product, r.label),
    fmt(r.zms, r.label),
    r.target,
    r.ok === null ? '' : r.ok ? 'yes' : 'NO',
  ]);
  const head = ['', 'product', 'ZMS-style', 'target', 'met'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) =>
    `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i] as number) : v.padStart(widths[i] as number))).join(' | ')} |`;
  return [
    `### ${title}`,
    '',
    line(head),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...cells.map(line),
  ].join('\n');
}

function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const seedsAt = args.indexOf('--seeds');
  const seeds = seedsAt >= 0 ? Number(args.splice(seedsAt, 2)[1]) : 50;
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error('--seeds needs a whole number ≥ 1');
  const names = args.length
    ? args
    : readdirSync(scenarioDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''));
  let unmet = 0;
  for (const name of names) {
    const file = path.join(scenarioDir, `${name}.json`);
    const t0 = performance.now();
    const product = simulate(file, seeds, productPolicy);
    const zms = simulate(file, seeds, zmsPolicy);
    const list = rows(product, zms);
    unmet += list.filter((r) => r.ok === false).length;
    const { description } = loadScenario(file);
    console.log(`${table(`${name} (${seeds} seeded days)`, list)}\n\n${description}`);
    console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  }
  console.log(unmet === 0 ? 'Every target met.' : `${unmet} target(s) not met.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
