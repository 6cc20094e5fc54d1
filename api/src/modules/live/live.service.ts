/**
 * The live streams: a ticket for its holder, the call board for displays, the office's queue for staff screens.
 * Each starts with the current state and follows the office's shared snapshot (office-feeds.ts); a stream only
 * sends when what its subscriber sees has changed.
 */
import type { DataSource } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import { isUuid } from '../../shared/ids.js';
import type { QueueViewService } from '../queue/queue-view.service.js';
import type { TicketView } from '../queue/rules/queue-outcomes.js';
import { type CallBoardView, callBoard, snapshotTickets, ticketOfSnapshot } from './live-views.js';
import type { OfficeFeeds } from './office-feeds.js';

/** `tickets` is made on demand: staff screens mostly select only the revision and read their own queries again. */
export type OfficeQueueView = { officeId: string; revision: number; at: Date; tickets: () => TicketView[] };

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
    // Only its office is needed here: the ticket itself comes from the office's shared snapshot.
    const row = await this.views.trackedRef(token);
    if (!row)
      return (async function* () {
        yield null;
      })();
    const views = this.views;
    return this.feeds.watch(row.officeId, (snap) => {
      const view = snap && ticketOfSnapshot(snap, row.id);
      if (view) return present(view);
      // Not among today's tickets (an earlier day's, or the office was disabled): its stored, final state.
      return views.ticketById(row.id).then((v) => v && present(v));
    });
  }

  /** The call board of an office, for its displays: now and after every change. */
  callBoard(officeId: string): AsyncIterable<CallBoardView | null> {
    return this.feeds.watch(
      officeId,
      (snap) => snap && callBoard(snap),
      (b) => JSON.stringify(b && { ...b, at: 0 }),
    );
  }

  /** The office's tickets today, for staff screens: now and after every reload (estimates move with time). */
  officeQueue(officeId: string): AsyncIterable<OfficeQueueView | null> {
    return this.feeds.watch(
      officeId,
      (snap) =>
        snap && {
          officeId,
          revision: snap.revision,
          at: new Date(snap.state.now),
          tickets: () => snapshotTickets(snap),
        },
      // Every reload is an update: estimates moved, and staff screens re-read what they show.
      (u) => String(u?.revision),
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
