import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger.js';

/** Codes of thrown (unexpected or access) errors, in `extensions.code`. */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  BadUserInput = 'BAD_USER_INPUT',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
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
const appCodes = new Set<string>(Object.values(ErrorCode));

/**
 * The one place that decides what a client sees of an error: known codes pass with their message,
 * everything else becomes a generic internal error (logged with its stack, never sent).
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    if (appCodes.has(code) || requestErrorCodes.has(code)) {
      return { ...formatted, extensions };
    }
    // graphql-js validation errors (and graphql-armor's) carry no code when raised outside Apollo's pipeline.
    if (!code && !formatted.path) {
      return { ...formatted, extensions: { ...extensions, code: 'GRAPHQL_VALIDATION_FAILED' } };
    }
    log.error(
      { err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path },
      'unexpected error',
    );
    return {
      message: 'Something went wrong on our side. Please try again.',
      path: formatted.path,
      extensions: { code: ErrorCode.Internal },
    };
  };
}
