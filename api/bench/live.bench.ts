/**
 * Live benchmark: prints a table, asserts nothing about time (targets are shown next to the numbers).
 *   npm run bench:live       (from the repository root; part of npm run bench)
 * Starts a throw-away embedded PostgreSQL and the api as child processes on 127.0.0.1 only, and stops by itself.
 * 1. One api process, 5,000 tracking subscriptions (one WebSocket each, like phones): 500 waiting tickets of one
 *    office, ten followers per ticket; a clerk calls the next ticket, which changes what every follower sees
 *    (people ahead, or "go to counter 1"). Latency = arrival of that change at a subscriber − arrival of the call
 *    mutation's HTTP response at the caller; p50, p99, max over all subscribers and rounds. Memory per subscriber =
 *    growth of the api process (after GC) from no subscribers to all of them, divided by their number.
 * 2. Baseline in the same run: a bare graphql-ws server broadcasting a payload of the same size to 5,000 sockets,
 *    fired by an HTTP request; the same client code measures it. Ratio = ours / baseline.
 * 3. Two api processes on one database, 2,500 subscribers each; the clerk calls on the first process, so half the
 *    deliveries cross processes through PostgreSQL LISTEN/NOTIFY.
 * BENCH_SUBSCRIBERS=n changes the 5,000; BENCH_PROFILE=<dir> writes CPU profiles of the server processes there.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { ensureDatabase } from '../src/db/data-source.js';
import { makeThrowawayDir, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { demoLogins } from '../src/db/seed/demo-data.js';
import { createLogger } from '../src/logger.js';
import { newTrackingToken } from '../src/modules/queue/rules/queue-codes.js';
import { hashSecret } from '../src/shared/credentials.js';
import { freePort } from '../test/free-port.js';
import { percentile } from './bench-stats.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 5_000);
const TICKETS = 500;
const ROUNDS = 8;
// Monday 1 March 2027, 09:00 in Pforzheim: the office is open.
const NOW = new Date('2027-03-01T08:00:00Z');
const here = path.dirname(fileURLToPath(import.meta.url));
const log = createLogger('warn');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Child = { proc: ChildProcess; port: number; request: <T>(cmd: string) => Promise<T>; stop: () => Promise<void> };

function spawnServer(env: Record<string, string>): Promise<Child> {
  const proc = fork(path.join(here, 'live-server.ts'), [], {
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      // BENCH_PROFILE=dir: CPU profiles of the server processes, written when they stop.
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const request = <T>(cmd: string) =>
    new Promise<T>((resolve) => {
      const on = (m: Record<string, unknown>) => {
        if (cmd === 'memory' && m.memory) {
          proc.off('message', on);
          resolve(m.memory as T);
        }
      };
      proc.on('message', on);
      proc.send({ cmd });
    });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    proc.on('message', (m: { ready?: boolean; port?: number }) => {
      if (m.ready)
        resolve({
          proc,
          port: m.port as number,
          request,
          stop: () =>
            new Promise<void>((r) => {
              proc.removeAllListeners('exit');
              proc.once('exit', () => r());
              proc.send({ cmd: 'stop' });
            }),
        });
    });
  });
}

type Memory = { rss: number; heapUsed: number; external: number };

/** One WebSocket with one subscription (graphql-transport-ws), recording when each message arrives. */
type Subscriber = { ws: WebSocket; arrivals: number[]; last?: unknown };

function subscribe(port: number, query: string, variables: Record<string, unknown>): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const sub: Subscriber = { ws, arrivals: [] };
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; payload?: { errors?: unknown } };
      if (m.type === 'connection_ack')
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      else if (m.type === 'next') {
        if (m.payload?.errors) reject(new Error(JSON.stringify(m.payload.errors)));
        sub.arrivals.push(performance.now());
        sub.last = m.payload;
        if (sub.arrivals.length === 1) resolve(sub);
      } else if (m.type === 'error') reject(new Error(JSON.stringify(m.payload)));
    });
  });
}

async function subscribeAll(count: number, make: (i: number) => Promise<Subscriber>): Promise<Subscriber[]> {
  const subs: Subscriber[] = [];
  for (let i = 0; i < count; i += 200) {
    subs.push(...(await Promise.all(Array.from({ length: Math.min(200, count - i) }, (_, k) => make(i + k)))));
  }
  return subs;
}

/** Waits until no subscriber has received anything for `quietMs`. */
async function settle(subs: Subscriber[], quietMs = 400): Promise<void> {
  for (;;) {
    const last = Math.max(...subs.map((s) => s.arrivals.at(-1) ?? 0));
    if (performance.now() - last >= quietMs) return;
    await sleep(quietMs / 4);
  }
}

