/**
 * What hostile clients send, as regression tests: strings PostgreSQL cannot store, broken bodies, an audit write that
 * fails, control and bidi characters in names, and the headers a browser obeys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GqlClient, type GqlResponse } from './gql-client.js';
import { BOOK, local, OFFICE, type OfficeInfo, requestId, serviceId, WALK_IN } from './queue-helpers.js';
import { createTestApp, memoryLog, type TestApp, TestClock } from './test-app.js';

const clock = new TestClock(local('2027-03-01T08:00'));
const CORS_ORIGIN = 'https://termine.example.de';
const logged = memoryLog('error');
let t: TestApp;
let office: OfficeInfo;
let admin: GqlClient;

beforeAll(async () => {
  // NODE_ENV=development: Express would add stack traces to its own error pages there.
  t = await createTestApp({ clock, log: logged.log, env: { NODE_ENV: 'development', CORS_ORIGINS: CORS_ORIGIN } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  admin = await t.admin();
});
afterAll(() => t?.close());

/** Nothing in an answer may come from PostgreSQL, Node or Express. */
const INTERNALS = /UTF8|byte sequence|0x00|unsupported Unicode|ECONNREFUSED|relation "|audit_event|<html|at \S+ \(/i;

const contact = (name: string, extra: Record<string, unknown> = {}) => ({
  officeId: office.id,
  services: [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }],
  start: local('2027-03-03T10:00').toISOString(),
  name,
  email: `hostile-${Math.random().toString(36).slice(2)}@example.de`,
  language: 'de',
  privacyConsent: true,
  ...extra,
});

