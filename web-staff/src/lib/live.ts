import type { TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import { graphql } from '../gql';

const OfficeQueueChanges = graphql(`
  subscription OfficeQueueChanges($officeId: ID!) {
    officeQueue(officeId: $officeId) {
      officeId
      revision
    }
  }
`);

/** While the live connection is down (it retries by itself), the screens read again at this interval. */
export const QUEUE_FALLBACK_POLL_MS = 30_000;

/**
 * Keeps a staff screen's queries current without polling: the api pushes every change of the office's queue, made
 * in any api process, and after a reconnect the current state first; each push reads the given (active) queries
 * again. Returns the poll interval for them: none while live, a slow fallback while the connection is down.
 */
export function useQueueLive(officeId: string, queries: readonly (DocumentNode | TypedDocumentNode)[]): number {
  const client = useApolloClient();
  const { error } = useSubscription(OfficeQueueChanges, {
    variables: { officeId },
    onData: () => void client.refetchQueries({ include: [...queries] }),
  });
  return error ? QUEUE_FALLBACK_POLL_MS : 0;
}
