import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/role.js';
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
} from './staff-account-rules.js';

const codes = (r: { ok: boolean; problems?: { field: string; code: string }[] }) =>
  r.ok ? [] : (r.problems ?? []).map((p) => `${p.field}:${p.code}`);
const admin = { isAdmin: true, officeIds: [] };
const manager = { isAdmin: false, officeIds: ['a', 'b'] };

describe('usernames and names', () => {
  it('stores usernames trimmed and lower-case', () => {
    expect(checkUsername('  M.Mustermann ')).toEqual({ ok: true, value: 'm.mustermann' });
  });

  it('refuses short, long and oddly written usernames', () => {
    expect(codes(checkUsername('ab'))).toEqual(['username:TOO_SHORT']);
    expect(codes(checkUsername('a'.repeat(41)))).toEqual(['username:TOO_LONG']);
    expect(codes(checkUsername('max mustermann'))).toEqual(['username:BAD_USERNAME']);
    expect(codes(checkUsername('-max'))).toEqual(['username:BAD_USERNAME']);
    expect(codes(checkUsername('jürgen'))).toEqual(['username:BAD_USERNAME']);
    expect(checkUsername('a'.repeat(40)).ok).toBe(true);
  });

  it('collapses spaces in names and checks their length', () => {
    expect(checkDisplayName('  Max   Mustermann ')).toEqual({ ok: true, value: 'Max Mustermann' });
    expect(codes(checkDisplayName(' x '))).toEqual(['displayName:TOO_SHORT']);
    expect(codes(checkDisplayName('x'.repeat(101)))).toEqual(['displayName:TOO_LONG']);
  });
});

describe('roles and offices', () => {
  it('needs a staff role; only ADMIN grants ADMIN; duplicates go', () => {
    expect(codes(checkRoles([], admin))).toEqual(['roles:REQUIRED']);
    expect(codes(checkRoles([Role.KIOSK], admin))).toEqual(['roles.0:NOT_A_STAFF_ROLE']);
    expect(codes(checkRoles([Role.CLERK, Role.ADMIN], manager))).toEqual(['roles.1:NOT_ALLOWED']);
    expect(checkRoles([Role.CLERK, Role.ADMIN, Role.CLERK], admin)).toEqual({
      ok: true,
      value: [Role.ADMIN, Role.CLERK],
    });
    expect(checkRoles([Role.CLERK, Role.OFFICE_MANAGER], manager).ok).toBe(true);
  });

  it('needs an office unless ADMIN', () => {
    expect(codes(checkOffices([], [Role.CLERK]))).toEqual(['officeIds:REQUIRED']);
    expect(checkOffices([], [Role.ADMIN])).toEqual({ ok: true, value: [] });
    expect(checkOffices(['a', 'a'], [Role.CLERK])).toEqual({ ok: true, value: ['a'] });
  });

  it('lets a manager manage only non-admin accounts all of whose offices are theirs', () => {
    expect(canManage(manager, { roles: [Role.CLERK], officeIds: ['a'] })).toBe(true);
    expect(canManage(manager, { roles: [Role.OFFICE_MANAGER], officeIds: ['a', 'b'] })).toBe(true);
    expect(canManage(manager, { roles: [Role.CLERK], officeIds: ['a', 'c'] })).toBe(false);
    expect(canManage(manager, { roles: [Role.CLERK], officeIds: ['c'] })).toBe(false);
    expect(canManage(manager, { roles: [Role.CLERK], officeIds: [] })).toBe(false);
    expect(canManage(manager, { roles: [Role.ADMIN], officeIds: ['a'] })).toBe(false);
    expect(canManage(admin, { roles: [Role.ADMIN], officeIds: [] })).toBe(true);
    expect(canGrantOffices(manager, ['a', 'b'])).toBe(true);
    expect(canGrantOffices(manager, ['a', 'c'])).toBe(false);
    expect(canGrantOffices(admin, ['c'])).toBe(true);
  });
});

describe('the last admin', () => {
  const adminOn = { roles: [Role.ADMIN], active: true };
  it('keeps the last active admin an active admin', () => {
    expect(losesLastAdmin(adminOn, { roles: [Role.CLERK], active: true }, 1)).toBe(true);
    expect(losesLastAdmin(adminOn, { roles: [Role.ADMIN], active: false }, 1)).toBe(true);
    expect(losesLastAdmin(adminOn, { roles: [Role.CLERK], active: true }, 2)).toBe(false);
    expect(losesLastAdmin(adminOn, { roles: [Role.ADMIN, Role.CLERK], active: true }, 1)).toBe(false);
    expect(losesLastAdmin({ roles: [Role.CLERK], active: true }, { roles: [], active: false }, 1)).toBe(false);
    expect(losesLastAdmin({ roles: [Role.ADMIN], active: false }, { roles: [], active: false }, 0)).toBe(false);
  });
});

describe('passwords and links', () => {
  it('wants 12 to 200 characters, not the username, not one repeated character', () => {
    const c = (p: string) => checkPassword(p, 'mmuster').map((x) => `${x.field}:${x.code}`);
    expect(c('kurz-1')).toEqual(['newPassword:TOO_SHORT']);
    expect(c('x'.repeat(201))).toEqual(['newPassword:TOO_LONG']);
    expect(c('MMuster-2026-Sommer')).toEqual(['newPassword:CONTAINS_USERNAME']);
    expect(c('aaaaaaaaaaaaaab')).toEqual(['newPassword:TOO_SIMPLE']);
    expect(c('Pferde fressen keinen Gurkensalat')).toEqual([]);
    expect(c('äöüß€😀äöüß€😀')).toEqual([]);
  });

  it('knows used and expired links; a link lasts seven days', () => {
    const now = new Date('2027-03-01T10:00:00Z');
    const expiresAt = linkExpiry(now);
    expect(expiresAt.toISOString()).toBe('2027-03-08T10:00:00.000Z');
    expect(linkState({ usedAt: null, expiresAt }, now)).toBe('valid');
    expect(linkState({ usedAt: now, expiresAt }, now)).toBe('used');
    expect(linkState({ usedAt: null, expiresAt }, expiresAt)).toBe('expired');
    expect(linkState({ usedAt: null, expiresAt }, new Date(expiresAt.getTime() - 1))).toBe('valid');
  });
});
