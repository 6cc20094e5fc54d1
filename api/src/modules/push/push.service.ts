/**
 * Web Push for the tracking page: the VAPID key pair, the visitors' subscriptions by tracking token, and the
 * dispatch of the outbox rows PushOutbox writes in the queue's transactions (push-outbox.store.ts).
 */
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import type { QueueViewService } from '../queue/queue-view.service.js';
import { trackingLink } from '../queue/rules/queue-codes.js';
import { TicketStatus } from '../queue/rules/ticket-model.js';
import {
  claimDue,
  deleteSubscription,
  forgetEndpoint,
  purgeSettled,
  settle,
  upsertSubscription,
  type VapidKeys,
  vapidKeys,
} from './push.store.js';
import { PushStatus } from './push-message.entity.js';
import { PushOutbox } from './push-outbox.store.js';
import {
  checkSubscription,
  isGone,
  isTransient,
  pushPayload,
  retryDelayMs,
  type SubscriptionInput,
} from './push-rules.js';
import { generateVapidKeys, sendPush } from './push-sender.js';

export type PushConfig = {
  publicUrl: string;
  /** VAPID subject: a mailto: or https: URL the push services may contact. */
  subject: string;
  /** Hosts (and their subdomains) of the push services the api sends to. */
  endpointHosts: string[];
};

export type SubscribeOutcome =
  | { kind: 'ok'; aheadThreshold: number; peopleAhead: number | null }
  | { kind: 'notFound' }
  | { kind: 'ended'; status: TicketStatus }
  | { kind: 'invalid'; problems: FieldProblem[] };

export type PushDispatchResult = { sent: number; retrying: number; failed: number; gone: number };

/** A push that has not arrived after this long is of no use any more (the visitor was called or went). */
const TTL_SECONDS = 30 * 60;
/** Rows a dispatch run sends at most (the next run goes on). */
const MAX_PER_RUN = 200;
const DAY_MS = 86_400_000;

const ENDED = new Set([TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED]);

export class PushService {
  /** The queue's hook: write the pushes of a change in its transaction. */
  readonly outbox: PushOutbox;
  private keys: Promise<VapidKeys> | undefined;
  private wake: () => void = () => {};

  constructor(
    private readonly ds: DataSource,
    private readonly config: PushConfig,
    private readonly now: () => Date,
    private readonly log: Logger,
    private readonly views: () => QueueViewService,
  ) {
    this.outbox = new PushOutbox(now, () => this.wake());
  }

  /** Called when pushes were queued (after the queue change's commit); the scheduler sets it. */
  onQueued(wake: () => void): void {
    this.wake = wake;
  }

  /** The VAPID key pair, generated at the first start and kept in the database (the same for every process). */
  vapid(): Promise<VapidKeys> {
    this.keys ??= vapidKeys(this.ds.manager, generateVapidKeys).catch((err) => {
      this.keys = undefined;
      throw err;
    });
    return this.keys;
  }

  async publicKey(): Promise<string> {
    return (await this.vapid()).publicKey;
  }

  /**
   * The holder of the tracking link asks for pushes in this browser. Already at or below the threshold: the "N ahead"
   * push is not sent (the page shows it), the others are.
   */
  async subscribe(token: string, input: SubscriptionInput): Promise<SubscribeOutcome> {
    const checked = checkSubscription(input, this.config.endpointHosts);
    const ticket = await this.views().tracked(token);
    if (!ticket) return { kind: 'notFound' };
    if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
    if (ENDED.has(ticket.status)) return { kind: 'ended', status: ticket.status };
    const ahead = ticket.estimate?.peopleAhead ?? null;
    const reached = ticket.status !== TicketStatus.WAITING || (ahead !== null && ahead <= checked.value.aheadThreshold);
    await this.ds.transaction((m) =>
      upsertSubscription(m, ticket.id, token.trim(), checked.value, reached ? this.now() : null),
    );
    return { kind: 'ok', aheadThreshold: checked.value.aheadThreshold, peopleAhead: ahead };
  }

  /** This browser wants no more pushes for the ticket; true when it had a subscription. */
  async unsubscribe(token: string, endpoint: string): Promise<boolean | 'notFound'> {
    const ticket = await this.views().trackedRef(token);
    if (!ticket) return 'notFound';
    return deleteSubscription(this.ds.manager, ticket.id, endpoint.trim());
  }

  /** Sends every due push by the service clock, one row per transaction; safe to run in many processes. */
  async dispatchDue(): Promise<PushDispatchResult> {
    const result: PushDispatchResult = { sent: 0, retrying: 0, failed: 0, gone: 0 };
    const vapid = { ...(await this.vapid()), subject: this.config.subject };
    for (let i = 0; i < MAX_PER_RUN; i++) {
      const outcome = await this.ds.transaction(async (m) => {
        const row = await claimDue(m, this.now());
        if (!row) return null;
        const payload = pushPayload(
          row.kind,
          row.language,
          row.data,
          trackingLink(this.config.publicUrl, row.trackingToken),
        );
        const topic = row.id.replaceAll('-', '');
        const res = await sendPush(row, JSON.stringify(payload), vapid, { ttlSeconds: TTL_SECONDS, topic });
        const attempts = row.attempts + 1;
        const now = this.now();
        if (res.status !== null && res.status >= 200 && res.status < 300) {
          await settle(m, row.id, PushStatus.SENT, { attempts, lastError: null, sentAt: now });
          return 'sent' as const;
        }
        if (res.status !== null && isGone(res.status)) {
          await settle(m, row.id, PushStatus.GONE, { attempts, lastError: res.error });
          await forgetEndpoint(m, row.endpoint);
          return 'gone' as const;
        }
        const delay = isTransient(res.status) ? retryDelayMs(attempts) : null;
        this.log.warn({ pushId: row.id, status: res.status, err: res.error, attempts }, 'push not delivered');
        if (delay === null) {
          await settle(m, row.id, PushStatus.FAILED, { attempts, lastError: res.error });
          return 'failed' as const;
        }
        await settle(m, row.id, PushStatus.PENDING, {
          attempts,
          lastError: res.error,
          nextAttemptAt: new Date(now.getTime() + delay),
        });
        return 'retrying' as const;
      });
      if (!outcome) break;
      result[outcome] += 1;
    }
    return result;
  }

  /** Removes settled pushes older than a day; the pending ones stay. */
  purge(): Promise<number> {
    return purgeSettled(this.ds.manager, new Date(this.now().getTime() - DAY_MS));
  }
}
