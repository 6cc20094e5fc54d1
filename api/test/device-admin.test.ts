import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeEntity } from '../src/modules/catalog/office.entity.js';
import { PAIRING_MAX_FAILURES } from '../src/modules/devices/device-admin.service.js';
import { AuthService } from '../src/modules/staff/auth.service.js';
import { StaffUserEntity } from '../src/modules/staff/staff-user.entity.js';
import { hashSecret } from '../src/shared/credentials.js';
import { Role } from '../src/shared/role.js';
import { GqlClient } from './gql-client.js';
import { local, OFFICE, type OfficeInfo } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

const clock = new TestClock(local('2027-03-01T07:00'));
let t: TestApp;
let office: OfficeInfo;
let manager: GqlClient;
/** The office manager of another office (Staatsangehörigkeit). */
let outsider: GqlClient;

const DEVICE = 'id officeId kind name status createdAt lastSeenAt pairedAt pairingCodeExpiresAt revokedAt';
const LIST = `query($o: ID!) { officeDevices(officeId: $o) {
  __typename ... on OfficeDevices { devices { ${DEVICE} } } } }`;
const REGISTER = `mutation($o: ID!, $k: Role!, $n: String!) { registerDevice(officeId: $o, kind: $k, name: $n) {
  __typename
  ... on DevicePairingCode { code expiresAt device { ${DEVICE} } }
  ... on InvalidInput { fields { field code } } } }`;
const RENAME = `mutation($d: ID!, $n: String!) { renameDevice(deviceId: $d, name: $n) {
  __typename ... on ManagedDevice { id name } ... on InvalidInput { fields { field code } } } }`;
const REVOKE = `mutation($d: ID!) { revokeDevice(deviceId: $d) {
  __typename ... on ManagedDevice { id status revokedAt } ... on InvalidInput { fields { field code } } } }`;
const NEW_CODE = `mutation($d: ID!) { newPairingCode(deviceId: $d) {
  __typename ... on DevicePairingCode { code expiresAt device { id status } }
  ... on InvalidInput { fields { field code } } } }`;
const PAIR = `mutation($c: String!) { pairDevice(code: $c) {
  __typename
  ... on DevicePaired { token device { id officeId kind name } }
  ... on PairingCodeRejected { reason message }
  ... on LimitReached { limit retryAfterSeconds } } }`;
const CURRENT = '{ currentDevice { id kind name office { id } } }';

type Managed = {
  id: string;
  kind: string;
  name: string;
  status: string;
  lastSeenAt: string | null;
  pairedAt: string | null;
  pairingCodeExpiresAt: string | null;
  revokedAt: string | null;
};
type Registered = { __typename: string; code: string; expiresAt: string; device: Managed };

async function register(name: string, kind = 'KIOSK'): Promise<Registered> {
  const res = await manager.ok<{ registerDevice: Registered }>(REGISTER, { o: office.id, k: kind, n: name });
  expect(res.registerDevice.__typename).toBe('DevicePairingCode');
  return res.registerDevice;
}

async function pair(code: string) {
  const res = await t.anonymous().ok<{ pairDevice: Record<string, any> }>(PAIR, { c: code });
  return res.pairDevice;
}

async function listed(id: string): Promise<Managed | undefined> {
  const res = await manager.ok<{ officeDevices: { devices: Managed[] } }>(LIST, { o: office.id });
  return res.officeDevices.devices.find((d) => d.id === id);
}

const deviceRows = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM device'))[0]?.n);

beforeAll(async () => {
  t = await createTestApp({ clock });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  manager = await t.officeManager();
  const other = await t.app.ds.getRepository(OfficeEntity).findOneByOrFail({ slug: 'staatsangehoerigkeit' });
  await t.app.ds.getRepository(StaffUserEntity).save({
    username: 'leitung-sta',
    displayName: 'Lena Andere',
    passwordHash: await AuthService.hashPassword('Andere-Leitung-2026'),
    roles: [Role.OFFICE_MANAGER],
    offices: [other],
  });
  outsider = new GqlClient(t.baseUrl);
  await outsider.ok('mutation { login(username: "leitung-sta", password: "Andere-Leitung-2026") { __typename } }');
});
afterAll(() => t?.close());

