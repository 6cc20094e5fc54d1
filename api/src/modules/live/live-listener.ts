/**
 * The process's ear on PostgreSQL: one dedicated connection that LISTENs on `bc_live`, where triggers announce every
 * committed change of an office's queue (migration "live"), and on `bc_revoked`, where they announce revoked
 * sessions, devices and portal keys (migration "revocation-notices"). Events carry ids only. When the connection
 * drops it reconnects with backoff and then asks everyone to resync, since notifications sent meanwhile are lost:
 * listeners reload the current state (and check open sockets again), so nothing is missed.
 */
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { LIVE_CHANNEL, REVOKED_CHANNEL } from '../../db/channels.js';
import { type Logger, LogThrottle } from '../../logger.js';
import { parseRevocation, type Revocation } from './signed-in-sockets.js';

export type LiveEvent = { officeId: string; ticketId: string | null; source: string };

const BACKOFF_MS = [100, 250, 500, 1_000, 2_000, 5_000];

/** Reads a trigger's payload; anything else on the channel is ignored. */
export function parseLiveEvent(payload: string | undefined): LiveEvent | null {
  try {
    const p = JSON.parse(payload ?? '') as { o?: unknown; t?: unknown; s?: unknown };
    if (typeof p.o !== 'string') return null;
    return { officeId: p.o, ticketId: typeof p.t === 'string' ? p.t : null, source: String(p.s ?? '') };
  } catch {
    return null;
  }
}

export class LiveListener {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | null = null;
  private stopped = true;
  private attempt = 0;
  private retry: NodeJS.Timeout | undefined;
  /** Retries while PostgreSQL is away are logged once, then counted (LogThrottle). */
  private readonly log: LogThrottle;

  constructor(
    private readonly connection: pg.ClientConfig,
    log: Logger,
  ) {
    this.log = new LogThrottle(log);
  }

  onEvent(fn: (e: LiveEvent) => void): () => void {
    this.emitter.on('event', fn);
    return () => this.emitter.off('event', fn);
  }

  /** A session, account, device or portal key was revoked or changed (committed, in any process). */
  onRevoked(fn: (r: Revocation) => void): () => void {
    this.emitter.on('revoked', fn);
    return () => this.emitter.off('revoked', fn);
  }

  /** After a reconnect: notifications may have been missed, every listener should reload. */
  onResync(fn: () => void): () => void {
    this.emitter.on('resync', fn);
    return () => this.emitter.off('resync', fn);
  }

  /** Resolves once listening; a database that is down at start is retried in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.log.clear();
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const c = new pg.Client({ ...this.connection, keepAlive: true });
    const lost = (err?: Error) => {
      if (this.client !== c) return;
      this.client = null;
      c.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn({ err }, 'live updates: connection to PostgreSQL lost, reconnecting');
      this.schedule();
    };
    c.on('error', lost);
    c.on('end', () => lost());
    c.on('notification', (msg) => {
      const e = msg.channel === LIVE_CHANNEL ? parseLiveEvent(msg.payload) : null;
      if (e) this.emitter.emit('event', e);
      const r = msg.channel === REVOKED_CHANNEL ? parseRevocation(msg.payload) : null;
      if (r) this.emitter.emit('revoked', r);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}; LISTEN ${REVOKED_CHANNEL}`);
    } catch (err) {
      c.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn({ err }, 'live updates: cannot listen yet, retrying');
      this.schedule();
      return;
    }
    if (this.stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    this.client = c;
    const reconnected = this.attempt > 0;
    this.attempt = 0;
    if (reconnected) this.emitter.emit('resync');
  }

  private schedule(): void {
    const delay = BACKOFF_MS[Math.min(this.attempt, BACKOFF_MS.length - 1)] ?? 5_000;
    this.attempt += 1;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), delay);
    this.retry.unref();
  }
}
