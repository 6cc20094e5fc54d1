import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GqlClient } from './gql-client.js';
import { createTestApp, type TestApp } from './test-app.js';

let t: TestApp;
/** A second api process on the same database. */
let other: TestApp;
let admin: GqlClient;

const KEY_FIELDS = 'id name prefix createdAt revokedAt lastUsedAt requestsPerMinute effectiveRequestsPerMinute';
const CREATE = `mutation($n: String!, $r: Int) { createPortalApiKey(name: $n, requestsPerMinute: $r) {
  __typename
  ... on CreatedPortalApiKey { key apiKey { ${KEY_FIELDS} } }
  ... on InvalidInput { fields { field code } } } }`;
const RENAME = `mutation($id: ID!, $n: String!) { renamePortalApiKey(id: $id, name: $n) {
  __typename ... on PortalApiKey { ${KEY_FIELDS} } ... on InvalidInput { fields { field code } } } }`;
const LIMITS = `mutation($id: ID!, $r: Int) { setPortalApiKeyLimits(id: $id, requestsPerMinute: $r) {
  __typename ... on PortalApiKey { ${KEY_FIELDS} } ... on InvalidInput { fields { field code } } } }`;
const REVOKE = `mutation($id: ID!) { revokePortalApiKey(id: $id) {
  __typename ... on PortalApiKey { ${KEY_FIELDS} } ... on InvalidInput { fields { field code } } } }`;
const LIST = `{ portalApiKeys { ${KEY_FIELDS} } }`;
const PORTAL_CALL = '{ offices { slug } }';

type Key = {
  id: string;
  name: string;
  prefix: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  requestsPerMinute: number | null;
  effectiveRequestsPerMinute: number;
};
type Created = { __typename: string; key: string; apiKey: Key; fields?: { field: string; code: string }[] };
type Result = Key & { __typename: string; fields?: { field: string; code: string }[] };

async function create(name: string, requestsPerMinute?: number | null): Promise<Created> {
  return (await admin.ok<{ createPortalApiKey: Created }>(CREATE, { n: name, r: requestsPerMinute }))
    .createPortalApiKey;
}
const mutate = async (text: string, variables: Record<string, unknown>): Promise<Result> =>
  Object.values(await admin.ok<Record<string, Result>>(text, variables))[0] as Result;
const list = async () => (await admin.ok<{ portalApiKeys: Key[] }>(LIST)).portalApiKeys;
const stored = async (id: string) =>
  (await t.sql<Record<string, unknown>>('SELECT * FROM api_key WHERE id = $1', [id]))[0];
/** The error code of one portal request with this key on this process, or OK. */
async function call(app: TestApp, key: string): Promise<string> {
  const res = await new GqlClient(app.baseUrl, key).request(PORTAL_CALL);
  return String(res.errors?.[0]?.extensions?.code ?? (res.status === 200 ? 'OK' : res.status));
}

