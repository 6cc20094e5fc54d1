import { useQuery, useSubscription } from '@apollo/client/react';
import { QueryState, usePageTitle, useText } from '@bc/schema';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useSocketState } from '../components/socket';
import { graphql } from '../gql';
import type { TrackedTicketFieldsFragment } from '../gql/graphql';
import { InvalidLink } from '../tracking/InvalidLink';
import { LiveAnnouncer, useStatusAnnouncements } from '../tracking/LiveAnnouncer';
import { OfficePhone } from '../tracking/OfficePhone';
import { OfflineBanner } from '../tracking/OfflineBanner';
import { TicketStatusView } from '../tracking/TicketStatusView';
import { VisitorControls } from '../tracking/VisitorControls';
import { localDay, saveLastTicket } from '../tracking/visitor-storage';

graphql(`
  fragment TrackedTicketFields on PublicTicket {
    number
    status
    officeId
    officeName
    officeNotice
    priority
    issuedAt
    calledAt
    counterLabel
    services {
      serviceId
      name
      count
      texts {
        language
        name
        description
      }
    }
    estimate {
      expectedCallAt
      earliestCallAt
      latestCallAt
      peopleAhead
    }
  }
`);

const TrackedTicketSubscription = graphql(`
  subscription TrackedTicket($token: String!) {
    trackedTicket(token: $token) {
      __typename
      ... on PublicTicket {
        ...TrackedTicketFields
      }
    }
  }
`);

const OfficeTimeZoneQuery = graphql(`
  query TrackedOfficeTimeZone($id: ID!) {
    office(id: $id) {
      id
      timeZone
      contact {
        phone
        phoneUri
      }
    }
  }
`);

const fallbackTimeZone = 'Europe/Berlin';
/** A subscription that ended with an error (not a dropped socket, which graphql-ws handles) is started again. */
const RESUBSCRIBE_MS = 5_000;
/** The estimate's wording ("in a few minutes") follows the clock this often. */
const NOW_EVERY_MS = 30_000;

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export type TrackedTicket = TrackedTicketFieldsFragment;

/**
 * /track/t/:token, the page a ticket's QR code opens: the ticket live, without login and without personal data.
 * The token is a secret: it is never shown on the page.
 */
export function TrackingPage() {
  const { token = '' } = useParams();
  const { t } = useText();
  const socketState = useSocketState();
  const now = useNow(NOW_EVERY_MS);
  const [ticket, setTicket] = useState<TrackedTicket | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<number>();

  const take = useCallback(
    (next: TrackedTicket | null) => {
      if (next) {
        setTicket(next);
        // The tracker opened from the home screen starts at /track/ and comes back here (StartPage).
        saveLastTicket(token, localDay());
      }
      setNotFound(!next);
      setUpdatedAt(Date.now());
    },
    [token],
  );

  const { error, restart } = useSubscription(TrackedTicketSubscription, {
    variables: { token },
    onData: ({ data }) => {
      const result = data.data?.trackedTicket;
      if (result) take(result.__typename === 'PublicTicket' ? result : null);
    },
  });
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(restart, RESUBSCRIBE_MS);
    return () => clearTimeout(timer);
  }, [error, restart]);

  const office = useQuery(OfficeTimeZoneQuery, {
    variables: { id: ticket?.officeId ?? '' },
    skip: !ticket?.officeId,
  });
  const timeZone = office.data?.office?.timeZone ?? fallbackTimeZone;

  const announcements = useStatusAnnouncements(ticket);

  const calledTitle =
    ticket?.counterLabel && ticket.status === 'CALLED'
      ? t('tracking.calledTitle', { counter: ticket.counterLabel })
      : '';
  usePageTitle(
    notFound
      ? t('tracking.invalid.pageTitle')
      : ticket
        ? calledTitle || t('tracking.pageTitleNumber', { number: ticket.number })
        : t('tracking.pageTitle'),
  );

  const offline = socketState === 'lost';
  const banner = <OfflineBanner offline={offline} updatedAt={updatedAt} timeZone={timeZone} />;

  if (notFound) return <InvalidLink />;
  if (!ticket) {
    return (
      <>
        <h1 className="kern-heading-large">{t('tracking.title')}</h1>
        {banner}
        <QueryState loading={!error} error={error} onRetry={restart} />
      </>
    );
  }
  return (
    <div className="tr-ticket">
      <h1 className="tr-ticket__heading">
        <span className="tr-ticket__label">{t('tracking.title')}</span>
        <span className="tr-ticket__number" data-testid="ticket-number">
          {ticket.number}
        </span>
      </h1>
      <p className="kern-body tr-ticket__office">{ticket.officeName}</p>
      {banner}
      <TicketStatusView ticket={ticket} timeZone={timeZone} now={now} />
      {ticket.officeNotice && (
        <section className="kern-alert kern-alert--info tr-gap" aria-labelledby="office-notice">
          <div className="kern-alert__header">
            <h2 id="office-notice" className="kern-title">
              {t('tracking.notice')}
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body" lang="de">
              {ticket.officeNotice}
            </p>
          </div>
        </section>
      )}
      <OfficePhone {...office.data?.office?.contact} number={ticket.number} />
      <VisitorControls token={token} ticket={ticket} onLeft={take} />
      <LiveAnnouncer polite={announcements.polite} assertive={announcements.assertive} />
    </div>
  );
}
