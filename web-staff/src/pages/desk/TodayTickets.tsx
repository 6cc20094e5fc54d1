import { useApolloClient, useQuery } from '@apollo/client/react';
import { QueryState } from '@bc/schema';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { TableScroll } from '../../components/TableScroll';
import { PriorityBadge, rowLabel, ServiceLines, StatusBadge } from '../../components/TicketBits';
import type { QueueTicketFieldsFragment, TicketPriority, TicketStatus } from '../../gql/graphql';
import { formatTime } from '../../lib/datetime';
import { useQueueLive } from '../../lib/live';
import {
  CancelTicketMutation,
  ReactivateTicketMutation,
  SetTicketPriorityMutation,
} from '../../queue/ticket-mutations';
import { useTicketRunner } from '../../queue/use-ticket-runner';
import { OfficeTicketsQuery } from './desk-documents';
import { PriorityDialog } from './PriorityDialog';

/** Read again on every change of the office's queue. */
const LIVE_QUERIES = [OfficeTicketsQuery];

type Ticket = QueueTicketFieldsFragment;
const OPEN: readonly TicketStatus[] = ['WAITING', 'CALLED', 'SERVING', 'PARKED', 'NO_SHOW'];
const CANCELLABLE: readonly TicketStatus[] = ['WAITING', 'CALLED', 'PARKED', 'NO_SHOW'];
const REACTIVATABLE: readonly TicketStatus[] = ['PARKED', 'NO_SHOW', 'CANCELLED'];
const PRIORITISABLE: readonly TicketStatus[] = ['WAITING', 'CALLED', 'PARKED'];

/**
 * Today's tickets of the office, by arrival, with cancel, reactivate and priority. `onDone` follows each action that
 * went through (the desk sends the focus back to its scan field); a refusal keeps the focus here, by its message.
 */
