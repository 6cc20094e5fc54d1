import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeEntity } from '../src/modules/catalog/office.entity.js';
import { AuthService } from '../src/modules/staff/auth.service.js';
import { PASSWORD_LINK_MAX_FAILURES } from '../src/modules/staff/staff-accounts.service.js';
import { StaffUserEntity } from '../src/modules/staff/staff-user.entity.js';
import { Role } from '../src/shared/role.js';
import { GqlClient } from './gql-client.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

const clock = new TestClock(new Date('2027-03-01T08:00:00Z'));
let t: TestApp;
let admin: GqlClient;
let manager: GqlClient;
/** Manager of the Zulassungsstelle only. */
let outsider: GqlClient;
let offices: Record<string, string>;

const ACCOUNT = `__typename
  ... on StaffAccount { id username displayName roles active passwordLinkExpiresAt offices { slug } }
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message }`;
const LIST = `query($o: ID) { staffAccounts(officeId: $o) { id username roles active offices { slug } } }`;
const CREATE = `mutation($i: CreateStaffAccountInput!) { createStaffAccount(input: $i) { ${ACCOUNT} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateStaffAccountInput!) { updateStaffAccount(id: $id, input: $i) { ${ACCOUNT} } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateStaffAccount(id: $id) { ${ACCOUNT} } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateStaffAccount(id: $id) { ${ACCOUNT} } }`;
const ISSUE = `mutation($id: ID!) { issuePasswordLink(id: $id) {
  __typename
  ... on PasswordLink { accountId code url expiresAt }
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message } } }`;
const SET = `mutation($c: String!, $p: String!) { setPasswordWithLink(code: $c, newPassword: $p) {
  __typename
  ... on PasswordSet { username }
  ... on PasswordLinkRefused { code message }
  ... on InvalidInput { fields { field code } }
  ... on TooManyAttempts { retryAfterSeconds } } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }`;
const ME = '{ me { username roles } }';

type Account = { __typename: string; id: string; username: string; roles: string[]; active: boolean } & Record<
  string,
  any
>;

/** Each test's own client address (TRUST_PROXY), so that the per-address limits of one test do not hit another. */
let address = 0;
const fromNewAddress = () => {
  address += 1;
  return { 'x-forwarded-for': `192.0.2.${address}` };
};

async function create(client: GqlClient, input: Record<string, unknown>): Promise<Account> {
  return (await client.ok<{ createStaffAccount: Account }>(CREATE, { i: input })).createStaffAccount;
}

async function issue(client: GqlClient, id: string) {
  return (await client.ok<{ issuePasswordLink: Record<string, any> }>(ISSUE, { id })).issuePasswordLink;
}

async function setPassword(code: string, password: string, headers: Record<string, string>) {
  const res = await new GqlClient(t.baseUrl).request<{ setPasswordWithLink: Record<string, any> }>(
    SET,
    { c: code, p: password },
    { headers },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.setPasswordWithLink;
}

/** Signs in; the client when it worked, else the result's typename. */
async function signIn(username: string, password: string): Promise<GqlClient | string> {
  const client = new GqlClient(t.baseUrl);
  const res = await client.request<{ login: { __typename: string } }>(
    LOGIN,
    { u: username, p: password },
    {
      headers: fromNewAddress(),
    },
  );
  return res.data?.login.__typename === 'LoginSuccess' ? client : String(res.data?.login.__typename);
}

/** A new account with a password, made by the admin. */
async function accountWithPassword(username: string, roles: string[], officeSlugs: string[], password: string) {
  const account = await create(admin, {
    username,
    displayName: `Test ${username}`,
    roles,
    officeIds: officeSlugs.map((s) => offices[s]),
  });
  expect(account.__typename).toBe('StaffAccount');
  const link = await issue(admin, account.id);
  expect((await setPassword(link.code, password, fromNewAddress())).__typename).toBe('PasswordSet');
  return account;
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { TRUST_PROXY: 'true' } });
  admin = await t.admin();
  manager = await t.officeManager();
  const rows = await t.app.ds.getRepository(OfficeEntity).find();
  offices = Object.fromEntries(rows.map((o) => [o.slug, o.id]));
  await t.app.ds.getRepository(StaffUserEntity).save({
    username: 'leitung-zul',
    displayName: 'Zora Zulassung',
    passwordHash: await AuthService.hashPassword('Leitung-Zulassung-2026'),
    roles: [Role.OFFICE_MANAGER],
    offices: [{ id: offices.zulassungsstelle } as OfficeEntity],
  });
  outsider = new GqlClient(t.baseUrl);
  await outsider.ok(LOGIN, { u: 'leitung-zul', p: 'Leitung-Zulassung-2026' });
});
afterAll(() => t?.close());

