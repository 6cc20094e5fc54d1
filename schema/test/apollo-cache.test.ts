import { gql, InMemoryCache } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { createApiCache } from '../src/apollo.js';

// A fragment on the union itself, as a page would write it once for every answer of the union.
const TrackedTicket = gql`
  query TrackedTicket($token: String!) {
    ticketByTrackingToken(token: $token) {
      ...TrackedTicketAnswer
    }
  }
  fragment TrackedTicketAnswer on TrackedTicketResult {
    __typename
    ... on TicketNotFound {
      message
    }
  }
`;

const answer = { ticketByTrackingToken: { __typename: 'TicketNotFound', message: 'Diese Wartenummer gibt es nicht.' } };

function roundTrip(cache: InMemoryCache) {
  cache.writeQuery({ query: TrackedTicket, variables: { token: 't' }, data: answer });
  return cache.readQuery({ query: TrackedTicket, variables: { token: 't' } });
}

describe('the cache of the SPAs', () => {
  it('matches a fragment on a union against the member the server answered with', () => {
    expect(roundTrip(createApiCache())).toEqual(answer);
  });

  it('matches a fragment on the ExpectedError interface, so one spread reads every failure’s message', () => {
    const AnyFailure = gql`
      query AnyFailure($token: String!) {
        ticketByTrackingToken(token: $token) {
          __typename
          ... on ExpectedError {
            message
          }
        }
      }
    `;
    const cache = createApiCache();
    cache.writeQuery({ query: AnyFailure, variables: { token: 't' }, data: answer });
    expect(cache.readQuery({ query: AnyFailure, variables: { token: 't' } })).toEqual(answer);
  });

  it('needs the generated possible types for that: a plain cache drops the fragment and its message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(roundTrip(new InMemoryCache())).toEqual({ ticketByTrackingToken: { __typename: 'TicketNotFound' } });
    expect(String(warn.mock.calls[0]?.[0])).toContain('missing `possibleTypes` entry');
    warn.mockRestore();
  });
});
