import type { Role } from '../../gql/graphql';
import { ADMIN_ONLY, MANAGER_ROLES } from '../../lib/roles';

/**
 * The parts of the administration. `office` sections live under `/verwaltung/:office/<path>` and are open to the
 * office's managers and to admins; `global` sections live under `/verwaltung/<path>` and name their own roles.
 * The texts are `admin.section.<key>.title` and `admin.section.<key>.summary`.
 */
export type AdminSection = { key: string; path: string; scope: 'office' | 'global'; roles: readonly Role[] };

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { key: 'office', path: 'dienststelle', scope: 'office', roles: MANAGER_ROLES },
  { key: 'hours', path: 'oeffnungszeiten', scope: 'office', roles: MANAGER_ROLES },
  { key: 'closures', path: 'schliesstage', scope: 'office', roles: MANAGER_ROLES },
  { key: 'extraDays', path: 'sonderoeffnungstage', scope: 'office', roles: MANAGER_ROLES },
  { key: 'services', path: 'dienstleistungen', scope: 'office', roles: MANAGER_ROLES },
  { key: 'documents', path: 'unterlagen', scope: 'office', roles: MANAGER_ROLES },
  { key: 'counters', path: 'schalter', scope: 'office', roles: MANAGER_ROLES },
  { key: 'devices', path: 'geraete', scope: 'office', roles: MANAGER_ROLES },
  { key: 'staff', path: 'mitarbeitende', scope: 'office', roles: MANAGER_ROLES },
  { key: 'newOffice', path: 'neue-dienststelle', scope: 'global', roles: ADMIN_ONLY },
  { key: 'allStaff', path: 'mitarbeitende', scope: 'global', roles: ADMIN_ONLY },
  { key: 'portalKeys', path: 'portal-schluessel', scope: 'global', roles: ADMIN_ONLY },
  { key: 'auditLog', path: 'protokoll', scope: 'global', roles: ADMIN_ONLY },
];

export const OFFICE_ADMIN_ROLES = MANAGER_ROLES;
