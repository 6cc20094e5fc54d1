/** The queue domain's services, wired together: issuing, counters, ticket actions and the reads for the screens. */
import type { DataSource, EntityManager } from 'typeorm';
import type { BookingService } from '../booking/booking.service.js';
import { CounterService } from './counter.service.js';
import { IssueService } from './issue.service.js';
import { QueueViewService } from './queue-view.service.js';
import type { TicketEventType, TicketStatus } from './rules/ticket-model.js';
import { TicketActionService } from './ticket-action.service.js';

/** One ticket's change as the queue's followers learn of it. */
export type TicketChange = {
  ticketId: string;
  /** The event just appended. */
  type: TicketEventType;
  /** The ticket's status after the change. */
  status: TicketStatus;
  counterId: string | null;
  /** A cancellation by the holder of the tracking link (not by the office). */
  byHolder: boolean;
};

/**
 * Follow-ups of queue changes (Web Push), written inside the change's transaction so that they exist exactly when the
 * change does; `afterCommit` may wake workers, the written rows are the truth.
 */
export interface QueueHooks {
  /**
   * Called after the change's events, before commit. `peopleAhead` gives the people ahead of each waiting ticket of
   * the office as changed (loaded on the first call only). Answers whether follow-ups were queued.
   */
  changed(
    m: EntityManager,
    officeId: string,
    changes: readonly TicketChange[],
    peopleAhead: () => Promise<Map<string, number>>,
  ): Promise<boolean>;
  afterCommit(): void;
}

export const noQueueHooks: QueueHooks = { changed: async () => false, afterCommit: () => {} };

export class QueueService {
  readonly views: QueueViewService;
  readonly issue: IssueService;
  readonly counters: CounterService;
  readonly actions: TicketActionService;

  constructor(
    ds: DataSource,
    opts: { publicUrl: string },
    now: () => Date,
    booking: BookingService,
    hooks: QueueHooks = noQueueHooks,
  ) {
    this.views = new QueueViewService(ds, now, booking);
    this.issue = new IssueService(ds, now, opts.publicUrl, this.views, booking, hooks);
    this.counters = new CounterService(ds, now, this.views, hooks);
    this.actions = new TicketActionService(ds, now, this.views, hooks);
  }
}
