/**
 * The rules for staff accounts: what an account may look like, who may manage it, the last-admin guard, password
 * rules and the state of a password link. Plain checks over plain data (no database, no clock read).
 */

import { singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isStaffRole, Role, type StaffRole } from '../../shared/role.js';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 40;
export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 100;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
/** A password link (invitation or reset) is valid this long. */
export const PASSWORD_LINK_DAYS = 7;

const USERNAME = /^[a-z0-9][a-z0-9._-]*$/;

type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Who manages: ADMIN everywhere; an office manager in the offices they work in. */
export type ManagerScope = { isAdmin: boolean; officeIds: readonly string[] };

/** An account as the rules see it. */
export type AccountFacts = { roles: readonly string[]; officeIds: readonly string[]; active: boolean };

/** Usernames are stored lower-case and trimmed, so that uniqueness is case-insensitive. */
export function normaliseUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkUsername(raw: string): Checked<string> {
  const username = normaliseUsername(raw);
  const problem = (code: string, message: string): Checked<string> => ({
    ok: false,
    problems: [{ field: 'username', code, message }],
  });
  if (username.length < USERNAME_MIN)
    return problem('TOO_SHORT', `A username has at least ${USERNAME_MIN} characters.`);
  if (username.length > USERNAME_MAX) return problem('TOO_LONG', `A username has at most ${USERNAME_MAX} characters.`);
  if (!USERNAME.test(username))
    return problem(
      'BAD_USERNAME',
      'A username consists of letters a–z, digits, ".", "_" and "-", and starts with a letter or digit.',
    );
  return { ok: true, value: username };
}

export function checkDisplayName(raw: string): Checked<string> {
  const name = singleLine(raw);
  if (name.length < DISPLAY_NAME_MIN)
    return {
      ok: false,
      problems: [
        { field: 'displayName', code: 'TOO_SHORT', message: `A name has at least ${DISPLAY_NAME_MIN} characters.` },
      ],
    };
  if (name.length > DISPLAY_NAME_MAX)
    return {
      ok: false,
      problems: [
        { field: 'displayName', code: 'TOO_LONG', message: `A name has at most ${DISPLAY_NAME_MAX} characters.` },
      ],
    };
  return { ok: true, value: name };
}

/** Roles: at least one, staff roles only, no duplicates; only an ADMIN may grant ADMIN. */
export function checkRoles(roles: readonly string[], scope: ManagerScope): Checked<StaffRole[]> {
  if (roles.length === 0)
    return { ok: false, problems: [{ field: 'roles', code: 'REQUIRED', message: 'Give at least one role.' }] };
  const problems: FieldProblem[] = [];
  roles.forEach((role, i) => {
    if (!isStaffRole(role))
      problems.push({ field: `roles.${i}`, code: 'NOT_A_STAFF_ROLE', message: `${role} is not a role of staff.` });
    else if (role === Role.ADMIN && !scope.isAdmin)
      problems.push({ field: `roles.${i}`, code: 'NOT_ALLOWED', message: 'Only an administrator may grant ADMIN.' });
  });
  if (problems.length > 0) return { ok: false, problems };
  const order = [Role.ADMIN, Role.OFFICE_MANAGER, Role.CLERK, Role.INFO_DESK] as string[];
  const unique = [...new Set(roles)].sort((a, b) => order.indexOf(a) - order.indexOf(b)) as StaffRole[];
  return { ok: true, value: unique };
}

/** Offices: accounts without ADMIN need at least one; duplicates go. Whether they exist is the service's check. */
export function checkOffices(officeIds: readonly string[], roles: readonly string[]): Checked<string[]> {
  const unique = [...new Set(officeIds)];
  if (unique.length === 0 && !roles.includes(Role.ADMIN))
    return {
      ok: false,
      problems: [
        { field: 'officeIds', code: 'REQUIRED', message: 'An account without ADMIN works in at least one office.' },
      ],
    };
  return { ok: true, value: unique };
}

/**
 * Whether `scope` may see and change the account: ADMIN always; an office manager only accounts without ADMIN whose
 * offices (at least one) all are offices the manager works in.
 */
export function canManage(scope: ManagerScope, account: Pick<AccountFacts, 'roles' | 'officeIds'>): boolean {
  if (scope.isAdmin) return true;
  if (account.roles.includes(Role.ADMIN) || account.officeIds.length === 0) return false;
  return account.officeIds.every((id) => scope.officeIds.includes(id));
}

/** Offices the scope may grant: every office for ADMIN, else the manager's own. */
export function canGrantOffices(scope: ManagerScope, officeIds: readonly string[]): boolean {
  return scope.isAdmin || officeIds.every((id) => scope.officeIds.includes(id));
}

/**
 * The last active ADMIN must stay an active ADMIN, so that someone can always administer the product.
 * `activeAdmins` counts active accounts with ADMIN, this one included.
 */
export function losesLastAdmin(
  before: Pick<AccountFacts, 'roles' | 'active'>,
  after: Pick<AccountFacts, 'roles' | 'active'>,
  activeAdmins: number,
): boolean {
  const wasAdmin = before.active && before.roles.includes(Role.ADMIN);
  const isAdmin = after.active && after.roles.includes(Role.ADMIN);
  return wasAdmin && !isAdmin && activeAdmins <= 1;
}

/** Password rules (length over composition, as NIST SP 800-63B advises): 12–200 characters, not the username. */
export function checkPassword(password: string, username: string): FieldProblem[] {
  const field = 'newPassword';
  if ([...password].length < PASSWORD_MIN)
    return [{ field, code: 'TOO_SHORT', message: `A password has at least ${PASSWORD_MIN} characters.` }];
  if ([...password].length > PASSWORD_MAX)
    return [{ field, code: 'TOO_LONG', message: `A password has at most ${PASSWORD_MAX} characters.` }];
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase()))
    return [{ field, code: 'CONTAINS_USERNAME', message: 'A password must not contain the username.' }];
  if (new Set(password).size < 4)
    return [{ field, code: 'TOO_SIMPLE', message: 'A password needs at least four different characters.' }];
  return [];
}

export type LinkState = 'valid' | 'used' | 'expired';

/** A link is used once; after its expiry it is refused even if unused. */
export function linkState(link: { usedAt: Date | null; expiresAt: Date }, now: Date): LinkState {
  if (link.usedAt) return 'used';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export function linkExpiry(now: Date): Date {
  return new Date(now.getTime() + PASSWORD_LINK_DAYS * 24 * 3600 * 1000);
}
