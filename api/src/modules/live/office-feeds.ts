/**
 * One shared, current picture of each office's queue per process, for every live subscriber of that office. A
 * change (from any process, through LiveListener) reloads the office once — however many subscribers there are and
 * however many changes arrive meanwhile — and offers the new snapshot to all of them. Each subscriber gets its own
 * view of the current snapshot first, then of every newer one where that view changed; a slow subscriber skips to
 * the newest (a sliding buffer of one), so memory stays flat and nothing stale is ever delivered late.
 */
import { Repeater, SlidingBuffer } from '@graphql-yoga/subscription';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { type Logger, LogThrottle } from '../../logger.js';
import type { WaitEstimate } from '../queue/rules/estimate.js';
import { waitingEstimates } from '../queue/rules/queue-estimates.js';
import type { QueueState, TicketRow } from '../queue/rules/queue-model.js';
import type { LiveListener } from './live-listener.js';

export type OfficeSnapshot = {
  /** Grows with every reload in this process; equal revisions are the same picture. */
  revision: number;
  state: QueueState;
  byId: Map<string, TicketRow>;
  estimates: Map<string, WaitEstimate>;
};

/** What a reload computes once for all subscribers of the office. */
export function officeSnapshot(state: QueueState): Omit<OfficeSnapshot, 'revision'> {
  return { state, byId: new Map(state.tickets.map((t) => [t.id, t])), estimates: waitingEstimates(state) };
}

/**
 * One subscriber: what it makes of a snapshot (`project`, sync, or async on a rare path) and the key of what it
 * was sent last. The projection runs in the feed's loop, so an unchanged view costs no wake-up of the subscriber.
 */
type Subscriber = {
  project: (s: OfficeSnapshot | null) => unknown;
  key: (v: unknown) => string;
  last: string | undefined;
  push: (v: unknown) => void;
};

type Feed = {
  subscribers: Set<Subscriber>;
  latest: OfficeSnapshot | null | undefined;
  loading: Promise<void> | null;
  dirty: boolean;
};

/** Sends the subscriber its view of the snapshot, if that differs from the last one it was sent. */
function offer(sub: Subscriber, snap: OfficeSnapshot | null): void {
  const send = (v: unknown) => {
    const k = sub.key(v);
    if (k === sub.last) return;
    sub.last = k;
    sub.push(v);
  };
  let v: unknown;
  try {
    v = sub.project(snap);
  } catch {
    return; // a view that cannot be made now is tried again with the next snapshot
  }
  if (v instanceof Promise) v.then(send, () => undefined);
  else send(v);
}

export class OfficeFeeds {
  private readonly feeds = new Map<string, Feed>();
  private revision = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly unlisten: (() => void)[] = [];

  private readonly outageLog: LogThrottle;

  constructor(
    /** The office's picture now (officeSnapshot of its queue state); null when there is no such office. */
    private readonly load: (officeId: string) => Promise<Omit<OfficeSnapshot, 'revision'> | null>,
    private readonly log: Logger,
    /** Estimates move with time alone: reload watched offices this often even without changes. */
    private readonly refreshMs = 30_000,
  ) {
    this.outageLog = new LogThrottle(log);
  }

  attach(listener: LiveListener): void {
    this.unlisten.push(
      listener.onEvent((e) => this.changed(e.officeId)),
      listener.onResync(() => {
        for (const id of this.feeds.keys()) this.changed(id);
      }),
    );
    this.timer = setInterval(() => {
      for (const id of this.feeds.keys()) this.changed(id);
    }, this.refreshMs).unref();
  }

  detach(): void {
    clearInterval(this.timer);
    for (const off of this.unlisten.splice(0)) off();
  }

  /** How many subscribers this process serves (all offices). */
  get subscriberCount(): number {
    let n = 0;
    for (const f of this.feeds.values()) n += f.subscribers.size;
    return n;
  }

  /**
   * What `project` makes of the office's current snapshot, then of each newer one whenever its `key` differs from
   * the last one sent, until the consumer stops. The snapshot is null when there is no such office (any more).
   */
  watch<T>(
    officeId: string,
    project: (s: OfficeSnapshot | null) => T | Promise<T>,
    key: (v: T) => string = (v) => JSON.stringify(v),
  ): Repeater<T> {
    return new Repeater<T>(async (push, stop) => {
      let feed = this.feeds.get(officeId);
      if (!feed) {
        feed = { subscribers: new Set(), latest: undefined, loading: null, dirty: false };
        this.feeds.set(officeId, feed);
      }
      const sub: Subscriber = {
        project: project as Subscriber['project'],
        key: key as Subscriber['key'],
        last: undefined,
        push: (v) => void push(v as T),
      };
      feed.subscribers.add(sub);
      if (feed.latest !== undefined) offer(sub, feed.latest);
      // The first subscriber starts the first load; those who come while it runs get its result.
      else if (!feed.loading) this.changed(officeId);
      await stop;
      feed.subscribers.delete(sub);
      if (feed.subscribers.size === 0 && !feed.loading) this.feeds.delete(officeId);
    }, new SlidingBuffer(1));
  }

  /** Something changed at the office: reload once now, and once more after if changes came during the reload. */
  changed(officeId: string): void {
    const feed = this.feeds.get(officeId);
    if (!feed) return;
    if (feed.loading) {
      feed.dirty = true;
      return;
    }
    feed.loading = this.reload(officeId, feed);
  }

  private async reload(officeId: string, feed: Feed): Promise<void> {
    try {
      do {
        feed.dirty = false;
        const picture = await this.load(officeId).catch((err) => {
          // While PostgreSQL is away every watched office fails on each refresh: one line a minute, not one per office.
          if (isDatabaseUnavailable(err))
            this.outageLog.warn({ err }, 'live updates: database unavailable, pictures kept');
          else this.log.error({ err, officeId }, 'live updates: cannot load the office');
          return undefined;
        });
        // Subscribers keep the last picture; the next change or the periodic refresh tries again.
        if (picture === undefined) break;
        this.revision += 1;
        feed.latest = picture && { revision: this.revision, ...picture };
        for (const sub of feed.subscribers) offer(sub, feed.latest);
      } while (feed.dirty && feed.subscribers.size > 0);
    } finally {
      feed.loading = null;
      if (feed.subscribers.size === 0) this.feeds.delete(officeId);
    }
  }
}
