import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import introspection from './gql/possible-types.js';

export type ApiOptions = {
  /** Where /graphql lives; relative to the page by default, absolute when the SPA is hosted elsewhere. */
  graphqlUrl?: string;
  /** Bearer secret of a kiosk or display (staff use the HttpOnly session cookie instead). */
  bearer?: () => string | undefined;
};

export function toWebSocketUrl(httpUrl: string, base: string = window.location.href): string {
  const url = new URL(httpUrl, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * The cache of every SPA: it knows the members of each union and interface (generated from schema.graphql by
 * `pnpm codegen`), so a fragment on an abstract type matches its members instead of coming back empty.
 */
export function createApiCache(): InMemoryCache {
  return new InMemoryCache({ possibleTypes: introspection.possibleTypes });
}

/**
 * One client for queries and mutations over HTTP and subscriptions over graphql-ws (same /graphql path).
 * The socket reconnects by itself, forever, with backoff: screens on walls must never need a hand.
 */
export function createApiClient(opts: ApiOptions = {}): ApolloClient {
  const graphqlUrl = opts.graphqlUrl ?? '/graphql';
  const authorization = () => {
    const token = opts.bearer?.();
    return token ? `Bearer ${token}` : undefined;
  };
  const http = new HttpLink({ uri: graphqlUrl, credentials: 'include' });
  const withAuth = new ApolloLink((operation, forward) => {
    const value = authorization();
    if (value) operation.setContext(({ headers = {} }) => ({ headers: { ...headers, authorization: value } }));
    return forward(operation);
  });
  const ws = new GraphQLWsLink(
    createClient({
      url: toWebSocketUrl(graphqlUrl),
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      connectionParams: () => {
        const value = authorization();
        return value ? { authorization: value } : {};
      },
    }),
  );
  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    ws,
    withAuth.concat(http),
  );
  return new ApolloClient({ link, cache: createApiCache() });
}
