import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, take } from './gql-client.js';
import { createTestApp, type TestApp } from './test-app.js';

const SERVER_TIME = 'subscription { serverTime }';

describe('subscriptions over graphql-ws on /graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
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

  it('applies the same query limits as HTTP', async () => {
    const socket = t.display().socket();
    const aliases = `subscription { ${Array.from({ length: 20 }, (_, i) => `a${i}: serverTime`).join(' ')} }`;
    const { errors } = await take(socket, aliases, 1);
    await socket.dispose();
    expect(JSON.stringify(errors)).toMatch(/alias/i);
  });
});

describe('signed-in sockets are checked again', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LIVE_RECHECK_SECONDS: '1' } });
  });
  afterAll(() => t?.close());

  const closedWith = (errors: unknown[]) => (errors[0] as { code?: number } | undefined)?.code;

  it('a revoked display loses its open socket', async () => {
    const display = t.display();
    const { currentDevice } = await display.ok<{ currentDevice: { id: string } }>('{ currentDevice { id } }');
    const socket = display.socket();
    const ticks = follow(socket, SERVER_TIME);
    await ticks.until(() => true);
    expect(await t.app.services.credentials.revokeDevice(currentDevice.id)).toBe(true);
    await expect.poll(() => closedWith(ticks.errors), { timeout: 5_000 }).toBe(4403);
    await socket.dispose();
  });

  it('a clerk who signs out loses the open socket; an anonymous one is left alone', async () => {
    const clerk = await t.clerk();
    const socket = clerk.socket({ origin: t.baseUrl });
    const ticks = follow(socket, SERVER_TIME);
    await ticks.until(() => true);
    const phone = t.anonymous().socket();
    const tracking = follow(phone, 'subscription { trackedTicket(token: "unknown") { __typename } }');
    await tracking.until(() => true);
    await clerk.ok('mutation { logout }');
    await expect.poll(() => closedWith(ticks.errors), { timeout: 5_000 }).toBe(4403);
    expect(tracking.errors).toEqual([]);
    await Promise.all([socket.dispose(), phone.dispose()]);
  });
});
