import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

type ErrorBody = { errors?: { extensions?: { correlationId?: unknown } }[] };

/**
 * The correlation id the api gives an unexpected error (`extensions.correlationId`), so that staff can quote it to
 * whoever reads the server's log; undefined for other failures (network down, refusals, outages).
 */
export function errorReference(error: unknown): string | undefined {
  const errors = CombinedGraphQLErrors.is(error)
    ? error.errors
    : ServerError.is(error)
      ? parse(error.bodyText)?.errors
      : undefined;
  const id = errors?.map((e) => e.extensions?.correlationId).find((v) => typeof v === 'string');
  return typeof id === 'string' ? id : undefined;
}

function parse(text: string): ErrorBody | undefined {
  try {
    return JSON.parse(text) as ErrorBody;
  } catch {
    return undefined;
  }
}
