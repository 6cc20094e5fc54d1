import { GLOBAL_ADMIN_PATHS } from '@bc/schema/app-paths';
import type { Role } from '../../gql/graphql';
import { ADMIN_BASE } from '../../lib/paths';
import { ADMIN_ONLY, MANAGER_ROLES } from '../../lib/roles';

/** The sections of one office, under `/verwaltung/:office/<path>`, open to the office's managers and to admins. */
const OFFICE_SECTION_PATHS = {
  office: 'dienststelle',
  hours: 'oeffnungszeiten',
  closures: 'schliesstage',
  extraDays: 'sonderoeffnungstage',
  services: 'dienstleistungen',
  documents: 'unterlagen',
  counters: 'schalter',
  devices: 'geraete',
  staff: 'mitarbeitende',
} as const;

export type AdminSectionKey = keyof typeof OFFICE_SECTION_PATHS | keyof typeof GLOBAL_ADMIN_PATHS;

/**
 * The parts of the administration, in the order the administration's start lists them. `office` sections live under
 * `/verwaltung/:office/<path>`; `global` sections (for admins only) under `/verwaltung/<path>`, beside the offices'
 * slugs, so their paths come from the kit's GLOBAL_ADMIN_PATHS, whose names the api keeps free. The routes are made
 * from this list (App.tsx). The texts are `admin.section.<key>.title` and `admin.section.<key>.summary`.
 */
export type AdminSection = { key: AdminSectionKey; path: string; scope: 'office' | 'global'; roles: readonly Role[] };

function sections<K extends AdminSectionKey>(
  paths: Record<K, string>,
  scope: AdminSection['scope'],
  roles: readonly Role[],
): AdminSection[] {
  return (Object.keys(paths) as K[]).map((key) => ({ key, path: paths[key], scope, roles }));
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  ...sections(OFFICE_SECTION_PATHS, 'office', MANAGER_ROLES),
  ...sections(GLOBAL_ADMIN_PATHS, 'global', ADMIN_ONLY),
];

/** Where a section lives: for an office section, in the office with this slug (`:office` for the route itself). */
export function sectionPath(section: AdminSection, office: string): string {
  return section.scope === 'office' ? `${ADMIN_BASE}/${office}/${section.path}` : `${ADMIN_BASE}/${section.path}`;
}
