import { useMutation } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { graphql } from '../gql';
import type { KioskIssuedTicketFragment, WalkInRefusal } from '../gql/graphql';
import { newRequestId } from './kiosk-format';

export const KioskIssuedTicketFields = graphql(`
  fragment KioskIssuedTicket on IssuedTicket {
    alreadyIssued
    trackingQrSvg
    ticket {
      number
      status
      officeName
      counterLabel
      issuedAt
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
        peopleAhead
        earliestCallAt
        expectedCallAt
        latestCallAt
      }
    }
  }
`);

const IssueWalkInMutation = graphql(`
  mutation KioskIssueWalkIn($input: WalkInTicketInput!) {
    issueWalkInTicket(input: $input) {
      __typename
      ... on IssuedTicket {
        ...KioskIssuedTicket
      }
      ... on WalkInClosed {
        reason
        serviceIds
        nextAppointments
      }
    }
  }
`);

export type DrawRefusal =
  | { kind: 'closed'; reason: WalkInRefusal; serviceIds: readonly string[]; nextAppointments: readonly string[] }
  | { kind: 'failed' };

/**
 * Drawing a walk-in ticket. One visit of a screen, one request id (made once, kept for retries and double taps):
 * the api answers a repeated id with the same ticket, so a nervous double tap or a retry after a lost answer never
 * makes two tickets. A second tap while one is under way is ignored before it reaches the network. `onClosed` hears
 * of services the guard closed in the same update that shows the refusal: the screen never shows the refusal beside
 * a refused service still chosen.
 */
export function useDrawTicket(
  onIssued: (issued: KioskIssuedTicketFragment) => void,
  onClosed?: (serviceIds: readonly string[]) => void,
) {
  const [requestId] = useState(newRequestId);
  const [mutate, { loading }] = useMutation(IssueWalkInMutation);
  const [refusal, setRefusal] = useState<DrawRefusal | null>(null);
  const pending = useRef(false);

  const draw = useCallback(
    async (services: readonly { serviceId: string; count: number }[]) => {
      if (pending.current || services.length === 0) return;
      pending.current = true;
      setRefusal(null);
      try {
        const { data } = await mutate({
          variables: { input: { requestId, services: services.map(({ serviceId, count }) => ({ serviceId, count })) } },
        });
        const result = data?.issueWalkInTicket;
        switch (result?.__typename) {
          case 'IssuedTicket':
            onIssued(result);
            return;
          case 'WalkInClosed':
            setRefusal({
              kind: 'closed',
              reason: result.reason,
              serviceIds: result.serviceIds,
              nextAppointments: result.nextAppointments,
            });
            onClosed?.(result.serviceIds);
            return;
          default:
            // InvalidInput or OfficeNotAllowed: nothing a visitor can change here.
            setRefusal({ kind: 'failed' });
        }
      } catch {
        setRefusal({ kind: 'failed' });
      } finally {
        pending.current = false;
      }
    },
    [mutate, requestId, onIssued, onClosed],
  );

  return { draw, drawing: loading, refusal };
}