describe('invitation', () => {
  it('a manager creates a clerk, issues a link, and the clerk sets a password once and signs in', async () => {
    const created = await create(manager, {
      username: '  Max.Muster ',
      displayName: ' Max  Muster ',
      roles: ['CLERK'],
      officeIds: [offices.buergercentrum],
    });
    expect(created).toMatchObject({
      __typename: 'StaffAccount',
      username: 'max.muster',
      displayName: 'Max Muster',
      roles: ['CLERK'],
      active: true,
      passwordLinkExpiresAt: null,
      offices: [{ slug: 'buergercentrum' }],
    });
    // Without a password set, nobody can sign in to it.
    expect(await signIn('max.muster', '')).toBe('InvalidCredentials');

    const link = await issue(manager, created.id);
    expect(link.__typename).toBe('PasswordLink');
    expect(link.code).toMatch(/^bcp_/);
    expect(link.url).toMatch(/^https?:\/\/[^/]+\/staff\/passwort#code=bcp_/);
    expect(link.url.endsWith(`#code=${link.code}`)).toBe(true);
    expect(new Date(link.expiresAt).getTime() - clock.now().getTime()).toBe(7 * 24 * 3600 * 1000);
    // Only the hash is stored.
    const stored = await t.sql<{ codeHash: string }>(
      'SELECT "codeHash" FROM staff_password_link WHERE "staffUserId" = $1',
      [created.id],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.codeHash).not.toContain(link.code);
    const listed = (await manager.ok<{ staffAccounts: Account[] }>(LIST, { o: offices.buergercentrum })).staffAccounts;
    expect(listed.find((a) => a.id === created.id)).toBeTruthy();

    const address = fromNewAddress();
    // The password rules are checked before the link is used up.
    expect(await setPassword(link.code, 'zu-kurz', address)).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'newPassword', code: 'TOO_SHORT' }],
    });
    expect(await setPassword(link.code, 'max.muster-2026-Sommer', address)).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'newPassword', code: 'CONTAINS_USERNAME' }],
    });
    expect(await setPassword(link.code, 'Pferde fressen keinen Gurkensalat', address)).toEqual({
      __typename: 'PasswordSet',
      username: 'max.muster',
    });
    expect(await setPassword(link.code, 'Ein ganz anderes Passwort', address)).toMatchObject({
      __typename: 'PasswordLinkRefused',
      code: 'USED',
    });
    expect(await signIn('max.muster', 'Ein ganz anderes Passwort')).toBe('InvalidCredentials');
    const clerk = await signIn('MAX.MUSTER', 'Pferde fressen keinen Gurkensalat');
    expect(clerk).toBeInstanceOf(GqlClient);
    expect((await (clerk as GqlClient).ok<{ me: { roles: string[] } }>(ME)).me.roles).toEqual(['CLERK']);
  });

  it('refuses an expired link, and a new link replaces the old one', async () => {
    const account = await create(admin, {
      username: 'erika',
      displayName: 'Erika Beispiel',
      roles: ['INFO_DESK'],
      officeIds: [offices.buergercentrum],
    });
    const first = await issue(admin, account.id);
    const second = await issue(admin, account.id);
    const headers = fromNewAddress();
    expect(await setPassword(first.code, 'Pferde fressen keinen Gurkensalat', headers)).toMatchObject({
      __typename: 'PasswordLinkRefused',
      code: 'UNKNOWN',
    });
    clock.advance(7 * 24 * 3600 * 1000);
    try {
      expect(await setPassword(second.code, 'Pferde fressen keinen Gurkensalat', headers)).toMatchObject({
        __typename: 'PasswordLinkRefused',
        code: 'EXPIRED',
      });
    } finally {
      clock.advance(-7 * 24 * 3600 * 1000);
    }
    expect(await signIn('erika', 'Pferde fressen keinen Gurkensalat')).toBe('InvalidCredentials');
  });

  it('limits guessed codes per client address, like sign-in', async () => {
    const headers = fromNewAddress();
    for (let i = 0; i < PASSWORD_LINK_MAX_FAILURES; i++) {
      const guess = `bcp_${'A'.repeat(42)}${i}`;
      expect((await setPassword(guess, 'Pferde fressen keinen Gurkensalat', headers)).code).toBe('UNKNOWN');
    }
    // Even a valid link is now refused from this address (and works from another).
    const account = await create(admin, {
      username: 'guess.target',
      displayName: 'Gustav Ziel',
      roles: ['CLERK'],
      officeIds: [offices.buergercentrum],
    });
    const link = await issue(admin, account.id);
    const locked = await setPassword(link.code, 'Pferde fressen keinen Gurkensalat', headers);
    expect(locked.__typename).toBe('TooManyAttempts');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect((await setPassword(link.code, 'Pferde fressen keinen Gurkensalat', fromNewAddress())).__typename).toBe(
      'PasswordSet',
    );
  });

  it('a reset ends the sessions of the account', async () => {
    const account = await accountWithPassword('reset.me', ['CLERK'], ['buergercentrum'], 'Erstes Passwort 2026');
    const session = (await signIn('reset.me', 'Erstes Passwort 2026')) as GqlClient;
    expect((await session.ok<{ me: unknown }>(ME)).me).not.toBeNull();
    const link = await issue(manager, account.id);
    expect((await setPassword(link.code, 'Zweites Passwort 2026', fromNewAddress())).__typename).toBe('PasswordSet');
    expect((await session.ok<{ me: unknown }>(ME)).me).toBeNull();
    expect(await signIn('reset.me', 'Erstes Passwort 2026')).toBe('InvalidCredentials');
    expect(await signIn('reset.me', 'Zweites Passwort 2026')).toBeInstanceOf(GqlClient);
  });
});

