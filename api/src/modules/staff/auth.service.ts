import argon2 from 'argon2';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { generateSecret, hashSecret, tokenPrefix } from '../../shared/credentials.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { checkPassword } from './staff-account-rules.js';
import { StaffSessionEntity } from './staff-session.entity.js';
import { StaffUserEntity } from './staff-user.entity.js';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_SECONDS = 15 * 60;
const ADDRESS_MAX_FAILURES = 50;

export type LoginOutcome =
  | { kind: 'ok'; user: StaffUserEntity; sessionToken: string; maxAgeSeconds: number }
  | { kind: 'invalid' }
  | { kind: 'locked'; retryAfterSeconds: number };

export type ChangePasswordOutcome =
  | { kind: 'ok'; username: string }
  | { kind: 'invalid'; problems: FieldProblem[] }
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

  /**
   * A signed-in staff member changes their own password. A wrong current password counts as a failed sign-in of
   * the account from this address, and the sign-in lock applies here too: a session left open on a shared screen
   * is no way to guess the password. The new one follows the password rules and differs from the current one. The
   * account's other sessions end (the usual reason for a change is a password that others may know); this one stays.
   */
  async changeOwnPassword(
    staff: { sessionId: string; user: { id: string; username: string } },
    currentPassword: string,
    newPassword: string,
    clientIp: string,
  ): Promise<ChangePasswordOutcome> {
    const accountKey = `${staff.user.username}|${clientIp}`;
    const locked = await this.lockedFor(accountKey, clientIp);
    if (locked > 0) return { kind: 'locked', retryAfterSeconds: locked };
    const user = await this.ds.getRepository(StaffUserEntity).findOneBy({ id: staff.user.id });
    if (!user || !(await argon2.verify(user.passwordHash ?? (await dummyHash), currentPassword))) {
      await Promise.allSettled([this.failuresByAccount.consume(accountKey), this.failuresByAddress.consume(clientIp)]);
      return {
        kind: 'invalid',
        problems: [{ field: 'currentPassword', code: 'WRONG_PASSWORD', message: 'The current password is not right.' }],
      };
    }
    const problems = checkPassword(newPassword, user.username);
    if (problems.length === 0 && newPassword === currentPassword)
      problems.push({
        field: 'newPassword',
        code: 'UNCHANGED',
        message: 'Choose a password other than the current one.',
      });
    if (problems.length > 0) return { kind: 'invalid', problems };
    const passwordHash = await AuthService.hashPassword(newPassword);
    await this.ds.transaction(async (m) => {
      await m.update(StaffUserEntity, user.id, { passwordHash });
      await m.query('DELETE FROM staff_session WHERE "staffUserId" = $1 AND id <> $2', [user.id, staff.sessionId]);
    });
    await this.failuresByAccount.delete(accountKey);
    return { kind: 'ok', username: user.username };
  }

  async logout(sessionId: string): Promise<void> {
    await this.ds.getRepository(StaffSessionEntity).delete(sessionId);
  }
}
