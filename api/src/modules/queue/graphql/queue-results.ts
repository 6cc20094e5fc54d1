/** Turns the queue services' outcomes into GraphQL result objects (the resolvers stay thin). */

import { invalid, officeNotAllowed } from '../../../shared/results.types.js';
import type {
  ActionOutcome,
  CallOutcome,
  CounterOutcome,
  CounterView,
  Issued,
  WalkInServiceView,
  WalkInStatusView,
} from '../rules/queue-outcomes.js';
import { type TicketAction, type TicketStatus } from '../rules/ticket-model.js';
import {
  IssuedTicket,
  publicTicket,
  QueueCounter,
  queueTicket,
  WalkInServiceStatus,
  WalkInStatus,
} from './queue.types.js';
import {
  CounterBusy,
  CounterNotFound,
  CounterNotOpen,
  CounterPaused,
  CounterTaken,
  NotAllowed,
  QueueEmpty,
  StaleTicket,
  ticketNotFound,
} from './queue-results.types.js';

export function issuedTicket(i: Issued): IssuedTicket {
  return Object.assign(new IssuedTicket(), {
    ticketId: i.ticket.id,
    ticket: publicTicket(i.ticket),
    trackingToken: i.token,
    trackingLink: i.link,
    alreadyIssued: i.alreadyIssued,
  });
}

export const notAllowed = (status: TicketStatus, action: TicketAction) =>
  Object.assign(new NotAllowed(), {
    message: `${action} is not possible for a ticket that is ${status}.`,
    status,
    action,
  });

export function actionResult(o: ActionOutcome | CallOutcome) {
  switch (o.kind) {
    case 'ok':
      return queueTicket(o.ticket);
    case 'notFound':
      return ticketNotFound();
    case 'officeNotAllowed':
      return officeNotAllowed();
    case 'stale':
      return Object.assign(new StaleTicket(), {
        message: 'The ticket was changed in the meantime; nothing was changed. Check it and try again.',
        ticket: queueTicket(o.ticket),
      });
    case 'notAllowed':
      return notAllowed(o.status, o.action);
    case 'counterNotOpen':
      return Object.assign(new CounterNotOpen(), {
        message: 'Open this counter in your session first.',
        counterId: o.counterId,
      });
    case 'counterBusy':
      return Object.assign(new CounterBusy(), {
        message: 'The counter is busy with another ticket; finish, park or mark it a no-show first.',
        ticket: queueTicket(o.ticket),
      });
    case 'invalid':
      return invalid(o.problems);
    case 'queueEmpty':
      return Object.assign(new QueueEmpty(), { message: 'Nobody is waiting for this counter.', waiting: o.waiting });
    case 'counterPaused':
      return Object.assign(new CounterPaused(), {
        message: 'The counter is paused; resume it to call.',
        counterId: o.counterId,
      });
  }
}

export function queueCounter(c: CounterView): QueueCounter {
  return Object.assign(new QueueCounter(), {
    id: c.id,
    officeId: c.officeId,
    label: c.label,
    services: c.services,
    session: c.session,
    current: c.current ? queueTicket(c.current) : null,
    waitingCount: c.waiting,
  });
}

export function counterResult(o: CounterOutcome) {
  switch (o.kind) {
    case 'ok':
      return queueCounter(o.counter);
    case 'notFound':
      return Object.assign(new CounterNotFound(), { message: 'There is no such active counter.' });
    case 'officeNotAllowed':
      return officeNotAllowed();
    case 'taken':
      return Object.assign(new CounterTaken(), {
        message: `${o.openedBy} has this counter open.`,
        openedBy: o.openedBy,
        openedAt: o.openedAt,
      });
    case 'notOpen':
      return Object.assign(new CounterNotOpen(), {
        message: 'You do not have this counter open.',
        counterId: o.counterId,
      });
    case 'busy':
      return Object.assign(new CounterBusy(), {
        message: 'The counter is busy with a ticket; finish, park or mark it a no-show first.',
        ticket: queueTicket(o.ticket),
      });
  }
}

export function walkInServiceStatus(s: WalkInServiceView): WalkInServiceStatus {
  return Object.assign(new WalkInServiceStatus(), s);
}

export function walkInStatus(s: WalkInStatusView): WalkInStatus {
  return Object.assign(new WalkInStatus(), { ...s, services: s.services.map(walkInServiceStatus) });
}
