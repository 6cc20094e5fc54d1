import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, SocketGuard } from './socket-guard.js';

const limits = {
  socketsPerAddress: 2,
  connectsPerMinute: 3,
  subscriptionsPerSocket: 10,
  maxBufferedBytes: 1000,
  recheckSeconds: 60,
};

describe('SocketGuard', () => {
  it('lets in so many open sockets per address, and again once one closed', async () => {
    const guard = new SocketGuard({ ...limits, connectsPerMinute: 100 });
    expect(await guard.admit('10.0.0.1')).toBe(true);
    expect(await guard.admit('10.0.0.1')).toBe(true);
    expect(await guard.admit('10.0.0.1')).toBe(false);
    expect(await guard.admit('10.0.0.2')).toBe(true);
    guard.closed('10.0.0.1');
    expect(await guard.admit('10.0.0.1')).toBe(true);
  });

  it('limits new connections per minute even when each closes again', async () => {
    const guard = new SocketGuard(limits);
    for (let i = 0; i < 3; i += 1) {
      expect(await guard.admit('10.0.0.1')).toBe(true);
      guard.closed('10.0.0.1');
    }
    expect(await guard.admit('10.0.0.1')).toBe(false);
    expect(await guard.admit('10.0.0.9')).toBe(true);
  });

  it('counts a socket with more than the limit unsent as stalled', () => {
    const guard = new SocketGuard(limits);
    expect(guard.stalled(1000)).toBe(false);
    expect(guard.stalled(1001)).toBe(true);
  });
});

describe('clientAddress', () => {
  const request = (forwarded?: string) =>
    ({
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
      socket: { remoteAddress: '127.0.0.1' },
    }) as unknown as IncomingMessage;

  it('takes the socket address unless a proxy is trusted', () => {
    expect(clientAddress(request('203.0.113.7, 10.0.0.1'), false)).toBe('127.0.0.1');
    expect(clientAddress(request('203.0.113.7, 10.0.0.1'), true)).toBe('203.0.113.7');
    expect(clientAddress(request(), true)).toBe('127.0.0.1');
  });
});
