import { type ApolloClient, ApolloLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createApiClient, toWebSocketUrl } from '@bc/schema';
import { type Client, createClient } from 'graphql-ws';

type Options = { graphqlUrl?: string; bearer: () => string | undefined };

/** Wait before reconnect attempt n: 1, 2, 4 … capped at 30 s, plus jitter so a room of screens does not reconnect at once. */
export function reconnectDelayMs(retries: number, random: number = Math.random()): number {
  return Math.min(30, 2 ** retries) * 1000 + Math.floor(300 + random * 2700);
}

/**
 * The kit's client, with subscriptions sent over a socket of our own: a wall screen needs a capped reconnect
 * backoff (graphql-ws's default doubles without limit, so after an hour-long outage the next attempt would be an
 * hour away) and needs to see connects and drops (to show its status and to restart a frozen socket).
 * Candidate for the kit: `createApiClient` could take these options and return its socket.
 */
export function createTrackerClient(opts: Options): { client: ApolloClient; socket: Client } {
  const client = createApiClient(opts);
  const graphqlUrl = opts.graphqlUrl ?? '/graphql';
  const socket = createClient({
    url: toWebSocketUrl(graphqlUrl),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
    connectionParams: () => {
      const token = opts.bearer();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const def = getMainDefinition(query);
    return def.kind === 'OperationDefinition' && def.operation === 'subscription';
  };
  // Subscriptions take our socket; everything else goes on to the kit's link (HTTP with the bearer header).
  client.setLink(ApolloLink.split(isSubscription, new GraphQLWsLink(socket), client.link));
  return { client, socket };
}