describe('own password', () => {
  const CHANGE = `mutation($c: String!, $n: String!) { changeOwnPassword(currentPassword: $c, newPassword: $n) {
    __typename ... on PasswordSet { username } ... on InvalidInput { fields { field code } }
    ... on TooManyAttempts { retryAfterSeconds } } }`;
  const change = async (client: GqlClient, c: string, n: string, headers: Record<string, string>) => {
    const res = await client.request<{ changeOwnPassword: Record<string, any> }>(CHANGE, { c, n }, { headers });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.changeOwnPassword;
  };

  it('a signed-in clerk changes it: the other sessions end, this one stays, only the new password works', async () => {
    await accountWithPassword('own.pw', ['CLERK'], ['buergercentrum'], 'Altes Passwort 2026');
    const here = (await signIn('own.pw', 'Altes Passwort 2026')) as GqlClient;
    const elsewhere = (await signIn('own.pw', 'Altes Passwort 2026')) as GqlClient;
    expect(await change(here, 'Altes Passwort 2026', 'Neues Passwort 2026', fromNewAddress())).toEqual({
      __typename: 'PasswordSet',
      username: 'own.pw',
    });
    expect((await here.ok<{ me: unknown }>(ME)).me).toEqual({ username: 'own.pw', roles: ['CLERK'] });
    expect((await elsewhere.ok<{ me: unknown }>(ME)).me).toBeNull();
    expect(await signIn('own.pw', 'Altes Passwort 2026')).toBe('InvalidCredentials');
    expect(await signIn('own.pw', 'Neues Passwort 2026')).toBeInstanceOf(GqlClient);
  });

  it('refuses a wrong current password and a weak or unchanged new one, changing nothing; guesses lock', async () => {
    await accountWithPassword('own.lock', ['CLERK'], ['buergercentrum'], 'Mein Passwort 2026');
    const session = (await signIn('own.lock', 'Mein Passwort 2026')) as GqlClient;
    const from = fromNewAddress();
    expect(await change(session, 'falsch geraten 1', 'Neues Passwort 2026', from)).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'currentPassword', code: 'WRONG_PASSWORD' }],
    });
    expect((await change(session, 'Mein Passwort 2026', 'kurz', from)).fields).toEqual([
      { field: 'newPassword', code: 'TOO_SHORT' },
    ]);
    expect((await change(session, 'Mein Passwort 2026', 'Mein Passwort 2026', from)).fields).toEqual([
      { field: 'newPassword', code: 'UNCHANGED' },
    ]);
    expect(await signIn('own.lock', 'Mein Passwort 2026')).toBeInstanceOf(GqlClient);
    // Five wrong guesses from one address lock the account there, as five failed sign-ins would.
    for (let i = 2; i <= 5; i++)
      expect((await change(session, `falsch geraten ${i}`, 'Neues Passwort 2026', from)).__typename).toBe(
        'InvalidInput',
      );
    const locked = await change(session, 'Mein Passwort 2026', 'Neues Passwort 2026', from);
    expect(locked.__typename).toBe('TooManyAttempts');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    expect(await signIn('own.lock', 'Mein Passwort 2026')).toBeInstanceOf(GqlClient);
  });
});

