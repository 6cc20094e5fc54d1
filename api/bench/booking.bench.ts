/**
 * Booking benchmark: prints a table, asserts nothing about time (targets are shown next to the numbers).
 *   npm run bench            (from the repository root)
 * Starts a throw-away embedded PostgreSQL and one api in this process, on 127.0.0.1 only, and stops by itself.
 * The measured requests come from a worker thread (http-clients.ts: node:http, keep-alive), so that client work
 * does not run on the api's event loop; it still shares the machine's cores. Latency = request sent → answer
 * received and parsed. Run with NODE_ENV=production semantics (graphql, express), as the api runs by default.
 * (a) availability for 60 days at an office with 10 counters and 2,000 booked appointments, through GraphQL;
 *     one request at a time; baseline: the smallest GraphQL query on the same server.
 * (b) 200 concurrent clients race for 50 places (5 start times × 10 counters).
 * (c) uncontended bookings per second through GraphQL, 8 requests in flight at starts one booking apart (so that
 *     they never compete for a counter), distinct addresses; 200 bookings to warm up, then 1,500 measured;
 *     baseline: such rows inserted with plain SQL over 8 connections (BEGIN, 2 INSERTs, COMMIT), in the same run.
 */
import '../src/node-env.js';
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { ensureDatabase } from '../src/db/data-source.js';
import { makeThrowawayDir, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createLogger } from '../src/logger.js';
import { newCheckInCode, newReference } from '../src/modules/booking/codes.js';
import { ClockService } from '../src/modules/clock/clock.service.js';
import { freePort } from '../test/free-port.js';
import { percentile } from './bench-stats.js';
import { HttpClients } from './http-clients.js';

// Monday 1 March 2027, 07:00 in Pforzheim: the whole horizon lies ahead, the numbers repeat from run to run.
const NOW = new Date('2027-03-01T06:00:00Z');
const loadBefore = os.loadavg()[0] ?? 0;
const log = createLogger('warn');

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

