import { randomUUID } from 'node:crypto';
import { type ApolloServerPlugin, type BaseContext, HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { type Logger, LogThrottle } from '../logger.js';

/** Codes of thrown (unexpected or access) errors, in `extensions.code`. */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  BadUserInput = 'BAD_USER_INPUT',
  RateLimited = 'RATE_LIMITED',
  /** The HTTP request itself is unusable: a body that is not JSON (HTTP 400). */
  BadRequest = 'BAD_REQUEST',
  /** HTTP 413: the body is over the limit. */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** HTTP 415: a body encoding or charset other than UTF-8 JSON. */
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  /** HTTP 503: the database cannot be reached; retry after `Retry-After` seconds. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  /** Anything unexpected; carries `correlationId`, the key to the server's log line. */
  Internal = 'INTERNAL_SERVER_ERROR',
}

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** How long clients are asked to wait while the database is unreachable (a restart takes seconds). */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;
export const UNAVAILABLE_MESSAGE = 'The service is briefly unavailable. Please try again in a few seconds.';
export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';

/** What the HTTP answer of an outage carries besides its body. */
export const unavailableHttp = () => ({
  status: 503,
  headers: new HeaderMap([['retry-after', String(OUTAGE_RETRY_AFTER_SECONDS)]]),
});

/** Database errors as SERVICE_UNAVAILABLE (HTTP 503); every other error unchanged. */
export function asUnavailable(err: unknown): unknown {
  return isDatabaseUnavailable(err)
    ? new GraphQLError(UNAVAILABLE_MESSAGE, {
        originalError: err instanceof Error ? err : undefined,
        extensions: { code: ErrorCode.ServiceUnavailable, http: unavailableHttp() },
      })
    : err;
}

/** Logs an unexpected error with a fresh correlation id (also given to the client, so that it can be quoted). */
export function logUnexpected(log: Logger, err: unknown, details: Record<string, unknown> = {}): string {
  const correlationId = randomUUID();
  log.error({ err, correlationId, ...details }, 'unexpected error');
  return correlationId;
}

/** Codes that Apollo, graphql-js and graphql-armor produce for malformed requests; safe to show. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_USER_INPUT',
]);
// INTERNAL_SERVER_ERROR is what Apollo gives every error without a code: never passed on as it is.
const shownCodes = new Set<string>([...Object.values(ErrorCode), ...requestErrorCodes]);
shownCodes.delete(ErrorCode.Internal);

/**
 * The one place that decides what a client sees of an error: known codes pass with their message; an unreachable
 * database becomes SERVICE_UNAVAILABLE (logged once a minute while it lasts); everything else becomes a generic
 * internal error with a correlation id, logged with its cause and stack, never sent.
 */
export function formatError(log: Logger) {
  const outages = new LogThrottle(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    const cause = (error as { originalError?: unknown })?.originalError ?? error;
    if (code === ErrorCode.ServiceUnavailable || isDatabaseUnavailable(cause)) {
      outages.warn({ err: cause }, 'database unavailable: answered 503');
      return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.ServiceUnavailable } };
    }
    if (shownCodes.has(code)) return { ...formatted, extensions };
    // graphql-js validation errors (and graphql-armor's) carry no code when raised outside Apollo's pipeline.
    if (!code && !formatted.path) {
      return { ...formatted, extensions: { ...extensions, code: 'GRAPHQL_VALIDATION_FAILED' } };
    }
    const correlationId = logUnexpected(log, cause, { path: formatted.path });
    return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.Internal, correlationId } };
  };
}

/**
 * An operation that failed because the database could not be reached is answered with HTTP 503 and Retry-After
 * (the errors themselves become SERVICE_UNAVAILABLE in formatError), so that clients and load balancers retry.
 */
export const outagePlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, response }) {
        if (!errors.some((e) => isDatabaseUnavailable(e))) return;
        const http = unavailableHttp();
        response.http.status = http.status;
        for (const [name, value] of http.headers) response.http.headers.set(name, value);
      },
    };
  },
};
