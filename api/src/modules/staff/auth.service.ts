import argon2 from 'argon2';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { generateSecret, hashSecret, tokenPrefix } from './credentials.js';
import { StaffSessionEntity } from './staff-session.entity.js';
import { StaffUserEntity } from './staff-user.entity.js';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_SECONDS = 15 * 60;
const ADDRESS_MAX_FAILURES = 50;

export type LoginOutcome =
  | { kind: 'ok'; user: StaffUserEntity; sessionToken: string; maxAgeSeconds: number }
  | { kind: 'invalid' }
  | { kind: 'locked'; retryAfterSeconds: number };

/** Compared against when the username is unknown, so that both failures take the same time. */
const dummyHash = argon2.hash('not-a-real-password', { type: argon2.argon2id });

export class AuthService {
  private readonly failuresByAccount: RateLimiterPostgres;
  private readonly failuresByAddress: RateLimiterPostgres;

  constructor(
    private readonly ds: DataSource,
    pool: pg.Pool,
    private readonly sessionTtlHours: number,
    private readonly now: () => Date,
  ) {
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limit', tableCreated: true } as const;
    // Failures per account and address lock that pair; failures per address alone stop password spraying.
    this.failuresByAccount = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login',
      points: LOGIN_MAX_FAILURES,
      duration: LOGIN_LOCK_SECONDS,
    });
    this.failuresByAddress = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-ip',
      points: ADDRESS_MAX_FAILURES,
      duration: 60 * 60,
    });
  }

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async login(usernameRaw: string, password: string, clientIp: string): Promise<LoginOutcome> {
    const username = usernameRaw.trim().toLowerCase();
    const accountKey = `${username}|${clientIp}`;
    const locked = await this.lockedFor(accountKey, clientIp);
    if (locked > 0) return { kind: 'locked', retryAfterSeconds: locked };

    const user = await this.ds.getRepository(StaffUserEntity).findOneBy({ username });
    const ok = await argon2.verify(user?.passwordHash ?? (await dummyHash), password);
    if (!user || !ok || !user.active) {
      // consume() rejects once a limit is exceeded; the next attempt is then refused by lockedFor().
      await Promise.allSettled([this.failuresByAccount.consume(accountKey), this.failuresByAddress.consume(clientIp)]);
      return { kind: 'invalid' };
    }
    await this.failuresByAccount.delete(accountKey);
    const sessionToken = generateSecret(tokenPrefix.session);
    const maxAgeSeconds = Math.round(this.sessionTtlHours * 3600);
    await this.ds.transaction(async (em) => {
      await em.insert(StaffSessionEntity, {
        tokenHash: hashSecret(sessionToken),
        staffUserId: user.id,
        expiresAt: new Date(this.now().getTime() + maxAgeSeconds * 1000),
      });
      await em.update(StaffUserEntity, user.id, { lastLoginAt: this.now() });
      // Expired sessions are removed on the way; nothing else needs them.
      await em.query('DELETE FROM staff_session WHERE "expiresAt" < $1', [this.now()]);
    });
    return { kind: 'ok', user, sessionToken, maxAgeSeconds };
  }

  /** Seconds until this account/address pair may try again; 0 when not locked. */
  private async lockedFor(accountKey: string, clientIp: string): Promise<number> {
    const [byAccount, byAddress] = await Promise.all([
      this.failuresByAccount.get(accountKey),
      this.failuresByAddress.get(clientIp),
    ]);
    const over = [byAccount, byAddress].filter(
      (res, i): res is RateLimiterRes =>
        !!res && res.consumedPoints >= (i === 0 ? LOGIN_MAX_FAILURES : ADDRESS_MAX_FAILURES),
    );
    return Math.max(0, ...over.map((res) => Math.ceil(res.msBeforeNext / 1000)));
  }

  async logout(sessionId: string): Promise<void> {
    await this.ds.getRepository(StaffSessionEntity).delete(sessionId);
  }
}
