/**
 * The hostile inputs of the hardening issue, sent to a running api: NUL characters and lone surrogates in string
 * arguments, malformed JSON, oversized bodies, queries and odd strings over the WebSocket, and 90 MB WebSocket
 * frames. Counts what came back; it judges nothing itself (the table shows INTERNAL and 5xx answers, which must be 0).
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { demoDevices, demoLogins } from '../src/db/seed/demo-data.js';
import type { ApiProcess } from '../test/crash-kit.js';

export type Tally = { sent: number; status5xx: number; internal: number; answers: Map<string, number> };

const tally = (): Tally => ({ sent: 0, status5xx: 0, internal: 0, answers: new Map() });

function count(t: Tally, status: number | string, body: string) {
  t.sent += 1;
  if (typeof status === 'number' && status >= 500) t.status5xx += 1;
  if (body.includes('INTERNAL_SERVER_ERROR')) t.internal += 1;
  const code = body.match(/"code":"([A-Z_]+)"/)?.[1];
  const key = `${status}${code ? ` ${code}` : ''}`;
  t.answers.set(key, (t.answers.get(key) ?? 0) + 1);
}

const NUL = '\u0000';
const SURROGATE = '\ud800';
const kiosk = demoDevices.find((d) => d.kind === 'KIOSK')?.token as string;
const display = demoDevices.find((d) => d.kind === 'DISPLAY')?.token as string;

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(20_000),
    });
    return { status: res.status as number | string, text: await res.text(), res };
  } catch (err) {
    return { status: `no answer (${(err as Error).name})`, text: '', res: undefined };
  }
}

/** String arguments with NUL and lone surrogates, in every role's operations. */
async function badStrings(url: string): Promise<Tally> {
  const t = tally();
  const signIn = async (username: string) => {
    const login = demoLogins.find((l) => l.username === username) as { username: string; password: string };
    const r = await post(
      url,
      JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
        variables: { u: login.username, p: login.password },
      }),
    );
    return r.res?.headers.get('set-cookie')?.split(';')[0] ?? '';
  };
  const infoDesk = await signIn('info');
  const admin = await signIn('admin');
  const { office } = JSON.parse(
    (await post(url, JSON.stringify({ query: '{ office(slug: "buergercentrum") { id services { id name } } }' }))).text,
  ).data as { office: { id: string; services: { id: string; name: string }[] } };
  const service = (prefix: string) => office.services.find((x) => x.name.startsWith(prefix))?.id;
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const free = JSON.parse(
    (
      await post(
        url,
        JSON.stringify({
          query: `query($o: ID!, $s: [ServiceChoiceInput!]!, $f: String!, $t: String!) {
            availability(officeId: $o, services: $s, from: $f, to: $t) { ... on Availability { days { starts } } } }`,
          variables: { o: office.id, s: [{ serviceId: service('Personalausweis'), count: 1 }], f: from, t: to },
        }),
      )
    ).text,
  ).data.availability.days.flatMap((d: { starts: string[] }) => d.starts) as string[];
  for (const [n, bad] of [NUL, SURROGATE, `a${NUL}b`, `x${SURROGATE}y`].entries()) {
    const cases: [string, Record<string, unknown>, Record<string, string>][] = [
      ['query($s: String!) { office(slug: $s) { id } }', { s: bad }, {}],
      [
        'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename } }',
        {
          i: {
            officeId: office.id,
            services: [{ serviceId: service('Personalausweis'), count: 1 }],
            start: free[n * 7],
            name: `Erika${bad}`,
            email: `hostile${n}@example.de`,
            language: 'de',
            privacyConsent: true,
          },
        },
        {},
      ],
      ['mutation($u: String!) { login(username: $u, password: "x") { __typename } }', { u: `info${bad}` }, {}],
      ['query($t: String!) { appointmentByToken(token: $t) { __typename } }', { t: bad }, {}],
      [
        'mutation($i: WalkInTicketInput!) { issueWalkInTicket(input: $i) { __typename } }',
        { i: { requestId: bad, services: [{ serviceId: service('Meldebescheinigung'), count: 1 }] } },
        { authorization: `Bearer ${kiosk}` },
      ],
      ['mutation($c: String!) { checkIn(code: $c) { __typename } }', { c: bad }, { authorization: `Bearer ${kiosk}` }],
      [
        'mutation($o: ID!, $n: String) { setOfficeNotice(officeId: $o, notice: $n) }',
        { o: office.id, n: `Hinweis ${bad}` },
        { cookie: infoDesk },
      ],
      ['query($o: ID!) { queueCounters(officeId: $o) { id } }', { o: bad }, { cookie: infoDesk }],
      [
        'mutation($a: ID!, $b: ID!) { a: revokeDevice(deviceId: $a) { __typename } b: revokeDevice(deviceId: $b) { __typename } }',
        { a: bad, b: bad },
        { cookie: admin },
      ],
    ];
    for (const [query, variables, headers] of cases) {
      const r = await post(url, JSON.stringify({ query, variables }), headers);
      count(t, r.status, r.text);
    }
  }
  return t;
}