describe('registering and pairing a device', () => {
  it('a manager registers a kiosk; it pairs once with its code and then works as a kiosk', async () => {
    const reg = await register('  Kiosk   Eingang ');
    expect(reg.code).toMatch(/^[ACEFHJKMNPRTUVWXY3479]{5}-[ACEFHJKMNPRTUVWXY3479]{5}$/);
    expect(new Date(reg.expiresAt).getTime() - clock.now().getTime()).toBe(15 * 60_000);
    expect(reg.device).toMatchObject({ kind: 'KIOSK', name: 'Kiosk Eingang', status: 'WAITING', pairedAt: null });
    // Only the hash of the code is stored, and the device has no token yet.
    const [row] = await t.sql<{ pairingCodeHash: string; tokenHash: string | null }>(
      'SELECT "pairingCodeHash", "tokenHash" FROM device WHERE id = $1',
      [reg.device.id],
    );
    expect(row).toEqual({ pairingCodeHash: hashSecret(reg.code.replace('-', '')), tokenHash: null });
    expect((await listed(reg.device.id))?.status).toBe('WAITING');

    // Typed as a person would: lower case, no hyphen, a space.
    const paired = await pair(
      ` ${reg.code.replace('-', '').toLowerCase().slice(0, 4)} ${reg.code.slice(4).toLowerCase()}`,
    );
    expect(paired.__typename).toBe('DevicePaired');
    expect(paired.token).toMatch(/^bcd_/);
    expect(paired.device).toEqual({ id: reg.device.id, officeId: office.id, kind: 'KIOSK', name: 'Kiosk Eingang' });

    const kiosk = new GqlClient(t.baseUrl, paired.token);
    const current = await kiosk.ok<{ currentDevice: { id: string; office: { id: string } } }>(CURRENT);
    expect(current.currentDevice).toMatchObject({ id: reg.device.id, office: { id: office.id } });

    const after = await listed(reg.device.id);
    expect(after).toMatchObject({ status: 'PAIRED', pairingCodeExpiresAt: null });
    expect(after?.pairedAt).not.toBeNull();
    expect(after?.lastSeenAt).not.toBeNull();

    // The code is used up.
    const again = await pair(reg.code);
    expect(again).toMatchObject({ __typename: 'PairingCodeRejected', reason: 'USED' });
  });

  it('a code expires after 15 minutes', async () => {
    const reg = await register('Aufrufanzeige Wartebereich', 'DISPLAY');
    clock.advance(15 * 60_000 + 1000);
    expect((await listed(reg.device.id))?.status).toBe('CODE_EXPIRED');
    expect(await pair(reg.code)).toMatchObject({ __typename: 'PairingCodeRejected', reason: 'EXPIRED' });
    // A new code brings it back.
    const fresh = await manager.ok<{ newPairingCode: Registered }>(NEW_CODE, { d: reg.device.id });
    expect(fresh.newPairingCode.device.status).toBe('WAITING');
    expect(await pair(reg.code)).toMatchObject({ reason: 'UNKNOWN' });
    const paired = await pair(fresh.newPairingCode.code);
    expect(paired.__typename).toBe('DevicePaired');
    expect(paired.device.kind).toBe('DISPLAY');
  });

  it('two devices racing with the same code: exactly one is paired, the other is told the code is used', async () => {
    const reg = await register('Kiosk Wettlauf');
    const results = await Promise.all([pair(reg.code), pair(reg.code), pair(reg.code)]);
    expect(results.filter((r) => r.__typename === 'DevicePaired')).toHaveLength(1);
    expect(results.filter((r) => r.reason === 'USED')).toHaveLength(2);
  });

  it('an unknown or malformed code is refused with a typed reason', async () => {
    expect(await pair('ACEFH-JKMNP')).toMatchObject({ __typename: 'PairingCodeRejected', reason: 'UNKNOWN' });
    expect(await pair('hello')).toMatchObject({ __typename: 'PairingCodeRejected', reason: 'UNKNOWN' });
  });
});

