/**
 * The open WebSockets of staff, devices and portals, and what ends them: a revocation notice from PostgreSQL (a
 * trigger sends one on the channel `bc_revoked` when a session is deleted, an account loses roles, offices or its
 * active flag, a device is revoked or paired anew, or a portal key is revoked; migration "revocation-notices") closes
 * the sockets holding that credential at once, in every api process. A staff socket also closes when its session
 * expires (a timer per socket). A periodic check of every socket's credentials stays as the safety net (notices lost
 * while the LISTEN connection was down, a clock set forward).
 */
import type { Identity } from '../../shared/identity.js';
import type { Credentials } from '../staff/identity.service.js';

/** What a notice names: a staff session, a staff account, a device or a portal key. */
export type Revocation = { kind: 'session' | 'staff' | 'device' | 'apiKey'; id: string };

const kinds = new Set<string>(['session', 'staff', 'device', 'apiKey']);

/** Reads a trigger's payload (`{"k": kind, "id": uuid}`); anything else is ignored. */
export function parseRevocation(payload: string | undefined): Revocation | null {
  try {
    const p = JSON.parse(payload ?? '') as { k?: unknown; id?: unknown };
    if (typeof p.k !== 'string' || !kinds.has(p.k) || typeof p.id !== 'string') return null;
    return { kind: p.k as Revocation['kind'], id: p.id };
  } catch {
    return null;
  }
}

/** Whether a socket opened with this identity holds what the notice names. */
export function holds(identity: Identity, r: Revocation): boolean {
  switch (identity.kind) {
    case 'staff':
      return (r.kind === 'session' && r.id === identity.sessionId) || (r.kind === 'staff' && r.id === identity.user.id);
    case 'device':
      return r.kind === 'device' && r.id === identity.device.id;
    case 'portal':
      return r.kind === 'apiKey' && r.id === identity.apiKey.id;
    case 'anonymous':
      return false;
  }
}

/** 4403 as graphql-ws uses it for a refused connection: the client may reconnect and is checked again then. */
export const CLOSE_FORBIDDEN = 4403;

/** The longest wait a Node.js timer holds (about 24.8 days); a longer session (up to 30 days) is waited out in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type Closable = { close(code: number, reason: string): void };
type Held = { credentials: Credentials; identity: Identity; expiry?: NodeJS.Timeout };

export class SignedInSockets<S extends Closable> {
  private readonly sockets = new Map<S, Held>();

  constructor(
    private readonly resolve: (credentials: Credentials) => Promise<Identity | 'invalid'>,
    private readonly now: () => Date,
  ) {}

  get size(): number {
    return this.sockets.size;
  }

  /** Anonymous sockets (tracking pages) hold nothing that can be revoked and are not kept. */
  add(socket: S, credentials: Credentials, identity: Identity): void {
    if (identity.kind === 'anonymous') return;
    const held: Held = { credentials, identity };
    this.sockets.set(socket, held);
    if (identity.kind === 'staff')
      this.endAfter(socket, held, identity.sessionExpiresAt.getTime() - this.now().getTime());
  }

  remove(socket: S): void {
    clearTimeout(this.sockets.get(socket)?.expiry);
    this.sockets.delete(socket);
  }

  /**
   * Closes every socket holding what was revoked; returns how many. Not checked again first: the notice means the
   * credential changed (revoked, or the account's rights changed), and a socket still entitled simply reconnects
   * with its rights as they are now.
   */
  revoked(r: Revocation): number {
    let closed = 0;
    for (const [socket, { identity }] of this.sockets) {
      if (!holds(identity, r)) continue;
      this.end(socket);
      closed += 1;
    }
    return closed;
  }

  /** Checks every socket's credentials again and closes those no longer valid (a database error keeps them). */
  async recheck(): Promise<void> {
    for (const [socket, { credentials, identity }] of [...this.sockets]) {
      const now = await this.resolve(credentials).catch(() => null);
      if (now !== null && (now === 'invalid' || now.kind !== identity.kind)) this.end(socket);
    }
  }

  /** Ends a staff socket when its session runs out: no notice is sent for that. */
  private endAfter(socket: S, held: Held, ms: number): void {
    const step = Math.max(0, Math.min(ms, MAX_TIMER_MS));
    held.expiry = setTimeout(() => {
      if (ms > step) this.endAfter(socket, held, ms - step);
      else this.end(socket);
    }, step).unref();
  }

  private end(socket: S): void {
    this.remove(socket);
    socket.close(CLOSE_FORBIDDEN, 'Forbidden');
  }
}