async function malformedJson(url: string): Promise<Tally> {
  const t = tally();
  for (const body of [
    '{',
    '{"query": ',
    'nonsense',
    '{"query": "{ offices { slug } }"',
    '[1,2',
    '{"query": 5}',
    '\u0000',
  ]) {
    const r = await post(url, body);
    count(t, r.status, r.text);
  }
  return t;
}

async function oversized(url: string): Promise<Tally> {
  const t = tally();
  for (const bytes of [150 * 1024, 1024 * 1024, 10 * 1024 * 1024]) {
    const r = await post(url, JSON.stringify({ query: `{ offices { slug } } #${'x'.repeat(bytes)}` }));
    count(t, r.status, r.text);
  }
  return t;
}

/** Queries and mutations over the socket, and NUL / lone surrogates in subscription arguments. */
async function overTheSocket(url: string): Promise<Tally> {
  const t = tally();
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${display}` },
  });
  const once = (query: string, variables: Record<string, unknown> = {}) =>
    new Promise<void>((resolve) => {
      const stop = client.subscribe(
        { query, variables },
        {
          next: (v) => {
            count(t, 'ws', JSON.stringify(v));
            stop();
            resolve();
          },
          error: (e) => {
            count(t, 'ws', JSON.stringify(e));
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
  for (const bad of [NUL, SURROGATE]) {
    await once('subscription($t: String!) { trackedTicket(token: $t) { __typename } }', { t: bad });
    await once('subscription($o: ID!) { callBoard(officeId: $o) { officeName } }', { o: bad });
  }
  await once('{ offices { slug } }');
  await once('mutation { logout }');
  await client.dispose();
  return t;
}

/**
 * Four sockets, each starting one 90 MB message, streamed in 1 MB pieces with backpressure (mask key 0, so the bytes
 * go as they are); stops when the server closes. Returns the close codes and the bytes the server took.
 */
function hugeFrame(url: string, bytes: number): Promise<{ closeCode: number | null; sentBytes: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let sentBytes = 0;
    let closeCode: number | null = null;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ closeCode, sentBytes });
    };
    socket.setTimeout(60_000, done);
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () =>
      socket.write(
        `GET /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
          'Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
      ),
    );
    let upgraded = false;
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (sentBytes < bytes && !socket.destroyed) {
        sentBytes += piece.length;
        if (!socket.write(piece)) return socket.once('drain', pump);
      }
    };
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (!upgraded) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!received.subarray(0, end).toString().startsWith('HTTP/1.1 101')) return done();
        upgraded = true;
        received = received.subarray(end + 4);
        const header = Buffer.alloc(14);
        header[0] = 0x81;
        header[1] = 0x80 | 127;
        header.writeBigUInt64BE(BigInt(bytes), 2); // mask key 0 in bytes 10–13
        socket.write(header);
        pump();
      }
      if (received.length >= 4 && received[0] === 0x88) {
        closeCode = received.readUInt16BE(2);
        done();
      }
    });
  });
}

export async function hostileInputs(api: ApiProcess) {
  const before = api.memory();
  const tallies = {
    'NUL / lone surrogate in string arguments': await badStrings(api.url),
    'malformed JSON bodies': await malformedJson(api.url),
    'oversized bodies (150 KB, 1 MB, 10 MB)': await oversized(api.url),
    'WebSocket: queries, NUL / surrogate variables': await overTheSocket(api.url),
  };
  const beforeFrames = api.memory();
  const frames = await Promise.all([1, 2, 3, 4].map(() => hugeFrame(api.url, 90 * 1024 * 1024)));
  const after = api.memory();
  return { tallies, frames, before, beforeFrames, after };
}