describe('revoking and re-pairing', () => {
  it('a revoked device is refused at its very next request, with the typed device error', async () => {
    const reg = await register('Kiosk Obergeschoss');
    const paired = await pair(reg.code);
    const kiosk = new GqlClient(t.baseUrl, paired.token);
    await kiosk.ok(CURRENT);

    const revoked = await manager.ok<{ revokeDevice: Managed & { __typename: string } }>(REVOKE, { d: reg.device.id });
    expect(revoked.revokeDevice).toMatchObject({ __typename: 'ManagedDevice', status: 'REVOKED' });
    expect(revoked.revokeDevice.revokedAt).not.toBeNull();

    const refused = await kiosk.request(CURRENT);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Revoking again changes nothing; a revoked device is neither renamed nor re-paired.
    const twice = await manager.ok<{ revokeDevice: Managed }>(REVOKE, { d: reg.device.id });
    expect(twice.revokeDevice.revokedAt).toBe(revoked.revokeDevice.revokedAt);
    expect((await manager.ok(RENAME, { d: reg.device.id, n: 'Neu' })).renameDevice).toMatchObject({
      __typename: 'InvalidInput',
      fields: [{ field: 'deviceId', code: 'REVOKED' }],
    });
    expect((await manager.ok(NEW_CODE, { d: reg.device.id })).newPairingCode).toMatchObject({
      __typename: 'InvalidInput',
      fields: [{ field: 'deviceId', code: 'REVOKED' }],
    });
    expect((await listed(reg.device.id))?.status).toBe('REVOKED');

    // The revocation is in the audit log with the device's id (the audit plugin records every staff mutation).
    const audit = await (await t.admin()).ok<{ auditLog: { operation: string; ids: string; outcome: string }[] }>(
      'query($op: String) { auditLog(operation: $op) { operation ids outcome } }',
      { op: 'revokeDevice' },
    );
    expect(audit.auditLog.map((e) => JSON.parse(e.ids))).toContainEqual({ deviceId: reg.device.id });
  });

  it('a waiting device that is revoked cannot pair with its code', async () => {
    const reg = await register('Kiosk Nebeneingang');
    await manager.ok(REVOKE, { d: reg.device.id });
    expect(await pair(reg.code)).toMatchObject({ __typename: 'PairingCodeRejected', reason: 'UNKNOWN' });
  });

  it('a new pairing code ends the old token at once; the device pairs again with the new code', async () => {
    const reg = await register('Kiosk Foyer');
    const first = await pair(reg.code);
    const oldKiosk = new GqlClient(t.baseUrl, first.token);
    await oldKiosk.ok(CURRENT);

    const fresh = await manager.ok<{ newPairingCode: Registered }>(NEW_CODE, { d: reg.device.id });
    expect(fresh.newPairingCode).toMatchObject({ __typename: 'DevicePairingCode', device: { status: 'WAITING' } });
    expect(fresh.newPairingCode.code).not.toBe(reg.code);
    const refused = await oldKiosk.request(CURRENT);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const second = await pair(fresh.newPairingCode.code);
    expect(second.__typename).toBe('DevicePaired');
    expect(second.token).not.toBe(first.token);
    const newKiosk = new GqlClient(t.baseUrl, second.token);
    expect((await newKiosk.ok<{ currentDevice: { id: string } }>(CURRENT)).currentDevice.id).toBe(reg.device.id);
  });

  it('a device made with the command line is listed as paired and can be revoked here', async () => {
    const { id, token } = await t.app.services.credentials.createDevice({
      officeSlug: 'buergercentrum',
      kind: Role.DISPLAY,
      name: 'Anzeige per Kommandozeile',
    });
    expect((await listed(id))?.status).toBe('PAIRED');
    await manager.ok(REVOKE, { d: id });
    expect((await new GqlClient(t.baseUrl, token).request(CURRENT)).status).toBe(401);
  });
});

