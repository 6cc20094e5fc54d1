import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Identity } from '../../shared/identity.js';
import { Role } from '../../shared/role.js';
import { CLOSE_FORBIDDEN, holds, parseRevocation, SignedInSockets } from './signed-in-sockets.js';

const NOW = new Date('2027-03-01T08:00:00Z');
const now = () => new Date(NOW);
const HOUR = 3600_000;

const staff: Identity = {
  kind: 'staff',
  sessionId: 's1',
  sessionExpiresAt: new Date(NOW.getTime() + 12 * HOUR),
  user: { id: 'u1', username: 'schalter', displayName: 'Sam', roles: [Role.CLERK] },
};
const device: Identity = {
  kind: 'device',
  device: { id: 'd1', officeId: 'o1', kind: Role.DISPLAY, name: 'Anzeige' },
};
const portal: Identity = { kind: 'portal', apiKey: { id: 'k1', name: 'Portal', requestsPerMinute: null } };

class FakeSocket {
  closed: [number, string] | null = null;
  close(code: number, reason: string) {
    this.closed = [code, reason];
  }
}

describe('parseRevocation', () => {
  it('reads the trigger payload and ignores anything else', () => {
    expect(parseRevocation('{"k":"apiKey","id":"k1"}')).toEqual({ kind: 'apiKey', id: 'k1' });
    expect(parseRevocation('{"k":"session","id":"s1"}')).toEqual({ kind: 'session', id: 's1' });
    expect(parseRevocation('{"k":"office","id":"o1"}')).toBeNull();
    expect(parseRevocation('{"k":"device"}')).toBeNull();
    expect(parseRevocation('not json')).toBeNull();
    expect(parseRevocation(undefined)).toBeNull();
  });
});

describe('holds', () => {
  it('a staff socket holds its session and its account; devices and keys hold themselves', () => {
    expect(holds(staff, { kind: 'session', id: 's1' })).toBe(true);
    expect(holds(staff, { kind: 'staff', id: 'u1' })).toBe(true);
    expect(holds(staff, { kind: 'session', id: 's2' })).toBe(false);
    expect(holds(staff, { kind: 'device', id: 'u1' })).toBe(false);
    expect(holds(device, { kind: 'device', id: 'd1' })).toBe(true);
    expect(holds(device, { kind: 'apiKey', id: 'd1' })).toBe(false);
    expect(holds(portal, { kind: 'apiKey', id: 'k1' })).toBe(true);
    expect(holds({ kind: 'anonymous' }, { kind: 'session', id: 's1' })).toBe(false);
  });
});

describe('SignedInSockets', () => {
  it('a notice closes exactly the sockets holding the credential, once', () => {
    const sockets = new SignedInSockets<FakeSocket>(async () => 'invalid', now);
    const [a, b, c, phone] = [new FakeSocket(), new FakeSocket(), new FakeSocket(), new FakeSocket()];
    sockets.add(a, {}, portal);
    sockets.add(b, {}, portal);
    sockets.add(c, {}, device);
    sockets.add(phone, {}, { kind: 'anonymous' });
    expect(sockets.size).toBe(3); // the anonymous one is not kept
    expect(sockets.revoked({ kind: 'apiKey', id: 'k1' })).toBe(2);
    expect([a.closed, b.closed, c.closed]).toEqual([
      [CLOSE_FORBIDDEN, 'Forbidden'],
      [CLOSE_FORBIDDEN, 'Forbidden'],
      null,
    ]);
    expect(sockets.revoked({ kind: 'apiKey', id: 'k1' })).toBe(0);
    sockets.remove(c);
    expect(sockets.revoked({ kind: 'device', id: 'd1' })).toBe(0);
    expect(c.closed).toBeNull();
  });

  it('the periodic check closes sockets whose credentials no longer hold, and keeps them when the database fails', async () => {
    let answer: () => Promise<Identity | 'invalid'> = async () => staff;
    const sockets = new SignedInSockets<FakeSocket>(() => answer(), now);
    const socket = new FakeSocket();
    sockets.add(socket, { sessionToken: 'x' }, staff);
    await sockets.recheck();
    expect(socket.closed).toBeNull();
    answer = () => Promise.reject(new Error('connection refused'));
    await sockets.recheck();
    expect(socket.closed).toBeNull();
    answer = async () => ({ kind: 'anonymous' }); // the session expired
    await sockets.recheck();
    expect(socket.closed).toEqual([CLOSE_FORBIDDEN, 'Forbidden']);
    expect(sockets.size).toBe(0);
  });

  describe('a staff socket at the end of its session', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('closes when the session expires, with no notice and no periodic check', () => {
      vi.useFakeTimers();
      const sockets = new SignedInSockets<FakeSocket>(async () => staff, now);
      const [clerk, display] = [new FakeSocket(), new FakeSocket()];
      sockets.add(clerk, { sessionToken: 'x' }, staff);
      sockets.add(display, { bearer: 'bcd_x' }, device);
      vi.advanceTimersByTime(12 * HOUR - 1);
      expect(clerk.closed).toBeNull();
      vi.advanceTimersByTime(1);
      expect(clerk.closed).toEqual([CLOSE_FORBIDDEN, 'Forbidden']);
      expect(display.closed).toBeNull(); // devices have no session to expire
      expect(sockets.size).toBe(1);
    });

    it('waits out a session longer than a timer holds (30 days), and forgets a socket that closed', () => {
      vi.useFakeTimers();
      const sockets = new SignedInSockets<FakeSocket>(async () => staff, now);
      const month: Identity = { ...staff, sessionExpiresAt: new Date(NOW.getTime() + 30 * 24 * HOUR) };
      const [long, gone] = [new FakeSocket(), new FakeSocket()];
      sockets.add(long, { sessionToken: 'x' }, month);
      sockets.add(gone, { sessionToken: 'y' }, staff);
      sockets.remove(gone);
      vi.advanceTimersByTime(30 * 24 * HOUR - 1);
      expect(long.closed).toBeNull();
      expect(gone.closed).toBeNull();
      vi.advanceTimersByTime(1);
      expect(long.closed).toEqual([CLOSE_FORBIDDEN, 'Forbidden']);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
