import type pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { type DataSource, type EntityManager, In, IsNull, MoreThan } from 'typeorm';
import type { Actor } from '../../shared/actor.js';
import { generateSecret, hashSecret, tokenPrefix } from '../../shared/credentials.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isUuid } from '../../shared/ids.js';
import { type AdminOutcome, invalid, ok } from '../../shared/office-lock.js';
import { Role, type StaffRole } from '../../shared/role.js';
import { toOffice } from '../catalog/catalog.service.js';
import type { Office } from '../catalog/catalog.types.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import type { RetentionStep } from '../retention/retention.service.js';
import { AuthService } from './auth.service.js';
import { PasswordLinkEntity } from './password-link.entity.js';
import {
  canGrantOffices,
  canManage,
  checkDisplayName,
  checkOffices,
  checkPassword,
  checkRoles,
  checkUsername,
  linkExpiry,
  linkState,
  losesLastAdmin,
  type ManagerScope,
} from './staff-account-rules.js';
import { StaffSessionEntity } from './staff-session.entity.js';
import { StaffUserEntity } from './staff-user.entity.js';

/** Serialises changes of staff accounts (pg_advisory_xact_lock), so that the last-admin guard holds under races. */
const LOCK_STAFF_ACCOUNTS = 51_001;
/** Failed link redemptions per client address and hour before it must wait. */
export const PASSWORD_LINK_MAX_FAILURES = 10;

/**
 * Removes password links used or expired before the cutoff (part of the daily retention run). They hold no personal
 * data, only a hash and who issued them; afterwards such a code is refused as unknown rather than as used or expired.
 */
export const passwordLinkRetentionStep: RetentionStep = {
  name: 'passwordLinks',
  run: async (ds, cutoff) => {
    const [, count]: [unknown, number] = await ds.query(
      'DELETE FROM staff_password_link WHERE "usedAt" < $1 OR "expiresAt" < $1',
      [cutoff],
    );
    return count;
  },
};
const PASSWORD_LINK_LOCK_SECONDS = 60 * 60;

export type StaffAccountView = {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  offices: Office[];
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** Expiry of the newest unused password link, if one is open. */
  passwordLinkExpiresAt: Date | null;
};

export type PasswordLinkView = { accountId: string; code: string; url: string; expiresAt: Date };

export type CreateAccountInput = { username: string; displayName: string; roles: string[]; officeIds: string[] };
export type UpdateAccountInput = { displayName?: string | null; roles?: string[] | null; officeIds?: string[] | null };

export type SetPasswordOutcome =
  | { kind: 'ok'; username: string }
  | { kind: 'refused'; reason: 'UNKNOWN' | 'USED' | 'EXPIRED' }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'locked'; retryAfterSeconds: number };

const unknownAccount: FieldProblem = { field: 'id', code: 'UNKNOWN_ACCOUNT', message: 'There is no such account.' };

/**
 * Staff accounts for ADMIN (all accounts) and office managers (accounts of their own offices, without ADMIN).
 * Every change is one transaction under one advisory lock; password links are one-time secrets valid seven days.
 */
export class StaffAccountsService {
  private readonly linkFailures: RateLimiterPostgres;