describe('bad input and other offices', () => {
  it('refuses a kind that is no device, an empty or too long name and a taken name, storing nothing', async () => {
    const before = await deviceRows();
    const bad = await manager.ok(REGISTER, { o: office.id, k: 'CLERK', n: '  ' });
    expect(bad.registerDevice).toMatchObject({
      __typename: 'InvalidInput',
      fields: [
        { field: 'kind', code: 'NOT_A_DEVICE_KIND' },
        { field: 'name', code: 'REQUIRED' },
      ],
    });
    const long = await manager.ok(REGISTER, { o: office.id, k: 'KIOSK', n: 'x'.repeat(61) });
    expect(long.registerDevice).toMatchObject({ fields: [{ field: 'name', code: 'TOO_LONG' }] });
    await register('Kiosk Doppelt');
    const taken = await manager.ok(REGISTER, { o: office.id, k: 'DISPLAY', n: 'kiosk doppelt' });
    expect(taken.registerDevice).toMatchObject({ fields: [{ field: 'name', code: 'NAME_TAKEN' }] });
    expect(await deviceRows()).toBe(before + 1);
  });

  it('renames a device; a taken name or an unknown device is refused', async () => {
    const a = await register('Kiosk A');
    await register('Kiosk B');
    expect((await manager.ok(RENAME, { d: a.device.id, n: ' Kiosk  Halle ' })).renameDevice).toEqual({
      __typename: 'ManagedDevice',
      id: a.device.id,
      name: 'Kiosk Halle',
    });
    expect((await manager.ok(RENAME, { d: a.device.id, n: 'Kiosk B' })).renameDevice).toMatchObject({
      fields: [{ field: 'name', code: 'NAME_TAKEN' }],
    });
    // Its own name in another case is fine.
    expect((await manager.ok(RENAME, { d: a.device.id, n: 'KIOSK HALLE' })).renameDevice).toMatchObject({
      name: 'KIOSK HALLE',
    });
    const unknown = await manager.ok(RENAME, { d: '00000000-0000-4000-8000-000000000000', n: 'x' });
    expect(unknown.renameDevice).toMatchObject({ fields: [{ field: 'deviceId', code: 'UNKNOWN_DEVICE' }] });
    expect((await manager.ok(REVOKE, { d: 'not-a-uuid' })).revokeDevice).toMatchObject({
      fields: [{ field: 'deviceId', code: 'UNKNOWN_DEVICE' }],
    });
  });

  it('a manager of another office can neither see nor change this office’s devices', async () => {
    const reg = await register('Kiosk Fremdzugriff');
    const notAllowed = { __typename: 'OfficeNotAllowed' };
    expect((await outsider.ok(LIST, { o: office.id })).officeDevices).toEqual(notAllowed);
    expect((await outsider.ok(REGISTER, { o: office.id, k: 'KIOSK', n: 'x' })).registerDevice).toEqual(notAllowed);
    expect((await outsider.ok(RENAME, { d: reg.device.id, n: 'x' })).renameDevice).toEqual(notAllowed);
    expect((await outsider.ok(REVOKE, { d: reg.device.id })).revokeDevice).toEqual(notAllowed);
    expect((await outsider.ok(NEW_CODE, { d: reg.device.id })).newPairingCode).toEqual(notAllowed);
    expect(await listed(reg.device.id)).toMatchObject({ name: 'Kiosk Fremdzugriff', status: 'WAITING' });
    // Its code still works: nothing was re-issued.
    expect((await pair(reg.code)).__typename).toBe('DevicePaired');
  });

  it('a clerk and a kiosk may not manage devices', async () => {
    const clerk = await t.clerk();
    expect((await clerk.request(LIST, { o: office.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.kiosk().request(LIST, { o: office.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the pairing rate limit', () => {
  it('refuses every attempt from an address after too many wrong codes, even a right one', async () => {
    const reg = await register('Kiosk nach Sperre');
    let limited: Record<string, any> | undefined;
    for (let i = 0; i <= PAIRING_MAX_FAILURES && !limited; i++) {
      const res = await pair('ACEFH-ACEFH');
      if (res.__typename === 'LimitReached') limited = res;
      else expect(res.reason).toBe('UNKNOWN');
    }
    expect(limited).toMatchObject({ limit: 'RATE' });
    expect(limited?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await pair(reg.code)).toMatchObject({ __typename: 'LimitReached' });
    expect((await listed(reg.device.id))?.status).toBe('WAITING');
  });
});
