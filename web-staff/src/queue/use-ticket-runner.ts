import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueTicketFieldsFragment } from '../gql/graphql';
import { type CallOutcome, failureNotice, type Notice, refusalNotice, type TicketActionOutcome } from './outcome-text';

export type TicketOutcome = TicketActionOutcome | CallOutcome;

/**
 * Runs one ticket action at a time (a second press while one is under way does nothing), turns its typed result
 * into a notice, and reads the screen's lists again afterwards, whatever came back: a StaleTicket means someone
 * else changed the ticket, and the fresh lists show how.
 */
export function useTicketRunner(show: (n: Notice) => void, refresh: () => unknown) {
  const { t } = useTranslation();
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (
      perform: () => Promise<TicketOutcome | undefined>,
      success: (ticket: QueueTicketFieldsFragment) => Notice,
    ): Promise<TicketOutcome | undefined> => {
      if (busyRef.current) return undefined;
      busyRef.current = true;
      setBusy(true);
      try {
        const outcome = await perform();
        if (!outcome) show(failureNotice(t));
        else if (outcome.__typename === 'QueueTicket') show(success(outcome));
        else show(refusalNotice(t, outcome));
        return outcome;
      } catch (err) {
        show(failureNotice(t, err));
        return undefined;
      } finally {
        busyRef.current = false;
        setBusy(false);
        await Promise.resolve(refresh()).catch(() => undefined);
      }
    },
    [show, refresh, t],
  );

  return { busy, run };
}
