import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Requests per minute per portal API key, counted in PostgreSQL so that every api process shares the count.
 * Each root field of a request counts once.
 */
export class PortalLimitService {
  private readonly limiter: RateLimiterPostgres;

  constructor(pool: pg.Pool, requestsPerMinute: number) {
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'portal-key',
      points: requestsPerMinute,
      duration: 60,
    });
  }

  /** Null when the request may go on, else the seconds until it may. */
  async consume(apiKeyId: string): Promise<number | null> {
    try {
      await this.limiter.consume(apiKeyId);
      return null;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }
}
