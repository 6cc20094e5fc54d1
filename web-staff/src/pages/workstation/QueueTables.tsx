import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import { PriorityBadge, rowLabel, ServiceLines } from '../../components/TicketBits';
import type { QueueTicketFieldsFragment } from '../../gql/graphql';
import { formatTime } from '../../lib/datetime';

type Ticket = QueueTicketFieldsFragment;

/**
 * The tickets this counter can call, in the order "call next" takes them, with waiting times and estimates. While
 * the counter cannot call (a visitor at the counter, a pause) the reason stands above the table and each "Aufrufen"
 * refers to it; pressing one anyway says it again in the workstation's message.
 */
export function WaitingQueue(props: {
  tickets: readonly Ticket[];
  timeZone: string;
  /** Why no ticket can be called now; null when one can. */
  blockedReason: string | null;
  busy: boolean;
  onCall: (ticket: Ticket) => void;
}) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, props.timeZone, i18n.language);
  return (
    <section className="bc-stack" aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="kern-heading-medium">
        {t('queue.title', { count: props.tickets.length })}
      </h2>
      {props.tickets.length === 0 ? (
        <p className="kern-body">{t('queue.empty')}</p>
      ) : (
        <>
          {props.blockedReason && (
            <p id="queue-call-blocked" className="kern-body kern-body--small bc-ws-blocked">
              <span className="kern-icon kern-icon--info" aria-hidden="true" />
              {props.blockedReason}
            </p>
          )}
          <TableScroll labelledBy="queue-heading">
            <table className="kern-table kern-table--small" aria-labelledby="queue-heading">
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('tickets.number')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('tickets.services')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('tickets.since')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('queue.appointment')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('tickets.priority')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('tickets.expected')}
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--action">
                    {t('tickets.actions')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {props.tickets.map((tk) => (
                  <tr key={tk.id} className="kern-table__row">
                    <th scope="row" className="kern-table__header bc-ticket-cell">
                      {tk.number}
                      {tk.counter && (
                        <span className="kern-body kern-body--small bc-block">
                          {t('queue.reservedFor', { counter: tk.counter.label })}
                        </span>
                      )}
                    </th>
                    <td className="kern-table__cell">
                      <ServiceLines services={tk.services} compact />
                    </td>
                    <td className="kern-table__cell">
                      {time(tk.arrivedAt)}
                      <span className="kern-body kern-body--small bc-block">
                        {t('tickets.waited', { count: tk.waitedMinutes })}
                      </span>
                    </td>
                    <td className="kern-table__cell">
                      {tk.appointmentStartsAt ? time(tk.appointmentStartsAt) : '–'}
                      {tk.late && <span className="kern-body kern-body--small bc-block">{t('current.late')}</span>}
                    </td>
                    <td className="kern-table__cell">
                      {tk.priority ? <PriorityBadge priority={tk.priority} note={tk.priorityNote} /> : '–'}
                    </td>
                    <td className="kern-table__cell">
                      {tk.estimate
                        ? t('queue.estimate', {
                            time: time(tk.estimate.expectedCallAt),
                            from: time(tk.estimate.earliestCallAt),
                            to: time(tk.estimate.latestCallAt),
                          })
                        : '–'}
                    </td>
                    <td className="kern-table__cell kern-table__cell--action">
                      <button
                        aria-label={rowLabel(t('queue.call'), tk.number)}
                        type="button"
                        className="kern-btn kern-btn--secondary kern-btn--x-small"
                        aria-disabled={!!props.blockedReason || props.busy || undefined}
                        aria-describedby={props.blockedReason ? 'queue-call-blocked' : undefined}
                        onClick={() => props.onCall(tk)}
                      >
                        <span className="kern-label">{t('queue.call')}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/** Tickets set aside (the visitor fetches a document); reactivated they come back with their original place. */
export function ParkedTickets(props: {
  tickets: readonly Ticket[];
  timeZone: string;
  busy: boolean;
  onReactivate: (ticket: Ticket) => void;
}) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, props.timeZone, i18n.language);
  return (
    <section className="bc-stack" aria-labelledby="parked-heading">
      <h2 id="parked-heading" className="kern-heading-medium">
        {t('parked.title', { count: props.tickets.length })}
      </h2>
      {props.tickets.length === 0 ? (
        <p className="kern-body">{t('parked.empty')}</p>
      ) : (
        <ul className="bc-plain-list bc-stack">
          {props.tickets.map((tk) => (
            <li key={tk.id} className="bc-parked">
              <span className="kern-body kern-body--bold bc-ticket-cell">{tk.number}</span>
              <span className="kern-body">
                <ServiceLines services={tk.services} compact /> · {t('parked.arrived', { time: time(tk.arrivedAt) })}
              </span>
              <button
                aria-label={rowLabel(t('parked.reactivate'), tk.number)}
                type="button"
                className="kern-btn kern-btn--secondary kern-btn--x-small"
                aria-disabled={props.busy || undefined}
                onClick={() => props.onReactivate(tk)}
              >
                <span className="kern-label">{t('parked.reactivate')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
