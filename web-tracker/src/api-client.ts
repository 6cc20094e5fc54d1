import { type ApolloClient, ApolloLink } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createApiClient, toWebSocketUrl } from '@bc/schema';
import { type Client, createClient } from 'graphql-ws';
import { followSocketState } from './components/socket';

type Options = {
  graphqlUrl?: string;
  bearer: () => string | undefined;
  /** Open the socket now rather than with the first subscription (a page that subscribes as soon as it renders). */
  connectAtOnce?: boolean;
};

/** Wait before reconnect attempt n: 1, 2, 4 … capped at 30 s, plus jitter so a room of screens does not reconnect at once. */
export function reconnectDelayMs(retries: number, random: number = Math.random()): number {
  return Math.min(30, 2 ** retries) * 1000 + Math.floor(300 + random * 2700);
}

/** A ping goes out this often on an idle socket; without its pong within PONG_TIMEOUT_MS the socket is replaced. */
const KEEP_ALIVE_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;

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
    lazy: !opts.connectAtOnce,
    // Failures show as the socket's state ('lost'); the client keeps retrying.
    onNonLazyError: () => {},
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(retries))),
    keepAlive: KEEP_ALIVE_MS,
    connectionParams: () => {
      const token = opts.bearer();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  followSocketState(socket);
  watchForDeadSocket(socket);
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const def = getMainDefinition(query);
    return def.kind === 'OperationDefinition' && def.operation === 'subscription';
  };
  // Subscriptions take our socket; everything else goes on to the kit's link (HTTP with the bearer header).
  client.setLink(ApolloLink.split(isSubscription, new GraphQLWsLink(socket), client.link));
  return { client, socket };
}

/**
 * A socket can die without closing (phone in a tunnel, sleeping network, dropped NAT entry): when a ping gets no
 * pong in time, or the device says it went offline, the socket is dropped at once, so the page says it is offline
 * and graphql-ws reconnects (with backoff) and resubscribes; each subscription then starts with the current state.
 */
function watchForDeadSocket(socket: Client) {
  let pongDue: ReturnType<typeof setTimeout> | undefined;
  socket.on('ping', (received) => {
    if (received) return;
    clearTimeout(pongDue);
    pongDue = setTimeout(() => socket.terminate(), PONG_TIMEOUT_MS);
  });
  socket.on('pong', (received) => {
    if (received) clearTimeout(pongDue);
  });
  socket.on('closed', () => clearTimeout(pongDue));
  window.addEventListener('offline', () => socket.terminate());
}
