import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { Kind } from 'graphql';
import type { Context } from './context.js';
import { appError, ErrorCode } from './errors.js';

/**
 * Counts every root field a portal calls against its key's limit; over the limit it gets RATE_LIMITED and nothing
 * runs. An Apollo plugin (once per operation) rather than a field middleware: a global type-graphql middleware
 * wraps every field of every result, which costs each response far more than this check is worth.
 */
export const portalLimitPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        const { identity } = contextValue;
        if (identity.kind !== 'portal' || !operation || operation.operation === 'subscription') return;
        const rootFields = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length || 1;
        for (let i = 0; i < rootFields; i += 1) {
          const { id, requestsPerMinute } = identity.apiKey;
          const retryAfterSeconds = await contextValue.services.portalLimit.consume(id, requestsPerMinute);
          if (retryAfterSeconds !== null)
            throw appError(ErrorCode.RateLimited, 'This API key has made too many requests. Please slow down.', {
              retryAfterSeconds,
              // Refused before anything runs: HTTP 429 (Apollo would answer such a request error with 500).
              http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
            });
        }
      },
    };
  },
};