beforeAll(async () => {
  t = await createTestApp({ env: { PORTAL_REQUESTS_PER_MINUTE: '1000' } });
  other = await createTestApp({ env: { PORTAL_REQUESTS_PER_MINUTE: '1000' }, sharing: { database: t.database } });
  admin = await t.admin();
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe('creating a key', () => {
  it('shows the key once, stores only its hash, and the key works at once', async () => {
    const created = await create('  Service-BW   Portal ');
    expect(created.__typename).toBe('CreatedPortalApiKey');
    expect(created.apiKey).toMatchObject({
      name: 'Service-BW Portal',
      revokedAt: null,
      lastUsedAt: null,
      requestsPerMinute: null,
      effectiveRequestsPerMinute: 1000,
    });
    expect(created.key.startsWith(created.apiKey.prefix)).toBe(true);
    const row = await stored(created.apiKey.id);
    expect(Object.values(row ?? {})).not.toContain(created.key);
    expect(JSON.stringify(await list())).not.toContain(created.key);

    expect(await call(t, created.key)).toBe('OK');
    expect(await call(other, created.key)).toBe('OK');
    expect((await list()).find((k) => k.id === created.apiKey.id)?.lastUsedAt).not.toBeNull();
  });

  it('refuses bad names and limits, and creates nothing', async () => {
    const before = (await list()).length;
    const empty = await create('   ', 0);
    expect(empty.__typename).toBe('InvalidInput');
    expect(empty.fields).toEqual([
      { field: 'name', code: 'REQUIRED' },
      { field: 'requestsPerMinute', code: 'OUT_OF_RANGE' },
    ]);
    expect((await create('x'.repeat(81))).fields).toEqual([{ field: 'name', code: 'TOO_LONG' }]);
    expect((await create('service-bw portal')).fields).toEqual([{ field: 'name', code: 'TAKEN' }]);
    expect((await create('Neu', 100_001)).fields).toEqual([{ field: 'requestsPerMinute', code: 'OUT_OF_RANGE' }]);
    expect((await list()).length).toBe(before);
  });

  it('the command line goes through the same rules', async () => {
    await expect(t.app.services.credentials.createApiKey('Service-BW Portal')).rejects.toThrow(/name/);
    const cli = await t.app.services.credentials.createApiKey('Kommandozeile', 7);
    expect((await list()).find((k) => k.id === cli.id)?.requestsPerMinute).toBe(7);
    expect(await t.app.services.credentials.revokeApiKey(cli.id)).toBe(true);
    expect(await call(t, cli.key)).toBe('UNAUTHENTICATED');
  });
});

describe('the command line', () => {
  const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  /** Runs `cli` against this test's database; stdout, or the error's output. */
  async function cli(...args: string[]): Promise<{ ok: boolean; out: string }> {
    const url = new URL(inject('adminDatabaseUrl'));
    url.pathname = `/${t.database}`;
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: apiDir,
        env: { ...process.env, DATABASE_URL: url.toString(), NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      });
      return { ok: true, out: stdout };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return { ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
    }
  }

  it('creates and revokes keys through the same service, and the audit log records it', async () => {
    const created = await cli('api-key:create', 'Kommandozeilen-Portal');
    expect(created.ok).toBe(true);
    const key = /\b(bck_\S+)/.exec(created.out)?.[1] as string;
    const id = /API key (\S+) for/.exec(created.out)?.[1] as string;
    expect(await call(other, key)).toBe('OK');
    const revoked = await cli('api-key:revoke', id);
    expect(revoked.ok).toBe(true);
    expect(await call(other, key)).toBe('UNAUTHENTICATED');
    const LOG = '{ auditLog(actorKind: "cli") { operation ids outcome actorKind staffName } }';
    expect((await admin.ok(LOG)).auditLog).toEqual([
      {
        operation: 'revokePortalApiKey',
        ids: JSON.stringify({ id }),
        outcome: 'PortalApiKey',
        actorKind: 'cli',
        staffName: null,
      },
      {
        operation: 'createPortalApiKey',
        ids: JSON.stringify({ id }),
        outcome: 'CreatedPortalApiKey',
        actorKind: 'cli',
        staffName: null,
      },
    ]);
  }, 60_000);

  it('revokes devices as the staff pages do, dropping a pending pairing code, and the audit log records it', async () => {
    const created = await cli('device:create', 'buergercentrum', 'KIOSK', 'Kiosk Kommandozeile');
    expect(created.ok).toBe(true);
    const id = /Device (\S+) created/.exec(created.out)?.[1] as string;
    // A new screen: the staff pages issue a pairing code, which is pending when the device is revoked.
    const code = await admin.ok<{ newPairingCode: { __typename: string } }>(
      'mutation($d: ID!) { newPairingCode(deviceId: $d) { __typename } }',
      { d: id },
    );
    expect(code.newPairingCode.__typename).toBe('DevicePairingCode');
    const row = async () =>
      (
        await t.sql<{ revokedAt: Date | null; pairingCodeHash: string | null }>(
          'SELECT "revokedAt", "pairingCodeHash" FROM device WHERE id = $1',
          [id],
        )
      )[0];
    expect((await cli('device:revoke', id)).ok).toBe(true);
    const revoked = await row();
    expect(revoked?.revokedAt).not.toBeNull();
    expect(revoked?.pairingCodeHash).toBeNull();
    // Revoking again keeps the first time; an unknown id is refused.
    expect((await cli('device:revoke', id)).ok).toBe(true);
    expect((await row())?.revokedAt).toEqual(revoked?.revokedAt);
    expect((await cli('device:revoke', '00000000-0000-4000-8000-000000000000')).ok).toBe(false);
    const LOG = '{ auditLog(actorKind: "cli") { operation ids outcome } }';
    const entries = (await admin.ok<{ auditLog: { operation: string; ids: string; outcome: string }[] }>(LOG)).auditLog;
    expect(entries.filter((e) => JSON.parse(e.ids).id === id)).toEqual([
      { operation: 'revokeDevice', ids: JSON.stringify({ id }), outcome: 'ManagedDevice' },
      { operation: 'revokeDevice', ids: JSON.stringify({ id }), outcome: 'ManagedDevice' },
      { operation: 'registerDevice', ids: JSON.stringify({ id }), outcome: 'ManagedDevice' },
    ]);
  }, 90_000);
});

describe('revoking a key', () => {
  it('refuses the next request at once, in every api process, and cannot be undone', async () => {
    const { key, apiKey } = await create('Widerruf-Test');
    // Both processes have served the key before it is revoked.
    expect(await call(t, key)).toBe('OK');
    expect(await call(other, key)).toBe('OK');
    const revoked = await mutate(REVOKE, { id: apiKey.id });
    expect(revoked.__typename).toBe('PortalApiKey');
    expect(revoked.revokedAt).not.toBeNull();
    expect(await call(other, key)).toBe('UNAUTHENTICATED');
    expect(await call(t, key)).toBe('UNAUTHENTICATED');
    const res = await new GqlClient(other.baseUrl, key).request(PORTAL_CALL);
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();

    // Revoking again keeps the first time; a revoked key cannot be renamed or given a limit.
    expect((await mutate(REVOKE, { id: apiKey.id })).revokedAt).toBe(revoked.revokedAt);
    expect((await mutate(RENAME, { id: apiKey.id, n: 'Neu' })).fields).toEqual([{ field: 'id', code: 'REVOKED' }]);
    expect((await mutate(LIMITS, { id: apiKey.id, r: 5 })).fields).toEqual([{ field: 'id', code: 'REVOKED' }]);
    expect(await stored(apiKey.id)).toMatchObject({ name: 'Widerruf-Test', requestsPerMinute: null });
    // Its name is free again for a new key; the list shows active keys first.
    expect((await create('Widerruf-Test')).__typename).toBe('CreatedPortalApiKey');
    const keys = await list();
    const firstRevoked = keys.findIndex((k) => k.revokedAt !== null);
    expect(keys.slice(firstRevoked).every((k) => k.revokedAt !== null)).toBe(true);
  });

  it('an unknown or malformed id is InvalidInput', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await mutate(REVOKE, { id: unknown })).fields).toEqual([{ field: 'id', code: 'UNKNOWN_KEY' }]);
    expect((await mutate(REVOKE, { id: 'nope' })).fields).toEqual([{ field: 'id', code: 'UNKNOWN_KEY' }]);
  });
});