describe('validation', () => {
  it('refuses bad input field by field, and taken usernames regardless of case, changing nothing', async () => {
    const before = await t.sql('SELECT id FROM staff_user');
    const res = await create(admin, {
      username: 'x y',
      displayName: ' ',
      roles: ['KIOSK'],
      officeIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(res).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'username', code: 'BAD_USERNAME' },
        { field: 'displayName', code: 'TOO_SHORT' },
        { field: 'roles.0', code: 'NOT_A_STAFF_ROLE' },
        { field: 'officeIds.0', code: 'UNKNOWN_OFFICE' },
      ],
    });
    expect(
      await create(admin, { username: 'Schalter', displayName: 'Doppelt', roles: ['CLERK'], officeIds: [] }),
    ).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'officeIds', code: 'REQUIRED' },
        { field: 'username', code: 'TAKEN' },
      ],
    });
    expect(await t.sql('SELECT id FROM staff_user')).toEqual(before);
  });

  it('updates name, roles and offices; role changes reach open sessions at once', async () => {
    const account = await accountWithPassword('wechsel', ['INFO_DESK'], ['buergercentrum'], 'Neue Rolle Passwort 2026');
    const session = (await signIn('wechsel', 'Neue Rolle Passwort 2026')) as GqlClient;
    const res = await manager.ok<{ updateStaffAccount: Account }>(UPDATE, {
      id: account.id,
      i: {
        displayName: 'Wanda Wechsel',
        roles: ['CLERK', 'INFO_DESK'],
        officeIds: [offices.buergercentrum, offices.staatsangehoerigkeit],
      },
    });
    expect(res.updateStaffAccount).toMatchObject({
      displayName: 'Wanda Wechsel',
      roles: ['CLERK', 'INFO_DESK'],
      offices: [{ slug: 'buergercentrum' }, { slug: 'staatsangehoerigkeit' }],
    });
    expect((await session.ok<{ me: { roles: string[] } }>(ME)).me.roles).toEqual(['CLERK', 'INFO_DESK']);
    // Fields left out stay; an empty office list is refused.
    const bad = await manager.ok<{ updateStaffAccount: Account }>(UPDATE, { id: account.id, i: { officeIds: [] } });
    expect(bad.updateStaffAccount).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'officeIds', code: 'REQUIRED' }],
    });
    const unknown = await manager.ok<{ updateStaffAccount: Account }>(UPDATE, {
      id: '00000000-0000-4000-8000-000000000000',
      i: { displayName: 'Niemand' },
    });
    expect(unknown.updateStaffAccount).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'id', code: 'UNKNOWN_ACCOUNT' }],
    });
  });
});

