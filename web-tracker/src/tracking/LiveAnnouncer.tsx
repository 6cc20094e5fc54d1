import { useText } from '@bc/schema';
import { useEffect, useRef, useState } from 'react';
import type { TrackedTicket } from '../pages/TrackingPage';

/**
 * Screen-reader announcements of changes: politely for the status and the people ahead, assertively for a call.
 * Nothing is announced for the first picture (the page itself says it).
 */
export function useStatusAnnouncements(ticket: TrackedTicket | null) {
  const { t } = useText();
  const previous = useRef<TrackedTicket | null>(null);
  const [polite, setPolite] = useState('');
  const [assertive, setAssertive] = useState('');
  useEffect(() => {
    const before = previous.current;
    previous.current = ticket;
    if (!ticket || !before) return;
    const called = ticket.status === 'CALLED' && ticket.counterLabel;
    if (called && (before.status !== 'CALLED' || before.calledAt !== ticket.calledAt)) {
      setAssertive(t('tracking.calledTitle', { counter: ticket.counterLabel }));
      return;
    }
    if (ticket.status !== before.status) {
      setPolite(t(`tracking.status.${ticket.status}`));
      return;
    }
    const ahead = ticket.estimate?.peopleAhead;
    if (ticket.status === 'WAITING' && ahead !== undefined && ahead !== before.estimate?.peopleAhead)
      setPolite(ahead === 0 ? t('tracking.next') : t('tracking.ahead', { count: ahead }));
  }, [ticket, t]);
  return { polite, assertive };
}

export function LiveAnnouncer(props: { polite: string; assertive: string }) {
  return (
    <>
      <p className="kern-sr-only" aria-live="polite" aria-atomic="true" data-testid="announce-polite">
        {props.polite}
      </p>
      <p className="kern-sr-only" aria-live="assertive" aria-atomic="true" data-testid="announce-assertive">
        {props.assertive}
      </p>
    </>
  );
}