  constructor(
    private readonly ds: DataSource,
    pool: pg.Pool,
    private readonly publicUrl: string,
    private readonly now: () => Date,
  ) {
    this.linkFailures = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'password-link-ip',
      points: PASSWORD_LINK_MAX_FAILURES,
      duration: PASSWORD_LINK_LOCK_SECONDS,
    });
  }

  private async scopeOf(m: EntityManager, actor: Actor): Promise<ManagerScope> {
    if (actor.kind !== 'staff') return { isAdmin: false, officeIds: [] };
    if (actor.roles.includes(Role.ADMIN)) return { isAdmin: true, officeIds: [] };
    const rows: { officeId: string }[] = await m.query('SELECT "officeId" FROM staff_office WHERE "staffUserId" = $1', [
      actor.staffUserId,
    ]);
    return { isAdmin: false, officeIds: rows.map((r) => r.officeId) };
  }

  /**
   * The accounts the actor may manage; with an office, those working in it (null when the actor may not manage that
   * office). ADMIN accounts are listed to ADMIN only.
   */
  async list(actor: Actor, officeId?: string | null): Promise<StaffAccountView[] | null> {
    const scope = await this.scopeOf(this.ds.manager, actor);
    if (officeId != null && (!isUuid(officeId) || !canGrantOffices(scope, [officeId]))) return null;
    const users = await this.ds
      .getRepository(StaffUserEntity)
      .find({ relations: { offices: true }, order: { displayName: 'ASC', username: 'ASC' } });
    const visible = users.filter(
      (u) =>
        canManage(scope, { roles: u.roles, officeIds: u.offices.map((o) => o.id) }) &&
        (officeId == null || u.offices.some((o) => o.id === officeId)),
    );
    return this.views(this.ds.manager, visible);
  }

  async create(actor: Actor, input: CreateAccountInput): Promise<AdminOutcome<StaffAccountView>> {
    return this.change(async (m, scope) => {
      const problems: FieldProblem[] = [];
      const username = checkUsername(input.username);
      const displayName = checkDisplayName(input.displayName);
      const roles = checkRoles(input.roles, scope);
      const offices = checkOffices(input.officeIds, input.roles);
      for (const c of [username, displayName, roles, offices]) if (!c.ok) problems.push(...c.problems);
      if (offices.ok && !canGrantOffices(scope, offices.value)) return { kind: 'officeNotAllowed' };
      if (offices.ok) problems.push(...(await this.unknownOffices(m, offices.value)));
      if (username.ok && (await m.getRepository(StaffUserEntity).existsBy({ username: username.value })))
        problems.push({ field: 'username', code: 'TAKEN', message: 'This username is taken.' });
      if (problems.length > 0 || !username.ok || !displayName.ok || !roles.ok || !offices.ok)
        return invalid(...problems);
      // Unusable until a password is set through a link: nobody knows this random secret.
      const passwordHash = await AuthService.hashPassword(generateSecret('unset_'));
      const saved = await m.getRepository(StaffUserEntity).save({
        username: username.value,
        displayName: displayName.value,
        passwordHash,
        roles: roles.value,
        active: true,
        offices: offices.value.map((id) => ({ id }) as OfficeEntity),
      });
      return ok(await this.view(m, saved.id));
    }, actor);
  }

  async update(actor: Actor, id: string, input: UpdateAccountInput): Promise<AdminOutcome<StaffAccountView>> {
    return this.withAccount(actor, id, async (m, scope, user) => {
      const problems: FieldProblem[] = [];
      const displayName = input.displayName != null ? checkDisplayName(input.displayName) : null;
      const roles = input.roles != null ? checkRoles(input.roles, scope) : null;
      const nextRoles = roles?.ok ? roles.value : user.roles;
      const offices = input.officeIds != null ? checkOffices(input.officeIds, nextRoles) : null;
      for (const c of [displayName, roles, offices]) if (c && !c.ok) problems.push(...c.problems);
      if (offices?.ok && !canGrantOffices(scope, offices.value)) return { kind: 'officeNotAllowed' };
      if (offices?.ok) problems.push(...(await this.unknownOffices(m, offices.value)));
      if (roles?.ok && losesLastAdmin(user, { roles: roles.value, active: user.active }, await this.activeAdmins(m)))
        problems.push({ field: 'roles', code: 'LAST_ADMIN', message: 'The last active administrator keeps ADMIN.' });
      if (roles?.ok && offices === null && !roles.value.includes(Role.ADMIN) && user.offices.length === 0)
        problems.push({
          field: 'officeIds',
          code: 'REQUIRED',
          message: 'An account without ADMIN works in at least one office.',
        });
      if (problems.length > 0) return invalid(...problems);
      if (displayName?.ok) user.displayName = displayName.value;
      if (roles?.ok) user.roles = roles.value;
      if (offices?.ok) user.offices = offices.value.map((o) => ({ id: o }) as OfficeEntity);
      await m.getRepository(StaffUserEntity).save(user);
      return ok(await this.view(m, user.id));
    });
  }

  /** Deactivates an account: its sessions end at once and open password links are dropped. */
  async deactivate(actor: Actor, id: string): Promise<AdminOutcome<StaffAccountView>> {
    return this.withAccount(actor, id, async (m, _scope, user) => {
      if (actor.kind === 'staff' && actor.staffUserId === user.id)
        return invalid({ field: 'id', code: 'SELF', message: 'You cannot deactivate your own account.' });
      if (losesLastAdmin(user, { roles: user.roles, active: false }, await this.activeAdmins(m)))
        return invalid({ field: 'id', code: 'LAST_ADMIN', message: 'The last active administrator stays active.' });
      await m.update(StaffUserEntity, user.id, { active: false });
      await m.delete(StaffSessionEntity, { staffUserId: user.id });
      await m.delete(PasswordLinkEntity, { staffUserId: user.id, usedAt: IsNull() });
      return ok(await this.view(m, user.id));
    });
  }

  async reactivate(actor: Actor, id: string): Promise<AdminOutcome<StaffAccountView>> {
    return this.withAccount(actor, id, async (m, _scope, user) => {
      await m.update(StaffUserEntity, user.id, { active: true });
      return ok(await this.view(m, user.id));
    });
  }

  /**
   * Issues a one-time link to set the account's password (invitation and reset alike); earlier open links of the
   * account stop working. The code is returned once and only its hash stored.
   */
  async issuePasswordLink(actor: Actor, id: string): Promise<AdminOutcome<PasswordLinkView>> {
    return this.withAccount(actor, id, async (m, _scope, user) => {
      if (!user.active)
        return invalid({ field: 'id', code: 'INACTIVE', message: 'Reactivate the account before issuing a link.' });
      return ok(await this.newLink(m, user.id, actor.kind === 'staff' ? actor.staffUserId : null));
    });
  }

  /**
   * For the command line (`cli admin:invite`): creates an ADMIN account, or takes the existing ADMIN account of that
   * name (reactivated), and issues a password link for it. Meant for the first admin of a fresh install and for an
   * admin who is locked out; there is no actor, so it is not offered over GraphQL.
   */
  async inviteAdminFromShell(usernameRaw: string, displayNameRaw: string): Promise<AdminOutcome<PasswordLinkView>> {
    return this.change(async (m) => {
      const username = checkUsername(usernameRaw);
      const displayName = checkDisplayName(displayNameRaw);
      const problems = [username, displayName].flatMap((c) => (c.ok ? [] : c.problems));
      if (!username.ok || !displayName.ok) return invalid(...problems);
      const repo = m.getRepository(StaffUserEntity);
      const existing = await repo.findOneBy({ username: username.value });
      if (existing && !existing.roles.includes(Role.ADMIN))
        return invalid({ field: 'username', code: 'NOT_AN_ADMIN', message: 'This account exists without ADMIN.' });
      const id =
        existing?.id ??
        (
          await repo.save({
            username: username.value,
            displayName: displayName.value,
            passwordHash: await AuthService.hashPassword(generateSecret('unset_')),
            roles: [Role.ADMIN],
            active: true,
          })
        ).id;
      if (existing && !existing.active) await repo.update(id, { active: true });
      return ok(await this.newLink(m, id, null));
    }, null);
  }

  /** A new one-time link for the account; its open links stop working. */
  private async newLink(m: EntityManager, staffUserId: string, issuedById: string | null): Promise<PasswordLinkView> {
    await m.delete(PasswordLinkEntity, { staffUserId, usedAt: IsNull() });
    const code = generateSecret(tokenPrefix.passwordLink);
    const expiresAt = linkExpiry(this.now());
    await m.insert(PasswordLinkEntity, { codeHash: hashSecret(code), staffUserId, issuedById, expiresAt });
    return { accountId: staffUserId, code, url: `${this.publicUrl}/staff/passwort#code=${code}`, expiresAt };
  }

  /**
   * Sets a password with a link's code: used once, refused after expiry, refused for deactivated accounts. Failed
   * codes count per client address (like sign-in); the password rules are checked before the link is used up. All
   * sessions of the account end (a reset is often asked for after a password leaked).
   */
  async setPasswordWithLink(code: string, newPassword: string, clientIp: string): Promise<SetPasswordOutcome> {
    const failures = await this.linkFailures.get(clientIp);
    if (failures && failures.consumedPoints >= PASSWORD_LINK_MAX_FAILURES)
      return { kind: 'locked', retryAfterSeconds: Math.max(1, Math.ceil(failures.msBeforeNext / 1000)) };
    const outcome = await this.ds.transaction(async (m): Promise<SetPasswordOutcome> => {
      const link = await m
        .getRepository(PasswordLinkEntity)
        .createQueryBuilder('l')
        .innerJoinAndSelect('l.staffUser', 'u')
        .setLock('pessimistic_write', undefined, ['l'])
        .where('l.codeHash = :h', { h: hashSecret(code.trim()) })
        .getOne();
      if (!link?.staffUser.active) return { kind: 'refused', reason: 'UNKNOWN' };
      const state = linkState(link, this.now());
      if (state === 'used') return { kind: 'refused', reason: 'USED' };
      if (state === 'expired') return { kind: 'refused', reason: 'EXPIRED' };
      const problems = checkPassword(newPassword, link.staffUser.username);
      if (problems.length > 0) return { kind: 'invalid', problems };
      await m.update(PasswordLinkEntity, link.id, { usedAt: this.now() });
      await m.update(StaffUserEntity, link.staffUserId, { passwordHash: await AuthService.hashPassword(newPassword) });
      await m.delete(StaffSessionEntity, { staffUserId: link.staffUserId });
      return { kind: 'ok', username: link.staffUser.username };
    });
    if (outcome.kind === 'refused') await this.linkFailures.consume(clientIp).catch(() => undefined);
    return outcome;
  }

  /** One change under the staff-accounts lock, with the actor's scope (null: the command line, as ADMIN). */
  private async change<T>(
    work: (m: EntityManager, scope: ManagerScope) => Promise<AdminOutcome<T>>,
    actor: Actor | null,
  ): Promise<AdminOutcome<T>> {
    return this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LOCK_STAFF_ACCOUNTS]);
      return work(m, actor ? await this.scopeOf(m, actor) : { isAdmin: true, officeIds: [] });
    });
  }

  /** A change of one existing account the actor may manage (else OfficeNotAllowed; unknown → InvalidInput). */
  private withAccount<T>(
    actor: Actor,
    id: string,
    work: (m: EntityManager, scope: ManagerScope, user: StaffUserEntity) => Promise<AdminOutcome<T>>,
  ): Promise<AdminOutcome<T>> {
    return this.change(async (m, scope) => {
      if (!isUuid(id)) return invalid(unknownAccount);
      const user = await m.getRepository(StaffUserEntity).findOne({ where: { id }, relations: { offices: true } });
      if (!user) return invalid(unknownAccount);
      if (!canManage(scope, { roles: user.roles, officeIds: user.offices.map((o) => o.id) }))
        return { kind: 'officeNotAllowed' };
      return work(m, scope, user);
    }, actor);
  }

  private async unknownOffices(m: EntityManager, officeIds: string[]): Promise<FieldProblem[]> {
    const valid = officeIds.filter(isUuid);
    const found = valid.length ? await m.getRepository(OfficeEntity).findBy({ id: In(valid) }) : [];
    return officeIds.flatMap((id, i) =>
      found.some((o) => o.id === id)
        ? []
        : [{ field: `officeIds.${i}`, code: 'UNKNOWN_OFFICE', message: 'There is no such office.' }],
    );
  }

  private async activeAdmins(m: EntityManager): Promise<number> {
    const [row]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM staff_user WHERE active AND roles @> ARRAY['ADMIN']::text[]`,
    );
    return row?.n ?? 0;
  }

  private async view(m: EntityManager, id: string): Promise<StaffAccountView> {
    const user = await m.getRepository(StaffUserEntity).findOneOrFail({ where: { id }, relations: { offices: true } });
    const [view] = await this.views(m, [user]);
    return view as StaffAccountView;
  }

  private async views(m: EntityManager, users: StaffUserEntity[]): Promise<StaffAccountView[]> {
    const ids = users.map((u) => u.id);
    const links = ids.length
      ? await m.getRepository(PasswordLinkEntity).find({
          where: { staffUserId: In(ids), usedAt: IsNull(), expiresAt: MoreThan(this.now()) },
        })
      : [];
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      roles: u.roles as StaffRole[] as unknown as Role[],
      offices: u.offices.map(toOffice).sort((a, b) => a.name.localeCompare(b.name, 'de')),
      active: u.active,
      lastLoginAt: u.lastLoginAt,
      createdAt: u.createdAt,
      passwordLinkExpiresAt:
        links
          .filter((l) => l.staffUserId === u.id)
          .map((l) => l.expiresAt)
          .sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
    }));
  }
}