describe('what a manager may do', () => {
  it('a manager of another office neither sees nor changes the accounts of the Bürgercentrum', async () => {
    const account = await create(manager, {
      username: 'nur.bc',
      displayName: 'Nur Bürgercentrum',
      roles: ['CLERK'],
      officeIds: [offices.buergercentrum],
    });
    const list = (await outsider.ok<{ staffAccounts: Account[] }>(LIST, {})).staffAccounts;
    expect(list.map((a) => a.username)).toEqual(['leitung-zul']);
    const refused = await outsider.request(LIST, { o: offices.buergercentrum });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const [query, vars, key] of [
      [UPDATE, { id: account.id, i: { displayName: 'Gekapert' } }, 'updateStaffAccount'],
      [DEACTIVATE, { id: account.id }, 'deactivateStaffAccount'],
      [ISSUE, { id: account.id }, 'issuePasswordLink'],
    ] as const) {
      const res = await outsider.ok<Record<string, Account>>(query, vars);
      expect(res[key]?.__typename, key).toBe('OfficeNotAllowed');
    }
    // Nor may it create accounts in the Bürgercentrum.
    const created = await create(outsider, {
      username: 'eingeschleust',
      displayName: 'Eingeschleust',
      roles: ['CLERK'],
      officeIds: [offices.buergercentrum],
    });
    expect(created.__typename).toBe('OfficeNotAllowed');
    const [row] = await t.sql<{ displayName: string; active: boolean; links: number }>(
      `SELECT "displayName", active, (SELECT count(*)::int FROM staff_password_link WHERE "staffUserId" = u.id) AS links
         FROM staff_user u WHERE id = $1`,
      [account.id],
    );
    expect(row).toEqual({ displayName: 'Nur Bürgercentrum', active: true, links: 0 });
    expect(await t.sql(`SELECT 1 FROM staff_user WHERE username = 'eingeschleust'`)).toEqual([]);
  });

  it('a manager cannot grant ADMIN or offices they do not manage, nor touch admins', async () => {
    const admins = await t.sql<{ id: string }>(`SELECT id FROM staff_user WHERE username = 'admin'`);
    const adminId = admins[0]?.id as string;
    expect(
      await create(manager, {
        username: 'chef',
        displayName: 'Chef',
        roles: ['ADMIN'],
        officeIds: [offices.buergercentrum],
      }),
    ).toEqual({ __typename: 'InvalidInput', fields: [{ field: 'roles.0', code: 'NOT_ALLOWED' }] });
    expect(
      (
        await create(manager, {
          username: 'zul.clerk',
          displayName: 'Zu Weit',
          roles: ['CLERK'],
          officeIds: [offices.buergercentrum, offices.zulassungsstelle],
        })
      ).__typename,
    ).toBe('OfficeNotAllowed');
    const own = await create(manager, {
      username: 'eigener',
      displayName: 'Eigener',
      roles: ['CLERK'],
      officeIds: [offices.buergercentrum],
    });
    const grant = await manager.ok<{ updateStaffAccount: Account }>(UPDATE, {
      id: own.id,
      i: { officeIds: [offices.zulassungsstelle] },
    });
    expect(grant.updateStaffAccount.__typename).toBe('OfficeNotAllowed');
    const promote = await manager.ok<{ updateStaffAccount: Account }>(UPDATE, { id: own.id, i: { roles: ['ADMIN'] } });
    expect(promote.updateStaffAccount).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'roles.0', code: 'NOT_ALLOWED' }],
    });
    const touchAdmin = await manager.ok<{ deactivateStaffAccount: Account }>(DEACTIVATE, { id: adminId });
    expect(touchAdmin.deactivateStaffAccount.__typename).toBe('OfficeNotAllowed');
    const listed = (await manager.ok<{ staffAccounts: Account[] }>(LIST, {})).staffAccounts;
    expect(listed.some((a) => a.roles.includes('ADMIN'))).toBe(false);
    expect(listed.some((a) => a.username === 'leitung-zul')).toBe(false);
  });
});

