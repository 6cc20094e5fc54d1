import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_MAX_FAILURES } from '../src/modules/staff/auth.service.js';
import { Role } from '../src/shared/role.js';
import { createTestApp, type TestApp } from './test-app.js';

const LOGIN = `mutation($u: String!, $p: String!) {
  login(username: $u, password: $p) {
    __typename
    ... on LoginSuccess { me { username displayName roles offices { slug } } }
    ... on InvalidCredentials { code message }
    ... on TooManyAttempts { code message retryAfterSeconds }
  }
}`;

describe('staff authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('signs in with username and password and sets an HttpOnly, SameSite session cookie', async () => {
    const client = t.anonymous();
    const res = await client.request(LOGIN, { u: 'Schalter ', p: 'Demo-Schalter-2026' });
    expect(res.data?.login).toEqual({
      __typename: 'LoginSuccess',
      me: {
        username: 'schalter',
        displayName: 'Sam Schalter',
        roles: ['CLERK'],
        offices: [{ slug: 'buergercentrum' }],
      },
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('bc_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.ok('{ me { username } }');
    expect(me.me).toEqual({ username: 'schalter' });
    // Only a hash of the secret is stored.
    const rows = await t.sql<{ tokenHash: string }>('SELECT "tokenHash" FROM staff_session');
    const secret = client.cookie?.split('=')[1] ?? '';
    expect(secret.length).toBeGreaterThan(40);
    expect(rows.map((r) => r.tokenHash)).not.toContain(secret);
  });

  it('answers a wrong password and an unknown user the same way, revealing nothing', async () => {
    const wrongPassword = await t.anonymous().ok(LOGIN, { u: 'info', p: 'nope' });
    const unknownUser = await t.anonymous().ok(LOGIN, { u: 'nobody-here', p: 'nope' });
    expect(wrongPassword.login).toEqual(unknownUser.login);
    expect(wrongPassword.login.__typename).toBe('InvalidCredentials');
    expect(wrongPassword.login.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account from an address after repeated failures, even for the right password', async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const res = await t.anonymous().ok(LOGIN, { u: 'leitung', p: `wrong-${i}` });
      expect(res.login.__typename).toBe('InvalidCredentials');
    }
    const locked = await t.anonymous().ok(LOGIN, { u: 'leitung', p: 'Demo-Leitung-2026' });
    expect(locked.login.__typename).toBe('TooManyAttempts');
    expect(locked.login.retryAfterSeconds).toBeGreaterThan(0);
    // Another account is not affected.
    const other = await t.anonymous().ok(LOGIN, { u: 'admin', p: 'Demo-Admin-2026' });
    expect(other.login.__typename).toBe('LoginSuccess');
  });

  it('logs out: the old cookie no longer signs in', async () => {
    const client = await t.clerk();
    const stolen = client.cookie;
    expect(await client.ok('mutation { logout }')).toEqual({ logout: true });
    expect(client.cookie).toBeUndefined();
    const replay = t.anonymous();
    replay.cookie = stolen;
    expect((await replay.ok('{ me { username } }')).me).toBeNull();
  });

  it('an expired session counts as signed out', async () => {
    const client = await t.clerk();
    t.clock.advance(13 * 3600 * 1000);
    try {
      expect((await client.ok('{ me { username } }')).me).toBeNull();
    } finally {
      t.clock.advance(-13 * 3600 * 1000);
    }
  });

  it('a device signs in with its token; an unknown or revoked token is refused with 401', async () => {
    const display = t.display();
    const device = await display.ok('{ currentDevice { kind name office { slug } } }');
    expect(device.currentDevice).toEqual({
      kind: 'DISPLAY',
      name: 'Aufrufanzeige Wartezone',
      office: { slug: 'buergercentrum' },
    });
    const forged = await t.anonymous().request('{ offices { id } }', undefined, {
      headers: { authorization: 'Bearer bcd_guessed-token' },
    });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data).toBeUndefined();

    const { id, token } = await t.app.services.credentials.createDevice({
      officeSlug: 'buergercentrum',
      kind: Role.KIOSK,
      name: 'Terminal 2',
    });
    const kiosk = t.anonymous();
    kiosk.bearer = token;
    expect((await kiosk.ok('{ currentDevice { name } }')).currentDevice.name).toBe('Terminal 2');
    await t.app.services.credentials.revokeDevice(id);
    expect((await kiosk.request('{ currentDevice { name } }')).status).toBe(401);
  });

  it('a portal key works until it is revoked', async () => {
    const portal = t.portal();
    expect((await portal.ok('{ offices { slug } }')).offices.length).toBe(2);
    await t.app.services.credentials.revokeApiKey(t.portalKey.id);
    expect((await portal.request('{ offices { slug } }')).status).toBe(401);
  });

  it('refuses an operation to anonymous callers (UNAUTHENTICATED) and to the wrong role (FORBIDDEN)', async () => {
    const anonymous = await t.anonymous().request('mutation { logout }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const kiosk = await t.kiosk().request('mutation { logout }');
    expect(kiosk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const clerk = await (await t.clerk()).request('{ currentDevice { id } }');
    expect(clerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
