/**
 * PostgreSQL stopped and started under a running api with open subscriptions (phones following tickets, displays
 * following the call board). Measures, from PostgreSQL's start: the api ready again, the first write, and every
 * subscription delivering a change made after the restart (they are not re-subscribed by hand: graphql-ws clients
 * that reconnect by themselves, as the SPAs do). Counts the answers clients got while the database was down.
 */
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { demoDevices, demoLogins } from '../src/db/seed/demo-data.js';
import { type ApiProcess, gql, kioskToken, sleep } from '../test/crash-kit.js';

const display = demoDevices.find((d) => d.kind === 'DISPLAY')?.token as string;
const WALK_IN = `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
  __typename ... on IssuedTicket { ticketId trackingToken } } }`;
const TRACK = `subscription($t: String!) { trackedTicket(token: $t) { __typename
  ... on PublicTicket { status officeNotice estimate { peopleAhead } } } }`;
const BOARD = `subscription($o: ID!) { callBoard(officeId: $o) { notice services { name waiting } } }`;

type Subscriber = { client: Client; arrivals: number[]; reconnects: number };

function subscriber(url: string, query: string, variables: Record<string, unknown>, bearer?: string): Subscriber {
  const s: Subscriber = { client: undefined as unknown as Client, arrivals: [], reconnects: -1 };
  s.client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async () => {
      await sleep(500);
    },
    connectionParams: bearer ? { authorization: `Bearer ${bearer}` } : {},
    on: {
      connected: () => {
        s.reconnects += 1;
      },
    },
  });
  const run = () =>
    s.client.subscribe(
      { query, variables },
      {
        next: () => void s.arrivals.push(performance.now()),
        error: () => setTimeout(run, 500),
        complete: () => undefined,
      },
    );
  run();
  return s;
}

export type RestartFigures = {
  downMs: number;
  subscribers: number;
  /** From PostgreSQL's start. */
  readyMs: number;
  firstWriteMs: number;
  /** Subscribers that delivered the post-restart change, and the latest of them (from PostgreSQL's start). */
  resumed: number;
  resumedMs: number;
  reconnects: number;
  outage: { answers: number; status503: number; status5xx: number; internal: number; noAnswer: number };
};

export async function postgresRestart(
  api: ApiProcess,
  postgres: { stop: () => Promise<void>; start: () => Promise<void> },
  opts: { phones: number; displays: number; downMs: number },
): Promise<RestartFigures> {
  const headers = { authorization: `Bearer ${kioskToken}` };
  const { body } = await gql(api.url, '{ office(slug: "buergercentrum") { id services { id name } } }');
  const office = body.data?.office as { id: string; services: { id: string; name: string }[] };
  const services = [{ serviceId: office.services.find((s) => s.name.startsWith('Melde'))?.id, count: 1 }];
  const walkIn = async () => {
    const { body: b } = await gql(api.url, WALK_IN, { input: { requestId: crypto.randomUUID(), services } }, headers);
    if (b.data?.issueWalkInTicket?.__typename !== 'IssuedTicket') throw new Error(JSON.stringify(b).slice(0, 300));
    return b.data.issueWalkInTicket as { ticketId: string; trackingToken: string };
  };
  const tickets = [];
  for (let i = 0; i < opts.phones; i++) tickets.push(await walkIn());
  // The information desk, signed in before the outage, sets the notice every screen shows.
  const info = demoLogins.find((l) => l.username === 'info') as { username: string; password: string };
  const login = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      variables: { u: info.username, p: info.password },
    }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const subs = [
    ...tickets.map((t) => subscriber(api.url, TRACK, { t: t.trackingToken })),
    ...Array.from({ length: opts.displays }, () => subscriber(api.url, BOARD, { o: office.id }, display)),
  ];
  while (subs.some((s) => s.arrivals.length === 0)) await sleep(50);

  // While it is down: what do clients get? (A walk-in every 100 ms, and the readiness probe.)
  const outage = { answers: 0, status503: 0, status5xx: 0, internal: 0, noAnswer: 0 };
  let down = true;
  const probe = (async () => {
    while (down) {
      for (const request of [
        () => gql(api.url, WALK_IN, { input: { requestId: crypto.randomUUID(), services } }, headers),
        () => fetch(`${api.url}/readyz`).then((r) => ({ status: r.status, body: {} })),
      ]) {
        try {
          const r = await request();
          outage.answers += 1;
          if (r.status === 503) outage.status503 += 1;
          else if (r.status >= 500) outage.status5xx += 1;
          if (JSON.stringify(r.body).includes('INTERNAL_SERVER_ERROR')) outage.internal += 1;
        } catch {
          outage.noAnswer += 1;
        }
      }
      await sleep(100);
    }
  })();
  const stoppedAt = performance.now();
  await postgres.stop();
  await sleep(opts.downMs);
  await postgres.start();
  const startedAt = performance.now();
  down = false;
  await probe;

  let readyMs = Number.NaN;
  while (
    !(await fetch(`${api.url}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  )
    await sleep(50);
  readyMs = performance.now() - startedAt;
  let firstWriteMs = Number.NaN;
  for (;;) {
    try {
      await walkIn();
      firstWriteMs = performance.now() - startedAt;
      break;
    } catch {
      await sleep(50);
    }
  }
  // A change every subscriber sees: a new notice of the office.
  const changedAt = performance.now();
  await gql(
    api.url,
    'mutation($o: ID!, $n: String) { setOfficeNotice(officeId: $o, notice: $n) }',
    { o: office.id, n: 'Nach der Wartung wieder da.' },
    { cookie },
  );
  const deadline = changedAt + 30_000;
  const after = (s: Subscriber) => s.arrivals.find((t) => t >= changedAt);
  while (subs.some((s) => after(s) === undefined) && performance.now() < deadline) await sleep(20);
  const resumed = subs.filter((s) => after(s) !== undefined);
  const result: RestartFigures = {
    downMs: startedAt - stoppedAt,
    subscribers: subs.length,
    readyMs,
    firstWriteMs,
    resumed: resumed.length,
    resumedMs: Math.max(...resumed.map((s) => (after(s) as number) - startedAt)),
    reconnects: subs.reduce((n, s) => n + s.reconnects, 0),
    outage,
  };
  await Promise.all(subs.map((s) => s.client.dispose()));
  return result;
}
