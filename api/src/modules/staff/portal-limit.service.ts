import type pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { overLimit } from '../portal-keys/portal-key-rules.js';

/** Far above any key's limit: the limiter only counts; the key's own limit is compared here. */
const COUNT_CEILING = 1_000_000_000;

/**
 * Requests per minute per portal API key, counted in PostgreSQL so that every api process shares the count.
 * Each root field of a request counts once. Each key has its own limit (`api_key.requestsPerMinute`, read with the
 * key on every request) or else the configured default; one limiter counts for all keys and the limit is compared
 * with its count, so a changed limit holds from the next request on, in every process.
 */
export class PortalLimitService {
  private readonly limiter: RateLimiterPostgres;

  constructor(
    pool: pg.Pool,
    private readonly defaultRequestsPerMinute: number,
  ) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'portal-key',
      points: COUNT_CEILING,
      duration: 60,
    });
  }

  /** Null when the request may go on, else the seconds until it may. */
  async consume(apiKeyId: string, requestsPerMinute: number | null = null): Promise<number | null> {
    const res = await this.limiter.consume(apiKeyId);
    if (!overLimit(res.consumedPoints, requestsPerMinute ?? this.defaultRequestsPerMinute)) return null;
    return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  }
}