describe('deactivation', () => {
  it('ends the account’s sessions at once and stops sign-in; reactivation allows it again', async () => {
    const account = await accountWithPassword('geht.bald', ['CLERK'], ['buergercentrum'], 'Geht Bald Passwort');
    const session = (await signIn('geht.bald', 'Geht Bald Passwort')) as GqlClient;
    const open = await issue(manager, account.id);
    const res = await manager.ok<{ deactivateStaffAccount: Account }>(DEACTIVATE, { id: account.id });
    expect(res.deactivateStaffAccount).toMatchObject({ __typename: 'StaffAccount', active: false });
    expect((await session.ok<{ me: unknown }>(ME)).me).toBeNull();
    const queue = await session.request('query($o: ID!) { queueCounters(officeId: $o) { id } }', {
      o: offices.buergercentrum,
    });
    expect(queue.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await t.sql('SELECT 1 FROM staff_session WHERE "staffUserId" = $1', [account.id])).toEqual([]);
    expect(await signIn('geht.bald', 'Geht Bald Passwort')).toBe('InvalidCredentials');
    // Its open link is gone, and no new one is issued while deactivated.
    expect((await setPassword(open.code, 'Neues Passwort 2026', fromNewAddress())).code).toBe('UNKNOWN');
    expect(await issue(manager, account.id)).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'id', code: 'INACTIVE' }],
    });
    const back = await manager.ok<{ reactivateStaffAccount: Account }>(REACTIVATE, { id: account.id });
    expect(back.reactivateStaffAccount.active).toBe(true);
    expect(await signIn('geht.bald', 'Geht Bald Passwort')).toBeInstanceOf(GqlClient);
  });

  it('no one deactivates themselves; the last active admin stays an active admin', async () => {
    const me = await t.sql<{ id: string }>(`SELECT id FROM staff_user WHERE username = 'admin'`);
    const adminId = me[0]?.id as string;
    expect(
      (await admin.ok<{ deactivateStaffAccount: Account }>(DEACTIVATE, { id: adminId })).deactivateStaffAccount,
    ).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'id', code: 'SELF' }],
    });
    const demote = await admin.ok<{ updateStaffAccount: Account }>(UPDATE, {
      id: adminId,
      i: { roles: ['OFFICE_MANAGER'], officeIds: [offices.buergercentrum] },
    });
    expect(demote.updateStaffAccount).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'roles', code: 'LAST_ADMIN' }],
    });

    // A second admin may deactivate the first only while another admin stays; then the second is the last one.
    const second = await accountWithPassword('admin2', ['ADMIN'], [], 'Zweiter Admin 2026');
    const admin2 = (await signIn('admin2', 'Zweiter Admin 2026')) as GqlClient;
    const first = await admin2.ok<{ deactivateStaffAccount: Account }>(DEACTIVATE, { id: adminId });
    expect(first.deactivateStaffAccount.active).toBe(false);
    try {
      const selfDemote = await admin2.ok<{ updateStaffAccount: Account }>(UPDATE, {
        id: second.id,
        i: { roles: ['CLERK'], officeIds: [offices.buergercentrum] },
      });
      expect(selfDemote.updateStaffAccount).toEqual({
        __typename: 'InvalidInput',
        fields: [{ field: 'roles', code: 'LAST_ADMIN' }],
      });
      expect(await t.sql(`SELECT roles FROM staff_user WHERE id = $1`, [second.id])).toEqual([{ roles: ['ADMIN'] }]);
    } finally {
      await admin2.ok(REACTIVATE, { id: adminId });
      // Its deactivation ended the demo admin's session: sign in again for the tests after this one.
      admin = await t.admin();
    }
  });
});

