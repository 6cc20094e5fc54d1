import { CombinedGraphQLErrors, type ErrorLike, ServerError } from '@apollo/client';

const accessCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * True when the api refused this device (no token, unknown or revoked token, or not a device): the kiosk or display needs
 * to be set up again. Over HTTP a refused bearer may come back as a 401 response rather than a GraphQL error.
 */
export function isAccessRefused(error: ErrorLike | undefined): boolean {
  if (!error) return false;
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.some((e) => accessCodes.has(String(e.extensions?.code ?? '')));
  }
  if (ServerError.is(error)) return error.statusCode === 401 || error.statusCode === 403;
  return false;
}