/** Runs `tasks` with at most `concurrency` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

const tmp = await makeThrowawayDir('bc-bench-');
const cluster = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), log });
const rows: [string, string, string, string][] = [];
try {
  await ensureDatabase(cluster.url('postgres'), 'bench');
  const parsed = parseConfig({
    DATABASE_URL: cluster.url('bench'),
    PORT: '0',
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    SERVE_WEB: 'false',
    BOOKING_RATE_PER_HOUR: '1000000',
    BOOKING_MAX_ACTIVE_PER_EMAIL: '1000000',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const app = await startApp(parsed.config, log, { clock: new ClockService(() => new Date(NOW)) });
  const url = `http://127.0.0.1:${app.port}/graphql`;
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const db = new pg.Pool({ connectionString: cluster.url('bench'), max: 8 });
  // An idle connection that dies emits here; a query's own failure still rejects that query.
  db.on('error', () => undefined);
  const clients = new HttpClients(url);
  /** Runs the requests from the client thread; the answers' latencies and root __typename come back. */
  const measure = async (request: { query: string; variables?: Record<string, unknown> }, n: number) => {
    const { answers } = await clients.run(
      Array.from({ length: n }, () => request),
      1,
    );
    const failed = answers.find((a) => a.errors);
    if (failed) throw new Error(failed.errors);
    return answers.map((a) => a.ms).sort((x, y) => x - y);
  };

  // The Bürgercentrum gets two more counters (10) for identity cards; every counter takes appointments all day.
  const { office } = await gql('{ office(slug: "buergercentrum") { id services { id name } } }');
  const serviceId = office.services.find((s: { name: string }) => s.name.startsWith('Personalausweis')).id;
  for (const label of ['9', '10']) {
    const [{ id }] = (
      await db.query(`INSERT INTO counter ("officeId", label) VALUES ($1, $2) RETURNING id`, [office.id, label])
    ).rows;
    await db.query(
      `INSERT INTO counter_service ("counterId", "serviceId") SELECT $1, "serviceId" FROM counter_service WHERE "counterId" = (SELECT id FROM counter WHERE "officeId" = $2 AND label = '1')`,
      [id, office.id],
    );
  }
  const counters: string[] = (
    await db.query(`SELECT id FROM counter WHERE "officeId" = $1 ORDER BY label`, [office.id])
  ).rows.map((r) => r.id);

  const AVAIL = `query($o: ID!, $s: [ServiceChoiceInput!]!, $f: String!, $t: String!) {
    availability(officeId: $o, services: $s, from: $f, to: $t) { ... on Availability { days { date starts } } } }`;
  const availabilityRequest = {
    query: AVAIL,
    variables: { o: office.id, s: [{ serviceId, count: 1 }], f: '2027-03-01', t: '2027-04-29' },
  };
  const availability = () => gql(availabilityRequest.query, availabilityRequest.variables);

  // 2,000 existing appointments: spread over the free starts of the 60 days, each on a free counter.
  const free: string[] = (await availability()).availability.days.flatMap((d: { starts: string[] }) => d.starts);
  const insertSql = async (client: pg.Pool | pg.PoolClient, counterId: string, start: Date, i: number) => {
    const end = new Date(start.getTime() + 15 * 60_000);
    const {
      rows: [a],
    } = await client.query(
      `INSERT INTO appointment ("officeId", "counterId", reference, "manageTokenHash", "checkInCode", "startsAt", "endsAt", "citizenName", email, channel, "consentAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Bench', $8, 'WEB', now()) RETURNING id`,
      [
        office.id,
        counterId,
        newReference(),
        `bench-${i}-${Math.random()}`,
        newCheckInCode(),
        start,
        end,
        `seed${i}@example.de`,
      ],
    );
    await client.query(`INSERT INTO appointment_service ("appointmentId", "serviceId", count) VALUES ($1, $2, 1)`, [
      a.id,
      serviceId,
    ]);
  };
  const step = Math.max(1, Math.floor((free.length * 3) / 2000));
  let seeded = 0;
  for (let i = 0; seeded < 2000; i += step) {
    const start = new Date(free[(i * 7) % free.length] as string);
    // Every 15 minutes is a start on the 5-minute grid; use 3 counters there so most starts stay free.
    const counter = counters[seeded % 3] as string;
    try {
      await insertSql(db, counter, start, seeded);
      seeded++;
    } catch {
      // overlap on that counter: try the next place
    }
  }

  // Mail dispatch (QR images, templates, SMTP) is deferred work of its own: paused while measuring, so the numbers
  // are the booking path's. The booking transaction still writes the outbox rows.
  await app.services.jobs.stop();

  // (a) availability latency, one request at a time
  const smallest = { query: '{ __typename }' };
  await measure(availabilityRequest, 20); // warm up
  await measure(smallest, 20);
  const availSamples = await measure(availabilityRequest, 300);
  const baseSamples = await measure(smallest, 300);
  rows.push([
    '(a) availability, 60 days, 10 counters, 2,000 booked: p50',
    ms(percentile(availSamples, 50)),
    '≤ 20 ms',
    `${(percentile(availSamples, 50) / percentile(baseSamples, 50)).toFixed(1)}× smallest query`,
  ]);
  rows.push([
    '(a) availability: p99',
    ms(percentile(availSamples, 99)),
    '≤ 60 ms',
    `${(percentile(availSamples, 99) / percentile(baseSamples, 99)).toFixed(1)}× smallest query`,
  ]);
  rows.push([
    '    baseline: smallest GraphQL query p50 / p99',
    `${ms(percentile(baseSamples, 50))} / ${ms(percentile(baseSamples, 99))}`,
    '',
    '',
  ]);

  // (b) the race: 5 start times on Thursday 25 March, 10 counters each, 200 clients.
  const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename } }`;
  const raceStarts = ['13:00', '13:15', '13:30', '13:45', '14:00'].map((t) => `2027-03-25T${t}:00.000Z`);
  await db.query(`DELETE FROM appointment WHERE "startsAt"::date = '2027-03-25'`);
  const booking = (start: string, email: string) => ({
    query: BOOK,
    variables: {
      input: {
        officeId: office.id,
        services: [{ serviceId, count: 1 }],
        start,
        name: 'Bench Citizen',
        email,
        privacyConsent: true,
      },
    },
  });
  const bookAll = async (requests: ReturnType<typeof booking>[], concurrency: number) => {
    const { answers, wallMs } = await clients.run(requests, concurrency);
    const failed = answers.find((a) => a.errors);
    if (failed) throw new Error(failed.errors);
    return [answers.map((a) => a.typename as string), wallMs] as const;
  };
  const [race, raceMs] = await bookAll(
    Array.from({ length: 200 }, (_, i) => booking(raceStarts[i % 5] as string, `race${i}@example.de`)),
    200,
  );
  const {
    rows: [{ overlaps }],
  } = await db.query(
    `SELECT count(*)::int AS overlaps FROM appointment a JOIN appointment b ON a.id < b.id AND a."counterId" = b."counterId"
      WHERE a.status = 'BOOKED' AND b.status = 'BOOKED' AND tstzrange(a."startsAt", a."endsAt") && tstzrange(b."startsAt", b."endsAt")`,
  );
  rows.push([
    '(b) 200 clients race for 50 places: booked',
    String(race.filter((r) => r === 'BookingConfirmed').length),
    '= 50',
    '',
  ]);
  rows.push(['(b) double bookings', String(overlaps), '= 0', '']);
  rows.push(['(b) attempts per second', (200 / (raceMs / 1000)).toFixed(0), '', '']);

  // (c) uncontended: starts at least one booking apart, so that requests in flight never compete for a counter.
  // The plain-SQL baseline fills the tenth counter at each of them; then the api books the other counters there,
  // start after start, in rounds: a warm-up of 200, then 1,500 measured (8 in flight).
  const spaced: string[] = [];
  for (const d of (await availability()).availability.days as { starts: string[] }[])
    for (const start of d.starts)
      if (!spaced.length || Date.parse(start) - Date.parse(spaced.at(-1) as string) >= 15 * 60_000) spaced.push(start);
  const [, sqlMs] = await timed(() =>
    pool(
      spaced.map((s, i) => async () => {
        const client = await db.connect();
        try {
          await client.query('BEGIN');
          await insertSql(client, counters[9] as string, new Date(s), 100_000 + i);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw e;
        } finally {
          client.release();
        }
      }),
      8,
    ),
  );
  const rounds = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => spaced[(from + i) % spaced.length] as string);
  await bookAll(
    rounds(200, 0).map((s, i) => booking(s, `warm${i}@example.de`)),
    8,
  );
  const [apiResults, apiMs] = await bookAll(
    rounds(1500, 200).map((s, i) => booking(s, `calm${i}@example.de`)),
    8,
  );
  const okApi = apiResults.filter((r) => r === 'BookingConfirmed').length;
  const apiRate = okApi / (apiMs / 1000);
  const sqlRate = spaced.length / (sqlMs / 1000);
  rows.push([
    '(c) uncontended bookings per second (GraphQL, 8 clients)',
    `${apiRate.toFixed(0)} (${okApi}/1500 booked)`,
    '≥ 200',
    `${(apiRate / sqlRate).toFixed(2)}× plain SQL`,
  ]);
  rows.push([
    `    baseline: plain SQL inserts per second (8 connections, ${spaced.length} rows)`,
    sqlRate.toFixed(0),
    '',
    '',
  ]);

  await clients.stop();
  await db.end();
  await app.stop();
} finally {
  await cluster.stop();
  await rm(tmp, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3].map((c) =>
  Math.max(...[['Measure', 'Result', 'Target', 'Ratio'], ...rows].map((r) => (r[c] as string).length)),
);
const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ');
console.log(
  `\nBooking benchmark (${new Date().toISOString()}, node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, ${os.availableParallelism()} cores, load average ${loadBefore.toFixed(1)} at the start)\n` +
    'api in this process, clients on a worker thread (node:http, keep-alive), mail dispatch paused;\n' +
    '(a) one request at a time, latency = sent → answer parsed; (c) 8 bookings in flight vs. plain SQL on 8 connections\n',
);
console.log(line(['Measure', 'Result', 'Target', 'Ratio']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
// Everything is stopped; agenda leaves a timer of its own per job run (a 150 s "still alive" check) that would keep
// the process waiting for nothing.
process.exit(0);