/** Fires one change and returns each subscriber's latency to its first message after the firing began. */
async function measure(subs: Subscriber[], fire: () => Promise<void>): Promise<{ lat: number[]; missing: number }> {
  const sent = performance.now();
  await fire();
  const answered = performance.now();
  const deadline = answered + 10_000;
  const firstAfter = (s: Subscriber) => s.arrivals.find((t) => t >= sent);
  while (subs.some((s) => firstAfter(s) === undefined) && performance.now() < deadline) await sleep(5);
  const lat: number[] = [];
  let missing = 0;
  for (const s of subs) {
    const t = firstAfter(s);
    if (t === undefined) missing += 1;
    else lat.push(Math.max(0, t - answered));
  }
  return { lat, missing };
}

const summary = (lat: number[]) => {
  const sorted = [...lat].sort((x, y) => x - y);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
};
const fmt = (n: number) => `${n.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const TRACK = `subscription($token: String!) { trackedTicket(token: $token) { __typename
  ... on PublicTicket { number status counterLabel calledAt officeNotice
    estimate { peopleAhead expectedCallAt earliestCallAt latestCallAt } } } }`;

const tmp = await makeThrowawayDir('bc-bench-live-');
const cluster = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), port: await freePort(), log });
const children: Child[] = [];
const sockets: WebSocket[] = [];
const rows: string[][] = [];
try {
  await ensureDatabase(cluster.url('postgres'), 'live');
  const apiEnv = (seed: 'demo' | 'none') => ({
    BENCH_MODE: 'api',
    BENCH_NOW: NOW.toISOString(),
    DATABASE_URL: cluster.url('live'),
    PORT: '0',
    SEED: seed,
    LOG_LEVEL: 'warn',
    SERVE_WEB: 'false',
    NODE_ENV: 'production',
    LIVE_SOCKETS_PER_ADDRESS: '100000',
    LIVE_CONNECTS_PER_MINUTE: '1000000',
  });
  const a = await spawnServer(apiEnv('demo'));
  children.push(a);

  // 500 waiting walk-in tickets of the Bürgercentrum, one tracking token each.
  const db = new pg.Pool({ connectionString: cluster.url('live'), max: 4 });
  db.on('error', () => undefined);
  const [office] = (await db.query(`SELECT id FROM office WHERE slug = 'buergercentrum'`)).rows as { id: string }[];
  const [service] = (
    await db.query(`SELECT id FROM service WHERE "officeId" = $1 AND name LIKE 'Meldebescheinigung%'`, [office?.id])
  ).rows as { id: string }[];
  const [counter] = (await db.query(`SELECT id FROM counter WHERE "officeId" = $1 AND label = '1'`, [office?.id]))
    .rows as { id: string }[];
  const ids = Array.from({ length: TICKETS }, () => randomUUID());
  const tokens = ids.map(() => newTrackingToken());
  await db.query(
    `INSERT INTO ticket (id, "officeId", "serviceDay", number, origin, status, "dueAt", "arrivedAt")
     SELECT x.id, $2, '2027-03-01', 'W' || lpad(x.n::text, 3, '0'), 'KIOSK', 'WAITING',
            $3::timestamptz + x.n * interval '5 seconds', $3::timestamptz + x.n * interval '5 seconds'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)`,
    [ids, office?.id, new Date(NOW.getTime() - 3_600_000)],
  );
  await db.query(
    `INSERT INTO ticket_service ("ticketId", "serviceId", count) SELECT id, $2, 1 FROM unnest($1::uuid[]) id`,
    [ids, service?.id],
  );
  await db.query(`INSERT INTO ticket_tracking ("tokenHash", "ticketId") SELECT * FROM unnest($1::text[], $2::uuid[])`, [
    tokens.map(hashSecret),
    ids,
  ]);

  // The clerk signs in on process a and opens counter 1.
  const staff = async (port: number) => {
    const url = `http://127.0.0.1:${port}/graphql`;
    const post = async (query: string, variables: Record<string, unknown>, cookie?: string) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return { body: body.data, cookie: res.headers.get('set-cookie')?.split(';')[0] };
    };
    const demo = demoLogins.find((l) => l.username === 'schalter');
    const login = await post(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      {
        u: demo?.username,
        p: demo?.password,
      },
    );
    const cookie = login.cookie as string;
    await post('mutation($c: ID!) { openCounter(counterId: $c) { __typename } }', { c: counter?.id }, cookie);
    let current: { id: string; version: number } | null = null;
    return {
      async call() {
        const r = await post(
          'mutation($c: ID!) { callNextTicket(counterId: $c) { __typename ... on QueueTicket { id version } } }',
          { c: counter?.id },
          cookie,
        );
        if (r.body.callNextTicket.__typename !== 'QueueTicket') throw new Error(JSON.stringify(r.body));
        current = r.body.callNextTicket;
      },
      async finish() {
        if (!current) return;
        await post(
          'mutation($id: ID!, $v: Int!) { finishTicket(ticketId: $id, version: $v) { __typename } }',
          { id: current.id, v: current.version },
          cookie,
        );
        current = null;
      },
    };
  };

  const run = async (label: string, ports: number[], count: number) => {
    const clerk = await staff(ports[0] as number);
    const before = await Promise.all(children.map((c) => c.request<Memory>('memory')));
    const subs = await subscribeAll(count, (i) =>
      subscribe(ports[i % ports.length] as number, TRACK, { token: tokens[i % TICKETS] }),
    );
    sockets.push(...subs.map((s) => s.ws));
    await settle(subs);
    const after = await Promise.all(children.map((c) => c.request<Memory>('memory')));
    const lat: number[] = [];
    let missing = 0;
    for (let r = 0; r < ROUNDS; r += 1) {
      await clerk.finish();
      await settle(subs);
      // Followers of tickets already served see no change; everyone still waiting does.
      const waiting = subs.filter((s) => JSON.stringify(s.last).includes('"status":"WAITING"'));
      const m = await measure(waiting, () => clerk.call());
      lat.push(...m.lat);
      missing += m.missing;
    }
    await clerk.finish();
    const grown = after.reduce(
      (sum, m, i) => sum + (m.heapUsed + m.external - ((before[i]?.heapUsed ?? 0) + (before[i]?.external ?? 0))),
      0,
    );
    const rss = after.reduce((sum, m, i) => sum + (m.rss - (before[i]?.rss ?? 0)), 0);
    for (const s of subs) s.ws.terminate();
    await sleep(500);
    return { label, ...summary(lat), missing, perSubscriber: grown / count, rssPerSubscriber: rss / count };
  };

  const one = await run(`api, 1 process, ${SUBSCRIBERS} subscribers`, [a.port], SUBSCRIBERS);

  // Baseline: bare graphql-ws, same payload size, same clients.
  const base = await spawnServer({ BENCH_MODE: 'baseline' });
  children.push(base);
  const payload = {
    __typename: 'PublicTicket',
    number: 'W123',
    status: 'WAITING',
    counterLabel: null,
    calledAt: null,
    officeNotice: null,
    estimate: {
      peopleAhead: 17,
      expectedCallAt: NOW.toISOString(),
      earliestCallAt: NOW.toISOString(),
      latestCallAt: NOW.toISOString(),
    },
  };
  const baseBefore = await base.request<Memory>('memory');
  const baseSubs = await subscribeAll(SUBSCRIBERS, () => subscribe(base.port, 'subscription { ticket { json } }', {}));
  await settle(baseSubs);
  const baseAfter = await base.request<Memory>('memory');
  const baseLat: number[] = [];
  let baseMissing = 0;
  for (let r = 0; r < ROUNDS; r += 1) {
    await settle(baseSubs);
    const m = await measure(baseSubs, async () => {
      payload.estimate.peopleAhead -= 1;
      await fetch(`http://127.0.0.1:${base.port}/fire`, { method: 'POST', body: JSON.stringify(payload) });
    });
    baseLat.push(...m.lat);
    baseMissing += m.missing;
  }
  for (const s of baseSubs) s.ws.terminate();
  const b = {
    label: `baseline: bare graphql-ws, ${SUBSCRIBERS} subscribers`,
    ...summary(baseLat),
    missing: baseMissing,
    perSubscriber: (baseAfter.heapUsed + baseAfter.external - baseBefore.heapUsed - baseBefore.external) / SUBSCRIBERS,
    rssPerSubscriber: (baseAfter.rss - baseBefore.rss) / SUBSCRIBERS,
  };
  await base.stop();
  children.pop();

  const second = await spawnServer(apiEnv('none'));
  children.push(second);
  const two = await run(`api, 2 processes, ${SUBSCRIBERS / 2} each`, [a.port, second.port], SUBSCRIBERS);

  for (const r of [one, b, two])
    rows.push([
      r.label,
      fmt(r.p50),
      fmt(r.p99),
      fmt(r.max),
      String(r.missing),
      kb(r.perSubscriber),
      kb(r.rssPerSubscriber),
    ]);
  const header = ['', 'p50', 'p99', 'max', 'missed', 'heap/sub', 'RSS/sub'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(
    `\nLive benchmark: ${ROUNDS} calls, each delivered to every subscriber (${TICKETS} tickets, ${SUBSCRIBERS / TICKETS} followers each)`,
  );
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(
    `\nratio to baseline (1 process): p50 ${(one.p50 / b.p50).toFixed(2)}×, p99 ${(one.p99 / b.p99).toFixed(2)}×   (target ≤ 2×)`,
  );
  console.log(`targets: p99 ≤ 250 ms; ≤ 40 KB per subscriber (heap+external growth of the api process after GC)`);
  console.log(
    `met: p99 ${one.p99 <= 250 ? 'yes' : `no (+${(one.p99 - 250).toFixed(0)} ms; the bare baseline: ${fmt(b.p99)})`}, ratio ${one.p99 / b.p99 <= 2 ? 'yes' : 'no'}, memory ${one.perSubscriber <= 40 * 1024 ? 'yes' : 'no'}; two processes p99 ${fmt(two.p99)}`,
  );
  console.log(
    '0 ms: the change reached the subscriber before the response reached the caller (NOTIFY fires at commit).',
  );
  await db.end();
} finally {
  for (const s of sockets) s.terminate();
  for (const c of children) await c.stop().catch(() => undefined);
  await cluster.stop();
  await rm(tmp, { recursive: true, force: true });
}
