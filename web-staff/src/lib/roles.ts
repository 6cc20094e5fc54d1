import type { Role } from '../gql/graphql';

/** Who works where in web-staff; the api checks the same roles on every operation. */
export const DESK_ROLES: readonly Role[] = ['INFO_DESK', 'OFFICE_MANAGER', 'ADMIN'];
export const CLERK_ROLES: readonly Role[] = ['CLERK', 'OFFICE_MANAGER', 'ADMIN'];
/** May force walk-ins open or closed for a service (setWalkInOverride). */
export const MANAGER_ROLES: readonly Role[] = ['OFFICE_MANAGER', 'ADMIN'];

/** Check citizens' uploaded documents before the visit (documentChecks, checkUpload): the office's staff, not ADMIN. */
export const CHECK_ROLES: readonly Role[] = ['CLERK', 'INFO_DESK', 'OFFICE_MANAGER'];

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((r) => allowed.includes(r));
}

/** Settings that are not tied to one office (portal keys, audit log). */
export const ADMIN_ONLY: readonly Role[] = ['ADMIN'];
