import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { graphql } from '../gql';
import { addDays, todayIn } from './datetime';
import type { ServiceChoice } from './draft';
import type { FieldIssue } from './field-errors';

const AvailabilityQuery = graphql(`
  query Availability(
    $officeId: ID!
    $services: [ServiceChoiceInput!]!
    $from: String!
    $to: String!
    $exceptManageToken: String
  ) {
    availability(
      officeId: $officeId
      services: $services
      from: $from
      to: $to
      exceptManageToken: $exceptManageToken
    ) {
      __typename
      ... on Availability {
        durationMinutes
        days {
          date
          starts
        }
      }
      ... on InvalidInput {
        fields {
          field
          code
        }
      }
    }
  }
`);

export type AvailableDay = { date: string; starts: readonly string[] };

export type AvailabilityState = {
  status: 'loading' | 'ready' | 'error' | 'invalid';
  days: readonly AvailableDay[];
  durationMinutes: number | null;
  /** Last day asked for so far (inclusive); null before the first answer. */
  loadedTo: string | null;
  /** Everything up to the booking horizon has been asked for. */
  complete: boolean;
  issues: readonly FieldIssue[];
  /** How many days the last "later" added (for the announcement). */
  added: number;
};

const initial: AvailabilityState = {
  status: 'loading',
  days: [],
  durationMinutes: null,
  loadedTo: null,
  complete: false,
  issues: [],
  added: 0,
};

/**
 * Free start times for the chosen services, from today (office time) in chunks of `chunkDays`, up to the office's
 * booking horizon. A chunk without any free time is skipped by loading the next one at once.
 */
export function useAvailability(args: {
  officeId: string;
  services: readonly ServiceChoice[];
  timeZone: string;
  horizonDays: number;
  chunkDays?: number;
  /** When moving an appointment: its manage token, so its own time counts as free. */
  exceptManageToken?: string;
}) {
  const client = useApolloClient();
  const { officeId, timeZone, horizonDays, exceptManageToken } = args;
  const chunkDays = args.chunkDays ?? 28;
  const servicesKey = JSON.stringify(args.services.map((s) => [s.serviceId, s.count]));
  const [state, setState] = useState<AvailabilityState>(initial);
  const generation = useRef(0);
  const failedFrom = useRef<string | null>(null);

  const fetchFrom = useCallback(
    (start: string, before: readonly AvailableDay[]) => {
      const id = ++generation.current;
      const services = (JSON.parse(servicesKey) as [string, number][]).map(([serviceId, count]) => ({
        serviceId,
        count,
      }));
      const last = addDays(todayIn(timeZone), horizonDays);
      setState((s) => ({ ...s, status: 'loading' }));
      const run = async () => {
        let from = start;
        while (true) {
          // Dates as YYYY-MM-DD compare correctly as strings.
          const to = [addDays(from, chunkDays - 1), last].sort()[0] as string;
          const { data } = await client.query({
            query: AvailabilityQuery,
            variables: { officeId, services, from, to, exceptManageToken: exceptManageToken ?? null },
            fetchPolicy: 'network-only',
          });
          if (id !== generation.current) return;
          const result = data?.availability;
          if (!result) throw new Error('no availability');
          if (result.__typename === 'InvalidInput') {
            setState({ ...initial, status: 'invalid', issues: result.fields });
            return;
          }
          const complete = to >= last;
          if (result.days.length === 0 && !complete) {
            from = addDays(to, 1);
            continue;
          }
          setState({
            status: 'ready',
            days: [...before, ...result.days],
            durationMinutes: result.durationMinutes,
            loadedTo: to,
            complete,
            issues: [],
            added: result.days.length,
          });
          return;
        }
      };
      run().catch(() => {
        if (id !== generation.current) return;
        failedFrom.current = start;
        setState((s) => ({ ...s, status: 'error' }));
      });
    },
    [client, officeId, servicesKey, timeZone, horizonDays, chunkDays, exceptManageToken],
  );

  useEffect(() => {
    setState(initial);
    fetchFrom(todayIn(timeZone), []);
    return () => {
      generation.current++;
    };
  }, [fetchFrom, timeZone]);

  const loadMore = useCallback(() => {
    if (state.loadedTo && !state.complete) fetchFrom(addDays(state.loadedTo, 1), state.days);
  }, [fetchFrom, state.loadedTo, state.complete, state.days]);

  const retry = useCallback(() => {
    fetchFrom(failedFrom.current ?? todayIn(timeZone), failedFrom.current ? state.days : []);
  }, [fetchFrom, timeZone, state.days]);

  return { ...state, loadMore, retry };
}