describe('renaming a key', () => {
  it('changes the name; a name in use by another active key is refused', async () => {
    const a = (await create('Portal A')).apiKey;
    await create('Portal B');
    expect((await mutate(RENAME, { id: a.id, n: ' Portal  C ' })).name).toBe('Portal C');
    expect((await mutate(RENAME, { id: a.id, n: 'portal b' })).fields).toEqual([{ field: 'name', code: 'TAKEN' }]);
    // Its own name (in another case) is fine.
    expect((await mutate(RENAME, { id: a.id, n: 'PORTAL C' })).name).toBe('PORTAL C');
    expect((await stored(a.id))?.name).toBe('PORTAL C');
  });
});

describe('per-key limits', () => {
  it('each key is held to its own limit, shared by all processes; a changed limit holds at once', async () => {
    const { key, apiKey } = await create('Knapp', 3);
    expect(apiKey.effectiveRequestsPerMinute).toBe(3);
    const calls = [await call(t, key), await call(other, key), await call(t, key), await call(other, key)];
    expect(calls).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    // Another key with the default is not affected.
    const roomy = await create('Großzügig');
    expect(await call(t, roomy.key)).toBe('OK');

    const raised = await mutate(LIMITS, { id: apiKey.id, r: 10 });
    expect(raised).toMatchObject({ requestsPerMinute: 10, effectiveRequestsPerMinute: 10 });
    expect(await call(other, key)).toBe('OK');
    const lowered = await mutate(LIMITS, { id: apiKey.id, r: 2 });
    expect(lowered.requestsPerMinute).toBe(2);
    expect(await call(t, key)).toBe('RATE_LIMITED');
    const reset = await mutate(LIMITS, { id: apiKey.id, r: null });
    expect(reset).toMatchObject({ requestsPerMinute: null, effectiveRequestsPerMinute: 1000 });
    expect(await call(t, key)).toBe('OK');
    expect((await mutate(LIMITS, { id: apiKey.id, r: 0 })).fields).toEqual([
      { field: 'requestsPerMinute', code: 'OUT_OF_RANGE' },
    ]);
    expect((await stored(apiKey.id))?.requestsPerMinute).toBeNull();
  });
});

