/**
 * Whether an error means "the database cannot be reached right now" (stopped, restarting, fail-over, network), as
 * opposed to a query that is wrong. Such errors are answered with 503 and retried by clients; they are not bugs.
 */

/** Socket errors of the connection to PostgreSQL. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs of a server that is going away or not accepting yet: class 08 (connection exception), 57P01–57P03
 * (terminated by an administrator, crash, cannot connect now: starting up or shutting down), 53300 (too many
 * connections).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;

/** What node-postgres and its pool say when a connection ends or cannot be had in time. */
const DRIVER_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

type ErrorLike = {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  originalError?: unknown;
  cause?: unknown;
  errors?: unknown;
};

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code)) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
  // TypeORM (driverError), GraphQL (originalError), standard causes, and AggregateError (IPv4 and IPv6 both refused).
  const inner = [e.driverError, e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((i) => i !== err && isDatabaseUnavailable(i, depth + 1));
}
