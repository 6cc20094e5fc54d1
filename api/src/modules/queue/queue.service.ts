/** The queue domain's services, wired together: issuing, counters, ticket actions and the reads for the screens. */
import type { DataSource } from 'typeorm';
import type { BookingService } from '../booking/booking.service.js';
import { CounterService } from './counter.service.js';
import { IssueService } from './issue.service.js';
import { QueueViewService } from './queue-view.service.js';
import { TicketActionService } from './ticket-action.service.js';

export class QueueService {
  readonly views: QueueViewService;
  readonly issue: IssueService;
  readonly counters: CounterService;
  readonly actions: TicketActionService;

  constructor(ds: DataSource, opts: { publicUrl: string }, now: () => Date, booking: BookingService) {
    this.views = new QueueViewService(ds, now, booking);
    this.issue = new IssueService(ds, now, opts.publicUrl, this.views, booking);
    this.counters = new CounterService(ds, now, this.views);
    this.actions = new TicketActionService(ds, now, this.views);
  }
}