describe('access and audit', () => {
  it('only admins see or change keys', async () => {
    const manager = await t.officeManager();
    expect((await manager.request(LIST)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await manager.request(CREATE, { n: 'Heimlich' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await list()).some((k) => k.name === 'Heimlich')).toBe(false);
  });

  it('key changes are in the audit log with the key id, filterable by actor kind, key and outcome', async () => {
    const { key, apiKey } = await create('Protokolliert');
    await mutate(RENAME, { id: apiKey.id, n: 'Protokolliert 2' });
    await mutate(REVOKE, { id: apiKey.id });
    await mutate(REVOKE, { id: 'nope' });
    expect(await call(t, key)).toBe('UNAUTHENTICATED');
    const LOG = `query($op: String, $outcome: String, $kind: String) {
      auditLog(operation: $op, outcome: $outcome, actorKind: $kind) { operation ids outcome staffName actorKind } }`;
    const revokes = (await admin.ok(LOG, { op: 'revokePortalApiKey' })).auditLog as Record<string, string>[];
    expect(revokes.slice(0, 2)).toEqual([
      {
        operation: 'revokePortalApiKey',
        ids: '{"id":"nope"}',
        outcome: 'InvalidInput',
        staffName: 'Alex Admin',
        actorKind: 'staff',
      },
      {
        operation: 'revokePortalApiKey',
        ids: JSON.stringify({ id: apiKey.id }),
        outcome: 'PortalApiKey',
        staffName: 'Alex Admin',
        actorKind: 'staff',
      },
    ]);
    const refused = (await admin.ok(LOG, { outcome: 'InvalidInput' })).auditLog as Record<string, string>[];
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.outcome === 'InvalidInput')).toBe(true);
    expect(((await admin.ok(LOG, { kind: 'portal' })).auditLog as unknown[]).length).toBe(0);
    const bad = await admin.request('{ auditLog(actorKind: "robot") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const facets = (await admin.ok('{ auditFacets { operations outcomes actors { actorKind staffName } } }'))
      .auditFacets as { operations: string[]; outcomes: string[]; actors: { actorKind: string; staffName: string }[] };
    expect(facets.operations).toEqual(expect.arrayContaining(['createPortalApiKey', 'revokePortalApiKey', 'login']));
    expect(facets.outcomes).toEqual(expect.arrayContaining(['InvalidInput', 'PortalApiKey']));
    expect(facets.actors).toContainEqual({ actorKind: 'staff', staffName: 'Alex Admin' });
  });
});
