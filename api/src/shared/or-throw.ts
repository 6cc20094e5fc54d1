import { appError, ErrorCode } from '../graphql/errors.js';

/** Throws for the reads: a wrong office is forbidden, an unknown id not found. */
export function orThrow<T>(value: T | 'forbidden' | 'notFound'): T {
  if (value === 'forbidden') throw appError(ErrorCode.Forbidden, 'This belongs to an office you do not work in.');
  if (value === 'notFound') throw appError(ErrorCode.NotFound, 'Not found.');
  return value;
}
