import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/shared/role.js';
import { follow, GqlClient, take } from './gql-client.js';
import { local } from './queue-helpers.js';
import { createTestApp, memoryLog, type TestApp, TestClock } from './test-app.js';

const SERVER_TIME = 'subscription { serverTime }';
const TRACK = 'subscription($t: String!) { trackedTicket(token: $t) { __typename } }';
const closedWith = (errors: unknown[]) => (errors[0] as { code?: number } | undefined)?.code;

/**
 * Opens a WebSocket by hand and sends only the header of one text frame that announces `declaredBytes` (and a few
 * bytes of it), as a hostile client starting a huge message would. Resolves with the close code the server sends,
 * or null when it sends none within `ms`.
 */
function announceHugeFrame(baseUrl: string, declaredBytes: number, ms = 3_000): Promise<number | null> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let upgraded = false;
    const done = (code: number | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => done(null), ms);
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
    socket.on('connect', () =>
      socket.write(
        [
          'GET /graphql HTTP/1.1',
          `Host: ${hostname}:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Protocol: graphql-transport-ws',
          '',
          '',
        ].join('\r\n'),
      ),
    );
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (!upgraded) {
        const end = received.indexOf('\r\n\r\n');
        if (end < 0) return;
        if (!received.subarray(0, end).toString().startsWith('HTTP/1.1 101')) return done(null);
        upgraded = true;
        received = received.subarray(end + 4);
        const header = Buffer.alloc(14);
        header[0] = 0x81; // final fragment, text
        header[1] = 0x80 | 127; // masked, 64-bit length follows
        header.writeBigUInt64BE(BigInt(declaredBytes), 2);
        randomBytes(4).copy(header, 10); // masking key
        socket.write(Buffer.concat([header, Buffer.alloc(1024, 0x20)]));
      }
      // The server's close frame: 0x88, length, then the 2-byte close code.
      if (received.length >= 4 && received[0] === 0x88) done(received.readUInt16BE(2));
    });
  });
}

describe('subscriptions over graphql-ws on /graphql', () => {
  let t: TestApp;
  const logged = memoryLog('error');
  beforeAll(async () => {
    t = await createTestApp({ log: logged.log });
  });
  afterAll(() => t?.close());

  it('a display device subscribes with its token in connectionParams', async () => {
    const socket = t.display().socket();
    const { values, errors } = await take<{ serverTime: string }>(socket, SERVER_TIME, 2);
    await socket.dispose();
    expect(errors).toBeUndefined();
    expect(values).toHaveLength(2);
    expect(Date.parse(values[0]?.serverTime ?? '')).toBeGreaterThan(0);
  });

  it('a signed-in clerk subscribes with the session cookie of the upgrade request', async () => {
    const clerk = await t.clerk();
    const socket = clerk.socket({ origin: t.baseUrl });
    const { values, errors } = await take(socket, SERVER_TIME, 1);
    await socket.dispose();
    expect(errors).toBeUndefined();
    expect(values).toHaveLength(1);
  });

  it('ignores the cookie when the socket is opened from another site', async () => {
    const clerk = await t.clerk();
    const socket = clerk.socket({ origin: 'https://evil.example' });
    const { values, errors } = await take(socket, SERVER_TIME, 1);
    await socket.dispose();
    expect(values).toEqual([]);
    expect(JSON.stringify(errors)).toContain('UNAUTHENTICATED');
  });

  it('refuses anonymous subscribers with a typed error', async () => {
    const socket = t.anonymous().socket();
    const { values, errors } = await take(socket, SERVER_TIME, 1);
    await socket.dispose();
    expect(values).toEqual([]);
    expect(JSON.stringify(errors)).toContain('UNAUTHENTICATED');
  });

  it('closes the connection for an unknown device token', async () => {
    const forged = t.anonymous();
    forged.bearer = 'bcd_forged';
    const socket = forged.socket();
    const { errors } = await take(socket, SERVER_TIME, 1);
    await socket.dispose();
    expect((errors as { code?: number }).code).toBe(4403);
  });

  it('refuses a message larger than 64 KB from its frame header, before its body arrives', async () => {
    // 90 MB announced, a kilobyte sent: the server closes with 1009 (message too big) without waiting for the rest.
    expect(await announceHugeFrame(t.baseUrl, 90 * 1024 * 1024)).toBe(1009);
    expect(await announceHugeFrame(t.baseUrl, 64 * 1024 + 1)).toBe(1009);
    // Nothing else suffered: a new socket subscribes as before.
    const socket = t.display().socket();
    const { values } = await take(socket, SERVER_TIME, 1);
    await socket.dispose();
    expect(values).toHaveLength(1);
  });

  it('carries subscriptions only: queries and mutations are refused and change nothing', async () => {
    const admin = await t.admin();
    const socket = admin.socket({ origin: t.baseUrl });
    const query = await take(socket, '{ offices { slug } }', 1);
    expect(query.values).toEqual([]);
    expect(query.errors).toMatchObject([{ extensions: { code: 'BAD_REQUEST' } }]);
    expect(JSON.stringify(query.errors)).toContain('POST /graphql');
    const create = await take(
      socket,
      'mutation { createStaffAccount(input: { username: "ueber-ws", displayName: "Über WS", roles: [ADMIN], officeIds: [] }) { __typename } }',
      1,
    );
    await socket.dispose();
    expect(create.values).toEqual([]);
    expect(create.errors).toMatchObject([{ extensions: { code: 'BAD_REQUEST' } }]);
    expect(await t.sql(`SELECT id FROM staff_user WHERE username = 'ueber-ws'`)).toEqual([]);
    expect(await t.sql(`SELECT id FROM audit_event WHERE operation = 'createStaffAccount'`)).toEqual([]);
  });

  it('a portal key limited to 5 requests a minute gets no more over the socket', async () => {
    const key = await t.app.services.credentials.createApiKey('Portal mit Grenze', 5);
    const portal = new GqlClient(t.baseUrl, key.key);
    const socket = portal.socket();
    const answers = await Promise.all(Array.from({ length: 30 }, () => take(socket, '{ offices { slug } }', 1)));
    await socket.dispose();
    expect(answers.filter((a) => a.values.length > 0)).toHaveLength(0);
    // The socket took none of the key's five requests either.
    for (let i = 0; i < 5; i++) expect((await portal.request('{ offices { slug } }')).errors).toBeUndefined();
    expect((await portal.request('{ offices { slug } }')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('refuses text PostgreSQL cannot store in subscription variables as BAD_USER_INPUT', async () => {
    const socket = t.anonymous().socket();
    for (const token of ['abc\u0000def', '\ud800']) {
      const tracked = follow(socket, TRACK, { t: token });
      await expect.poll(() => tracked.errors.length).toBe(1);
      expect(tracked.values).toEqual([]);
      expect(tracked.errors[0]).toMatchObject([{ extensions: { code: 'BAD_USER_INPUT' } }]);
      expect(JSON.stringify(tracked.errors)).toContain('$t');
      expect(JSON.stringify(tracked.errors)).not.toMatch(/\\u0000|\\ud800/);
    }
    await socket.dispose();
  });

  it('answers an unexpected error in a subscription generically, with a correlation id that is in the log', async () => {
    const socket = t.anonymous().socket();
    await t.sql('ALTER TABLE ticket_tracking RENAME TO ticket_tracking_away');
    let tracked: ReturnType<typeof follow>;
    try {
      tracked = follow(socket, TRACK, { t: 'some-token' });
      await expect.poll(() => tracked.errors.length).toBe(1);
    } finally {
      await t.sql('ALTER TABLE ticket_tracking_away RENAME TO ticket_tracking');
    }
    await socket.dispose();
    const [error] = tracked.errors[0] as { message: string; extensions?: Record<string, unknown> }[];
    expect(error?.message).toBe('Something went wrong on our side. Please try again.');
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(tracked.errors)).not.toMatch(/ticket_tracking|does not exist|at \S+ \(/);
    const correlationId = String(error?.extensions?.correlationId);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    const line = logged.lines.find((l) => l.correlationId === correlationId);
    expect(line?.msg).toBe('unexpected error');
    expect(JSON.stringify(line?.err)).toMatch(/ticket_tracking/);
  });

  it('closes a staff socket when its session expires, without waiting for the periodic check (60 s)', async () => {
    const clerk = await t.clerk();
    // The clerk's sessions end 1.5 s from now, as a 12-hour one does after 12 hours.
    await t.sql(
      `UPDATE staff_session SET "expiresAt" = $1 WHERE "staffUserId" = (SELECT id FROM staff_user WHERE username = 'schalter')`,
      [new Date(t.clock.now().getTime() + 1_500)],
    );
    const socket = clerk.socket({ origin: t.baseUrl });
    const ticks = follow(socket, SERVER_TIME);
    await ticks.until(() => true);
    await expect.poll(() => closedWith(ticks.errors), { timeout: 4_000 }).toBe(4403);
    await socket.dispose();
  });

  it('applies the same query limits as HTTP', async () => {
    const socket = t.display().socket();
    const aliases = `subscription { ${Array.from({ length: 20 }, (_, i) => `a${i}: serverTime`).join(' ')} }`;
    const { errors } = await take(socket, aliases, 1);
    await socket.dispose();
    expect(JSON.stringify(errors)).toMatch(/alias/i);
  });
});

describe('a revocation closes the open sockets holding it at once, in every api process', () => {
  // Two api processes on one database, with the periodic check at its default (60 s): within the few seconds these
  // tests wait, only the revocation notice (LISTEN/NOTIFY) can close a socket.
  let a: TestApp;
  let b: TestApp;
  const soon = { timeout: 3_000 };
  // Monday 1 March 2027, 08:00 in Pforzheim: the office is open for walk-ins.
  const clock = new TestClock(local('2027-03-01T08:00'));
  beforeAll(async () => {
    a = await createTestApp({ clock });
    b = await createTestApp({ clock, sharing: { database: a.database } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A socket on process b that holds one long-running subscription. */
  const open = (client: GqlClient, query = SERVER_TIME, variables: Record<string, unknown> = {}) => {
    const b2 = new GqlClient(b.baseUrl, client.bearer);
    b2.cookie = client.cookie;
    const socket = b2.socket({ origin: b.baseUrl });
    return { socket, updates: follow(socket, query, variables) };
  };
  const signIn = async (username: string, password: string) => {
    const client = new GqlClient(a.baseUrl);
    const res = await client.ok<{ login: { __typename: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      { u: username, p: password },
    );
    expect(res.login.__typename).toBe('LoginSuccess');
    return client;
  };

  it('a portal key revoked on one process: its socket on the other closes, an anonymous one stays', async () => {
    const key = await a.app.services.credentials.createApiKey('Serviceportal Widerruf');
    const office = (await a.anonymous().ok('{ office(slug: "buergercentrum") { services { id name } } }')).office;
    const issued = await a
      .kiosk()
      .ok(
        `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) { ... on IssuedTicket { trackingToken } } }`,
        {
          input: {
            requestId: `revoke-${Date.now()}`,
            services: [
              { serviceId: office.services.find((s: { name: string }) => s.name.startsWith('Melde')).id, count: 1 },
            ],
          },
        },
      );
    const track = 'subscription($t: String!) { trackedTicket(token: $t) { __typename } }';
    const variables = { t: issued.issueWalkInTicket.trackingToken };
    const portal = open(new GqlClient(a.baseUrl, key.key), track, variables);
    const phone = open(a.anonymous(), track, variables);
    await portal.updates.until(() => true);
    await phone.updates.until(() => true);
    const admin = await a.admin();
    await admin.ok('mutation($id: ID!) { revokePortalApiKey(id: $id) { __typename } }', { id: key.id });
    await expect.poll(() => closedWith(portal.updates.errors), soon).toBe(4403);
    expect(phone.updates.errors).toEqual([]);
    await Promise.all([portal.socket.dispose(), phone.socket.dispose()]);
  });

  it('a revoked display loses its socket on the other process', async () => {
    const device = await a.app.services.credentials.createDevice({
      officeSlug: 'buergercentrum',
      kind: Role.DISPLAY,
      name: 'Anzeige Widerruf',
    });
    const display = open(new GqlClient(a.baseUrl, device.token));
    await display.updates.until(() => true);
    const admin = await a.admin();
    await admin.ok('mutation($id: ID!) { revokeDevice(deviceId: $id) { __typename } }', { id: device.id });
    await expect.poll(() => closedWith(display.updates.errors), soon).toBe(4403);
    await display.socket.dispose();
  });

  it('a staff member who changes the password keeps this session’s socket; the other session’s closes', async () => {
    const here = await signIn('info', 'Demo-Info-2026');
    const elsewhere = await signIn('info', 'Demo-Info-2026');
    const mine = open(here);
    const other = open(elsewhere);
    await mine.updates.until(() => true);
    await other.updates.until(() => true);
    const changed = await here.ok(
      'mutation($c: String!, $n: String!) { changeOwnPassword(currentPassword: $c, newPassword: $n) { __typename } }',
      { c: 'Demo-Info-2026', n: 'Ganz anderes Kennwort 2026' },
    );
    expect(changed.changeOwnPassword.__typename).toBe('PasswordSet');
    await expect.poll(() => closedWith(other.updates.errors), soon).toBe(4403);
    expect(mine.updates.errors).toEqual([]);
    await Promise.all([mine.socket.dispose(), other.socket.dispose()]);
  });

  it('a clerk who signs out, and then one who is deactivated, lose their sockets on the other process', async () => {
    const clerk = await a.clerk();
    const signedOut = open(clerk);
    await signedOut.updates.until(() => true);
    await clerk.ok('mutation { logout }');
    await expect.poll(() => closedWith(signedOut.updates.errors), soon).toBe(4403);
    await signedOut.socket.dispose();

    const again = open(await a.clerk());
    await again.updates.until(() => true);
    const admin = await a.admin();
    const [account] = await a.sql<{ id: string }>(`SELECT id FROM staff_user WHERE username = 'schalter'`);
    await admin.ok('mutation($id: ID!) { deactivateStaffAccount(id: $id) { __typename } }', { id: account?.id });
    await expect.poll(() => closedWith(again.updates.errors), soon).toBe(4403);
    await again.socket.dispose();
    await admin.ok('mutation($id: ID!) { reactivateStaffAccount(id: $id) { __typename } }', { id: account?.id });
  });
});

describe('the periodic check stays as the safety net', () => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp({ clock, env: { LIVE_RECHECK_SECONDS: '1' } });
  });
  afterAll(() => t?.close());

  it('a session found expired at the check (the clock was set past it) ends its socket within the interval', async () => {
    const clerk = await t.clerk();
    const socket = clerk.socket({ origin: t.baseUrl });
    const ticks = follow(socket, SERVER_TIME);
    await ticks.until(() => true);
    clock.advance(13 * 3600_000); // past the 12-hour session
    await expect.poll(() => closedWith(ticks.errors), { timeout: 5_000 }).toBe(4403);
    await socket.dispose();
  });
});
