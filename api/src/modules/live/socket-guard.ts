/**
 * Keeps one address from crowding out everyone else on the WebSocket endpoint: at most so many open sockets and so
 * many new connections a minute per client address (per process; a flood is a local matter), at most so many
 * subscriptions per socket, and a socket that does not read what it is sent is dropped before its backlog grows.
 */
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';

export type SocketLimits = {
  socketsPerAddress: number;
  connectsPerMinute: number;
  subscriptionsPerSocket: number;
  /** Bytes queued for a socket beyond which it counts as not reading. */
  maxBufferedBytes: number;
  /** How often the credentials of signed-in sockets (staff, devices, portals) are checked again. */
  recheckSeconds: number;
};

/** The client's address: the socket's, or with a trusted proxy the first X-Forwarded-For entry (as Express does). */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? request.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || request.socket.remoteAddress || 'unknown';
}

export class SocketGuard {
  private readonly open = new Map<string, number>();
  private readonly connects: RateLimiterMemory;

  constructor(readonly limits: SocketLimits) {
    this.connects = new RateLimiterMemory({ points: limits.connectsPerMinute, duration: 60 });
  }

  /** Whether a new socket from this address is let in; if so, it counts until `closed`. */
  async admit(address: string): Promise<boolean> {
    if ((this.open.get(address) ?? 0) >= this.limits.socketsPerAddress) return false;
    try {
      await this.connects.consume(address);
    } catch {
      return false;
    }
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
    return true;
  }

  closed(address: string): void {
    const n = (this.open.get(address) ?? 1) - 1;
    if (n <= 0) this.open.delete(address);
    else this.open.set(address, n);
  }

  /** Whether a socket with this many bytes still queued has stopped reading. */
  stalled(bufferedAmount: number): boolean {
    return bufferedAmount > this.limits.maxBufferedBytes;
  }
}
