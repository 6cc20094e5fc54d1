/**
 * The live streams: a ticket for its holder, the call board for displays, the office's queue for staff screens.
 * Each starts with the current state and follows the office's shared snapshot (office-feeds.ts); a stream only
 * sends when what its subscriber sees has changed.
 */
import { filter, map, pipe } from '@graphql-yoga/subscription';
import type { DataSource } from 'typeorm';
import { isUuid } from '../catalog/catalog.service.js';
import type { TicketView } from '../queue/queue-outcomes.js';
import { loadTicketRow } from '../queue/queue-state.js';
import type { QueueViewService } from '../queue/queue-view.service.js';
import { type Actor, ticketIdByToken, worksIn } from '../queue/ticket-store.js';
import { type CallBoardView, callBoard, ticketOfSnapshot } from './live-views.js';
import type { OfficeFeeds } from './office-feeds.js';

export type OfficeQueueView = { officeId: string; revision: number; at: Date; tickets: TicketView[] };

/** Passes a value on only when it differs (by key) from the one passed before. */
function changesOnly<T>(key: (v: T) => string) {
  let last: string | undefined;
  return filter<T>((v) => {
    const k = key(v);
    if (k === last) return false;
    last = k;
    return true;
  });
}

export class LiveService {
  constructor(
    private readonly ds: DataSource,
    private readonly views: QueueViewService,
    readonly feeds: OfficeFeeds,
  ) {}

  /** Whether the actor may watch the office: its staff (ADMIN everywhere) and its own devices. */
  async mayWatch(actor: Actor, officeId: string): Promise<boolean> {
    return isUuid(officeId) && (await worksIn(this.ds.manager, actor, officeId));
  }

  /**
   * The ticket behind a tracking token as its holder sees it (`present`), now and after every change of that;
   * null as the only value for an unknown token. Knowing the token gives this ticket and nothing else.
   */
  async tracking<P>(token: string, present: (v: TicketView) => P): Promise<AsyncIterable<P | null>> {
    const id = await ticketIdByToken(this.ds.manager, token.trim());
    const row = id ? await loadTicketRow(this.ds.manager, id) : null;
    if (!id || !row)
      return (async function* () {
        yield null;
      })();
    const views = this.views;
    return pipe(
      this.feeds.watch(row.officeId),
      // Not among today's tickets (an earlier day's, or the office was disabled): its stored, final state.
      map(async (snap) => {
        const view = (snap && ticketOfSnapshot(snap, row.id)) ?? (await views.ticketById(row.id));
        return view && present(view);
      }),
      changesOnly((v: P | null) => JSON.stringify(v)),
    );
  }

  /** The call board of an office, for its displays: now and after every change. */
  callBoard(officeId: string): AsyncIterable<CallBoardView | null> {
    return pipe(
      this.feeds.watch(officeId),
      map((snap) => snap && callBoard(snap)),
      changesOnly((b: CallBoardView | null) => JSON.stringify(b && { ...b, at: 0 })),
    );
  }

  /** The office's tickets today, for staff screens: now and after every reload (estimates move with time). */
  officeQueue(officeId: string): AsyncIterable<OfficeQueueView | null> {
    return pipe(
      this.feeds.watch(officeId),
      map((snap) =>
        snap
          ? {
              officeId,
              revision: snap.revision,
              at: new Date(snap.state.now),
              tickets: snap.state.tickets.map((t) => ticketOfSnapshot(snap, t.id)).filter((t) => t !== null),
            }
          : null,
      ),
    );
  }

  /** Sets the office's live notice (null removes it); the trigger on office tells every screen. */
  async setNotice(
    actor: Actor,
    officeId: string,
    notice: string | null,
  ): Promise<string | null | 'forbidden' | 'notFound'> {
    if (!isUuid(officeId)) return 'notFound';
    if (!(await worksIn(this.ds.manager, actor, officeId))) return 'forbidden';
    const [rows]: [{ notice: string | null }[], number] = await this.ds.query(
      'UPDATE office SET notice = $2 WHERE id = $1 AND enabled RETURNING notice',
      [officeId, notice],
    );
    const [row] = rows;
    return row ? row.notice : 'notFound';
  }
}
