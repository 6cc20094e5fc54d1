import { formatTime, useCatalogText, useText } from '@bc/schema';
import { Fragment } from 'react';
import { callWindow } from '../live/estimate-range';
import type { TrackedTicket } from '../pages/TrackingPage';

/** The ticket's state in plain words: where to go when called, else people ahead and when the call is expected. */
export function TicketStatusView(props: { ticket: TrackedTicket; timeZone: string; now: number }) {
  const { t, i18n } = useText();
  const { ticket } = props;
  const time = (iso: string | number) => formatTime(new Date(iso), props.timeZone, i18n.language);

  if ((ticket.status === 'CALLED' || ticket.status === 'SERVING') && ticket.counterLabel) {
    const called = ticket.status === 'CALLED';
    return (
      <section
        className={called ? 'tr-status tr-status--called' : 'tr-status tr-status--serving'}
        aria-labelledby="ticket-status"
        data-testid="ticket-status"
      >
        <h2 id="ticket-status" tabIndex={-1} className="tr-status__go">
          {called
            ? t('tracking.calledTitle', { counter: ticket.counterLabel })
            : t('tracking.serving', { counter: ticket.counterLabel })}
        </h2>
        {called && ticket.calledAt && (
          <p className="kern-body kern-body--large">{t('tracking.calledAt', { time: time(ticket.calledAt) })}</p>
        )}
        <Services ticket={ticket} />
      </section>
    );
  }

  return (
    <section className="tr-status" aria-labelledby="ticket-status" data-testid="ticket-status">
      <h2 id="ticket-status" tabIndex={-1} className="tr-status__title">
        {t(`tracking.status.${ticket.status}`)}
      </h2>
      {ticket.status === 'WAITING' && <Waiting ticket={ticket} now={props.now} time={time} />}
      {ticket.status !== 'WAITING' && <p className="kern-body">{t(`tracking.statusHelp.${ticket.status}`)}</p>}
      <Services ticket={ticket} />
    </section>
  );
}

function Waiting(props: { ticket: TrackedTicket; now: number; time: (ms: number) => string }) {
  const { t } = useText();
  const { estimate } = props.ticket;
  if (!estimate) return <p className="kern-body">{t('tracking.noEstimate')}</p>;
  const range = callWindow(estimate, props.now);
  return (
    <>
      <p className="tr-status__ahead" data-testid="people-ahead">
        {estimate.peopleAhead === 0 ? t('tracking.next') : t('tracking.ahead', { count: estimate.peopleAhead })}
      </p>
      <p className="kern-body kern-body--large" data-testid="call-window">
        {range.kind === 'soon'
          ? t('tracking.window.soon')
          : range.kind === 'around'
            ? t('tracking.window.around', { time: props.time(range.at) })
            : t('tracking.window.between', { from: props.time(range.from), to: props.time(range.to) })}
      </p>
      <p className="kern-body kern-body--small tr-muted">{t('tracking.window.note')}</p>
    </>
  );
}

function Services(props: { ticket: TrackedTicket }) {
  const { t } = useText();
  // In the visitor's language where the office wrote it (Leichte Sprache too), else German marked as such.
  const textOf = useCatalogText();
  const lines = props.ticket.services.filter((s) => s.count > 0);
  if (lines.length === 0 && !props.ticket.priority) return null;
  return (
    <dl className="tr-facts">
      {lines.length > 0 && (
        <div>
          <dt>{t('tracking.services', { count: lines.length })}</dt>
          <dd>
            {lines.map((s, i) => {
              const text = textOf(s);
              return (
                <Fragment key={s.serviceId}>
                  {i > 0 && ', '}
                  {s.count > 1 && `${s.count} × `}
                  <span lang={text.lang}>{text.name}</span>
                </Fragment>
              );
            })}
          </dd>
        </div>
      )}
      {props.ticket.priority && (
        <div>
          <dt>{t('tracking.priorityLabel')}</dt>
          <dd>{t('tracking.priority')}</dd>
        </div>
      )}
    </dl>
  );
}