describe('concurrent changes', () => {
  it('two admins deactivating each other at once: one wins, one admin stays active', async () => {
    const a = await accountWithPassword('admin.a', ['ADMIN'], [], 'Admin A Passwort 2026');
    const b = await accountWithPassword('admin.b', ['ADMIN'], [], 'Admin B Passwort 2026');
    // Only these two are active admins while the race runs.
    const others = (
      await t.sql<{ id: string }>(
        `SELECT id FROM staff_user WHERE active AND roles @> ARRAY['ADMIN']::text[] AND id <> ALL($1::uuid[])`,
        [[a.id, b.id]],
      )
    ).map((r) => r.id);
    expect(others.length).toBeGreaterThan(0);
    await t.sql('UPDATE staff_user SET active = false WHERE id = ANY($1::uuid[])', [others]);
    try {
      const clientA = (await signIn('admin.a', 'Admin A Passwort 2026')) as GqlClient;
      const clientB = (await signIn('admin.b', 'Admin B Passwort 2026')) as GqlClient;
      const outcome = async (client: GqlClient, id: string) => {
        const res = await client.request<{ deactivateStaffAccount: Account }>(DEACTIVATE, { id });
        return res.data?.deactivateStaffAccount?.__typename ?? String(res.errors?.[0]?.extensions?.code);
      };
      const outcomes = (await Promise.all([outcome(clientA, b.id), outcome(clientB, a.id)])).sort();
      // The loser is refused as the last admin, or (if it came after the winner's commit) is signed out already.
      expect([
        ['InvalidInput', 'StaffAccount'],
        ['StaffAccount', 'UNAUTHENTICATED'],
      ]).toContainEqual(outcomes);
      const active = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM staff_user WHERE active AND roles @> ARRAY['ADMIN']::text[]`,
      );
      expect(active[0]?.n).toBe(1);
    } finally {
      await t.sql('UPDATE staff_user SET active = true WHERE id = ANY($1::uuid[])', [others]);
      const restored = await t.sql('SELECT id FROM staff_user WHERE active AND id = ANY($1::uuid[])', [others]);
      expect(restored).toHaveLength(others.length);
    }
  });
});

describe('the command line', () => {
  it('invites a first admin, gives an existing admin a new link, and refuses other accounts', async () => {
    const svc = t.app.services.staffAccounts;
    const invited = await svc.inviteAdminFromShell(' Erste.Admin ', 'Erste Administratorin');
    if (invited.kind !== 'ok') throw new Error(JSON.stringify(invited));
    expect(invited.value.url).toMatch(/\/staff\/passwort#code=bcp_/);
    expect((await setPassword(invited.value.code, 'Das erste Passwort 2026', fromNewAddress())).__typename).toBe(
      'PasswordSet',
    );
    const first = (await signIn('erste.admin', 'Das erste Passwort 2026')) as GqlClient;
    expect((await first.ok<{ me: { roles: string[] } }>(ME)).me.roles).toEqual(['ADMIN']);

    const again = await svc.inviteAdminFromShell('erste.admin', 'Erste Administratorin');
    if (again.kind !== 'ok') throw new Error(JSON.stringify(again));
    expect((await setPassword(again.value.code, 'Das zweite Passwort 2026', fromNewAddress())).__typename).toBe(
      'PasswordSet',
    );
    expect(await signIn('erste.admin', 'Das zweite Passwort 2026')).toBeInstanceOf(GqlClient);

    expect(await svc.inviteAdminFromShell('schalter', 'Kein Admin')).toMatchObject({
      kind: 'invalid',
      problems: [{ field: 'username', code: 'NOT_AN_ADMIN' }],
    });
    expect(await svc.inviteAdminFromShell('x', '')).toMatchObject({
      kind: 'invalid',
      problems: [
        { field: 'username', code: 'TOO_SHORT' },
        { field: 'displayName', code: 'TOO_SHORT' },
      ],
    });
  });
});
