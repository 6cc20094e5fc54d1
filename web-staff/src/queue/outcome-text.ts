import { errorReference } from '@bc/schema';
import type { TFunction } from 'i18next';
import type { CallNextTicketMutation, OpenCounterMutation, RecallTicketMutation } from '../gql/graphql';

/** A message for the page's status region: calm for expected results, danger only when something broke. */
export type Notice = { tone: 'success' | 'info' | 'warning' | 'danger'; text: string };

/** What a ticket action answers (every ticket mutation selects the same, see ticket-mutations.ts). */
export type TicketActionOutcome = RecallTicketMutation['recallTicket'];
/** What calling a ticket answers. */
export type CallOutcome = CallNextTicketMutation['callNextTicket'];
/** What opening, pausing, resuming or closing a counter answers. */
export type CounterOutcome = OpenCounterMutation['openCounter'];

/** Every answer of a ticket, call or counter action that is not the ticket or counter itself. */
export type Refusal =
  | Exclude<TicketActionOutcome | CallOutcome, { __typename: 'QueueTicket' }>
  | Exclude<CounterOutcome, { __typename: 'QueueCounter' }>;

/** Field problems of an InvalidInput, as sentences; the english developer message never reaches staff. */
export function fieldProblemText(t: TFunction, fields: readonly { code: string }[]): string {
  const texts = fields.map((f) => t(`fieldCodes.${f.code}`, { defaultValue: t('fieldCodes.other') }));
  return [...new Set(texts)].join(' ');
}

/** A calm sentence for an expected refusal: the queue is empty, the ticket changed meanwhile, … */
export function refusalNotice(t: TFunction, r: Refusal): Notice {
  switch (r.__typename) {
    case 'StaleTicket':
      return { tone: 'warning', text: t('outcome.stale', { number: r.ticket.number }) };
    case 'NotAllowed':
      return {
        tone: 'info',
        text: t('outcome.notAllowed', { action: t(`actions.${r.action}`), status: t(`status.${r.status}`) }),
      };
    case 'CounterBusy':
      return { tone: 'info', text: t('outcome.counterBusy', { number: r.ticket.number }) };
    case 'CounterNotOpen':
      return { tone: 'warning', text: t('outcome.counterNotOpen') };
    case 'CounterPaused':
      return { tone: 'info', text: t('outcome.counterPaused') };
    case 'QueueEmpty':
      return {
        tone: 'info',
        text: r.waiting > 0 ? t('outcome.queueEmptyOthers', { count: r.waiting }) : t('outcome.queueEmpty'),
      };
    case 'InvalidInput':
      return { tone: 'warning', text: t('outcome.invalid', { details: fieldProblemText(t, r.fields) }) };
    case 'OfficeNotAllowed':
      return { tone: 'danger', text: t('outcome.officeNotAllowed') };
    case 'TicketNotFound':
      return { tone: 'warning', text: t('outcome.ticketNotFound') };
    case 'CounterTaken':
      return { tone: 'info', text: t('outcome.counterTaken', { name: r.openedBy }) };
    case 'CounterNotFound':
      return { tone: 'warning', text: t('outcome.counterNotFound') };
  }
}

/**
 * The network or the server failed (not an expected result): say so and invite to try again. An unexpected server
 * error comes with its reference (the correlation id in the server's log), for staff to quote when they report it.
 */
export function failureNotice(t: TFunction, error?: unknown): Notice {
  const reference = errorReference(error);
  return { tone: 'danger', text: reference ? t('outcome.failedWithReference', { reference }) : t('outcome.failed') };
}