describe('strings PostgreSQL cannot store (NUL, lone surrogates)', () => {
  const refused = (res: { status: number; errors?: readonly { message: string; extensions?: any }[] }) => {
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toMatch(INTERNALS);
  };

  it('are refused as BAD_USER_INPUT wherever they appear, in variables or in the query text', async () => {
    const anonymous = t.anonymous();
    refused(await anonymous.request(OFFICE, { slug: 'buergercentrum\u0000' }));
    refused(await anonymous.request(OFFICE, { slug: '\ud800' }));
    refused(await anonymous.request('{ office(slug: "b\\u0000") { id } }'));
    refused(
      await anonymous.request('mutation($u: String!) { login(username: $u, password: "x") { __typename } }', {
        u: 'admin\u0000',
      }),
    );
    const nul = await anonymous.request(BOOK, { input: contact('Erika\u0000 Mustermann') });
    refused(nul);
    expect(nul.errors?.[0]?.message).toMatch(/\$input\.name/);
    refused(await anonymous.request(BOOK, { input: contact('Erika \udc00Mustermann') }));
    const desk = await t.infoDesk();
    refused(
      await desk.request(WALK_IN, {
        input: {
          officeId: office.id,
          requestId: `${requestId()}\u0000`,
          services: [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }],
        },
      }),
    );
    const manager = await t.officeManager();
    refused(
      await manager.request('mutation($o: ID!, $n: String) { setOfficeNotice(officeId: $o, notice: $n) }', {
        o: office.id,
        n: 'Heute \u0000 geschlossen',
      }),
    );
    const [row] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointment WHERE "citizenName" LIKE 'Erika%Mustermann' AND "citizenName" <> 'Erika Mustermann'`,
    );
    expect(row?.n).toBe(0);
    // Paired surrogates (emoji, rare CJK characters) are ordinary text.
    const ok = await anonymous.request(OFFICE, { slug: 'buergercentrum😀' });
    expect(ok.status).toBe(200);
    expect(ok.data).toEqual({ office: null });
  });
});

describe('the error boundary', () => {
  it('answers an unexpected error generically with a correlation id that is in the log with the cause', async () => {
    await t.sql('ALTER TABLE audit_event RENAME TO audit_event_away');
    let res: GqlResponse<Record<string, any>>;
    try {
      res = await admin.request('{ auditLog { id } }');
    } finally {
      await t.sql('ALTER TABLE audit_event_away RENAME TO audit_event');
    }
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors ?? [];
    expect(error?.message).toBe('Something went wrong on our side. Please try again.');
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const correlationId = String(error?.extensions?.correlationId);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(res.errors)).not.toMatch(INTERNALS);
    const line = logged.lines.find((l) => l.correlationId === correlationId);
    expect(line?.msg).toBe('unexpected error');
    expect(JSON.stringify(line?.err)).toMatch(/audit_event/);
  });

  it('answers malformed JSON with 400 and a GraphQL error, never an HTML page or a stack trace', async () => {
    for (const body of ['{"query": "{ offices { id } }"', '{"query": }', 'null x']) {
      const res = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await res.text();
      expect(text).not.toMatch(INTERNALS);
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
  });

  it('answers a body over 100 KB with 413 and a GraphQL error', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ offices { id } } # ${'x'.repeat(120_000)}` }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      errors: [{ message: 'The request body is larger than 100 KB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
  });

  it('answers an unsupported body encoding with 415 and a GraphQL error', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin-9' },
      body: '{"query": "{ offices { id } }"}',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('refusals are not server errors', () => {
  it('a portal key over its limit gets 429 with Retry-After, not 500', async () => {
    const { key } = await t.app.services.credentials.createApiKey('Knapp bemessen', 1);
    const portal = new GqlClient(t.baseUrl, key);
    expect((await portal.request('{ offices { slug } }')).status).toBe(200);
    const limited = await portal.request('{ offices { slug } }');
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBe(retryAfter);
  });
});

describe('the audit log cannot be evaded', () => {
  const CREATE_AND_REVOKE = `mutation($i: CreateStaffAccountInput!, $d: ID!) {
    createStaffAccount(input: $i) { __typename }
    revokeDevice(deviceId: $d) { __typename } }`;
  const account = (username: string) => ({
    username,
    displayName: 'Heimlich Angelegt',
    roles: ['ADMIN'],
    officeIds: [],
  });
  const accounts = async (username: string) =>
    (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM staff_user WHERE username = $1', [username]))[0]?.n;
  const createdEntries = () =>
    t.sql<{ outcome: string }>(`SELECT outcome FROM audit_event WHERE operation = 'createStaffAccount' ORDER BY id`);

  it('by a sibling field whose id the log cannot store: nothing is applied', async () => {
    for (const [username, deviceId] of [
      ['heimlich1', '\ud800'],
      ['heimlich2', 'x\u0000'],
    ] as const) {
      const res = await admin.request(CREATE_AND_REVOKE, { i: account(username), d: deviceId });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await accounts(username)).toBe(0);
    }
    // The attempts themselves are on record, the unstorable characters kept as U+FFFD.
    const revokes = await t.sql<{ ids: unknown; outcome: string }>(
      `SELECT ids, outcome FROM audit_event WHERE operation = 'revokeDevice' ORDER BY id`,
    );
    expect(revokes).toEqual([
      { ids: { deviceId: '\ufffd' }, outcome: 'ERROR BAD_USER_INPUT' },
      { ids: { deviceId: 'x\ufffd' }, outcome: 'ERROR BAD_USER_INPUT' },
    ]);
  });

  it('by a failing audit write: the change fails with it', async () => {
    await t.sql(`CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit storage full'; END $$`);
    await t.sql(
      'CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_refuse()',
    );
    let res: GqlResponse<Record<string, any>>;
    try {
      res = await admin.request(
        'mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { __typename } }',
        { i: account('heimlich3') },
      );
    } finally {
      await t.sql('DROP TRIGGER audit_refuse ON audit_event');
      await t.sql('DROP FUNCTION audit_refuse()');
    }
    const before = await createdEntries();
    expect(res.data?.createStaffAccount).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.errors)).not.toMatch(/audit storage full/);
    expect(await accounts('heimlich3')).toBe(0);

    // With the log writable again the same change is applied and recorded with its outcome.
    const again = await admin.ok<{ createStaffAccount: { __typename: string; id: string } }>(
      'mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { __typename ... on StaffAccount { id } } }',
      { i: account('heimlich3') },
    );
    expect(again.createStaffAccount.__typename).toBe('StaffAccount');
    expect(await createdEntries()).toEqual([...before, { outcome: 'StaffAccount' }]);
  });
});

describe('names and free text', () => {
  it('loses control characters, ANSI escapes and bidi controls; a phone of only spaces is refused', async () => {
    const anonymous = t.anonymous();
    const booked = await anonymous.ok<{ bookAppointment: any }>(BOOK, {
      input: contact('\u001b[31mErika\u001b[0m \u202eMustermann\u0007\u200f', { phone: ' 07231 39-0 ' }),
    });
    expect(booked.bookAppointment.__typename).toBe('BookingConfirmed');
    const [stored] = await t.sql<{ citizenName: string; phone: string }>(
      'SELECT "citizenName", phone FROM appointment WHERE id = $1',
      [booked.bookAppointment.appointment.id],
    );
    expect(stored).toEqual({ citizenName: 'Erika Mustermann', phone: '07231 39-0' });

    const spaces = await anonymous.ok<{ bookAppointment: any }>(BOOK, {
      input: contact('Max Mustermann', { phone: '    ', start: local('2027-03-03T11:00').toISOString() }),
    });
    expect(spaces.bookAppointment).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'phone', code: 'INVALID' }],
    });
    const onlyControls = await anonymous.ok<{ bookAppointment: any }>(BOOK, {
      input: contact('\u202e\u0007\u001b[2J', { start: local('2027-03-03T11:00').toISOString() }),
    });
    expect(onlyControls.bookAppointment.fields).toEqual([{ field: 'name', code: 'REQUIRED' }]);
  });

  it('keeps the office notice visitors see free of them', async () => {
    const manager = await t.officeManager();
    const res = await manager.ok<{ setOfficeNotice: string }>(
      'mutation($o: ID!, $n: String) { setOfficeNotice(officeId: $o, notice: $n) }',
      { o: office.id, n: '\u001b[5mSchalter 3\u202e geschlossen\u0007' },
    );
    expect(res.setOfficeNotice).toBe('Schalter 3 geschlossen');
    await manager.ok('mutation($o: ID!) { setOfficeNotice(officeId: $o, notice: null) }', { o: office.id });
  });

  it('keeps staff and device names free of them too', async () => {
    const res = await admin.ok<{ createStaffAccount: any }>(
      `mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) {
        __typename ... on StaffAccount { displayName } } }`,
      { i: { username: 'bidi', displayName: 'Anna\u202e \u001b[1mAdmin\u0085', roles: ['ADMIN'], officeIds: [] } },
    );
    expect(res.createStaffAccount).toEqual({ __typename: 'StaffAccount', displayName: 'Anna Admin' });
  });
});

describe('headers the browser obeys', () => {
  it('lets pages connect only to this api and the configured origins, and allows the camera for the kiosk only', async () => {
    const res = await fetch(`${t.baseUrl}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(connect).toEqual(expect.arrayContaining(["'self'", CORS_ORIGIN, 'wss://termine.example.de']));
    expect(connect).not.toContain('ws:');
    expect(connect).not.toContain('wss:');
    const policy = res.headers.get('permissions-policy') ?? '';
    expect(policy).toMatch(/(^|, )camera=\(self\)/);
    expect(policy).toMatch(/(^|, )microphone=\(\)/);
    expect(policy).toMatch(/(^|, )geolocation=\(\)/);
  });
});