export function TodayTickets(props: { officeId: string; timeZone: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const poll = useQueueLive(props.officeId, LIVE_QUERIES);
  const { data, previousData, error, loading, refetch } = useQuery(OfficeTicketsQuery, {
    variables: { officeId: props.officeId },
    pollInterval: poll,
    notifyOnNetworkStatusChange: false,
  });
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [dialog, setDialog] = useState<{ kind: 'cancel' | 'priority'; ticket: Ticket } | null>(null);
  const { notice, show } = useNotice();
  const heading = useRef<HTMLHeadingElement>(null);
  const refresh = useCallback(async () => {
    await refetch();
    // The row acted on may have left the list (e.g. cancelled while only open tickets show): keep focus here.
    if (document.activeElement === document.body) heading.current?.focus();
  }, [refetch]);
  const { busy, run } = useTicketRunner(show, refresh);
  const time = (iso: string) => formatTime(iso, props.timeZone, i18n.language);
  const tickets = (data ?? previousData)?.officeTickets;

  const { onDone } = props;
  const done = (o: { __typename: string } | undefined) => {
    if (o?.__typename === 'QueueTicket') onDone();
  };
  const cancel = async (ticket: Ticket) => {
    const o = await run(
      () =>
        client
          .mutate({ mutation: CancelTicketMutation, variables: { ticketId: ticket.id, version: ticket.version } })
          .then((r) => r.data?.cancelTicket),
      (tk) => ({ tone: 'success', text: t('tickets.cancelled', { number: tk.number }) }),
    );
    setDialog(null);
    done(o);
  };
  const reactivate = async (ticket: Ticket) => {
    const o = await run(
      () =>
        client
          .mutate({ mutation: ReactivateTicketMutation, variables: { ticketId: ticket.id, version: ticket.version } })
          .then((r) => r.data?.reactivateTicket),
      (tk) => ({ tone: 'success', text: t('tickets.reactivated', { number: tk.number }) }),
    );
    done(o);
  };
  const setPriority = async (ticket: Ticket, priority: TicketPriority | null, note: string | null) => {
    const o = await run(
      () =>
        client
          .mutate({
            mutation: SetTicketPriorityMutation,
            variables: { ticketId: ticket.id, version: ticket.version, priority, note },
          })
          .then((r) => r.data?.setTicketPriority),
      (tk) => ({
        tone: 'success',
        text: t(tk.priority ? 'tickets.prioritySet' : 'tickets.priorityRemoved', { number: tk.number }),
      }),
    );
    setDialog(null);
    done(o);
  };

  const shown = tickets?.filter((tk) => filter === 'all' || OPEN.includes(tk.status)) ?? [];

  return (
    <section className="bc-stack" aria-labelledby="tickets-heading">
      <h2 id="tickets-heading" ref={heading} tabIndex={-1} className="kern-heading-medium">
        {t('tickets.title')}
      </h2>
      <div className="kern-form-input bc-filter">
        <label className="kern-label" htmlFor="tickets-filter">
          {t('tickets.filter')}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id="tickets-filter"
            className="kern-form-input__select"
            value={filter}
            onChange={(e) => setFilter(e.target.value === 'all' ? 'all' : 'open')}
          >
            <option value="open">{t('tickets.filterOpen')}</option>
            <option value="all">{t('tickets.filterAll')}</option>
          </select>
        </div>
      </div>
      <StatusRegion notice={notice} />
      {!tickets ? (
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} />
      ) : shown.length === 0 ? (
        <p className="kern-body">{t(filter === 'open' ? 'tickets.noneOpen' : 'tickets.none')}</p>
      ) : (
        <TableScroll labelledBy="tickets-heading">
          <table className="kern-table kern-table--small" aria-labelledby="tickets-heading">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('tickets.number')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('tickets.status')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('tickets.services')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('tickets.since')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('tickets.expected')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('tickets.priority')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--action">
                  {t('tickets.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {shown.map((tk) => (
                <tr key={tk.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header bc-ticket-cell">
                    {tk.number}
                  </th>
                  <td className="kern-table__cell">
                    <StatusBadge status={tk.status} />
                    {tk.counter && tk.status !== 'WAITING' && (
                      <span className="kern-body kern-body--small bc-block">
                        {t('tickets.atCounter', { counter: tk.counter.label })}
                      </span>
                    )}
                  </td>
                  <td className="kern-table__cell">
                    <ServiceLines services={tk.services} compact />
                  </td>
                  <td className="kern-table__cell">
                    {time(tk.arrivedAt)}
                    {tk.status === 'WAITING' && (
                      <span className="kern-body kern-body--small bc-block">
                        {t('tickets.waited', { count: tk.waitedMinutes })}
                      </span>
                    )}
                  </td>
                  <td className="kern-table__cell">
                    {tk.estimate ? t('tickets.around', { time: time(tk.estimate.expectedCallAt) }) : '–'}
                  </td>
                  <td className="kern-table__cell">
                    {tk.priority ? <PriorityBadge priority={tk.priority} note={tk.priorityNote} /> : '–'}
                  </td>
                  <td className="kern-table__cell kern-table__cell--action">
                    <div className="bc-row-actions">
                      {PRIORITISABLE.includes(tk.status) && (
                        <button
                          aria-label={rowLabel(t('tickets.setPriority'), tk.number)}
                          type="button"
                          className="kern-btn kern-btn--tertiary kern-btn--x-small"
                          onClick={() => setDialog({ kind: 'priority', ticket: tk })}
                        >
                          <span className="kern-label">{t('tickets.setPriority')}</span>
                        </button>
                      )}
                      {REACTIVATABLE.includes(tk.status) && (
                        <button
                          aria-label={rowLabel(t('tickets.reactivate'), tk.number)}
                          type="button"
                          className="kern-btn kern-btn--secondary kern-btn--x-small"
                          aria-disabled={busy || undefined}
                          onClick={() => void reactivate(tk)}
                        >
                          <span className="kern-label">{t('tickets.reactivate')}</span>
                        </button>
                      )}
                      {CANCELLABLE.includes(tk.status) && (
                        <button
                          aria-label={rowLabel(t('tickets.cancel'), tk.number)}
                          type="button"
                          className="kern-btn kern-btn--tertiary kern-btn--x-small"
                          onClick={() => setDialog({ kind: 'cancel', ticket: tk })}
                        >
                          <span className="kern-label">{t('tickets.cancel')}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {dialog?.kind === 'cancel' && (
        <Dialog
          title={t('tickets.cancelTitle', { number: dialog.ticket.number })}
          description={t('tickets.cancelText')}
          submitLabel={t('tickets.cancelConfirm')}
          busy={busy}
          onSubmit={() => void cancel(dialog.ticket)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'priority' && (
        <PriorityDialog
          ticket={dialog.ticket}
          busy={busy}
          onSave={(p, n) => void setPriority(dialog.ticket, p, n)}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
