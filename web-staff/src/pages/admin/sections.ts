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

/** One part of the administration; its texts are `admin.section.<key>.title` and `admin.section.<key>.summary`. */
export type AdminSection = { key: AdminSectionKey; path: string; scope: 'office' | 'global'; roles: readonly Role[] };

function sections<K extends AdminSectionKey>(
  paths: Record<K, string>,
  scope: AdminSection['scope'],
  roles: readonly Role[],
): AdminSection[] {
  return (Object.keys(paths) as K[]).map((key) => ({ key, path: paths[key], scope, roles }));
}

/**
 * The parts of the administration, in the order its start page lists them; App.tsx makes the routes from this list.
 * `office` sections live under `/verwaltung/:office/<path>`; `global` sections (admins only) under
 * `/verwaltung/<path>`, beside the offices' slugs, so they are the kit's GLOBAL_ADMIN_PATHS, which the api keeps free.
 */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  ...sections(OFFICE_SECTION_PATHS, 'office', MANAGER_ROLES),
  ...sections(GLOBAL_ADMIN_PATHS, 'global', ADMIN_ONLY),
];

/** Where a section lives: for an office section, in the office with this slug (`:office` for the route itself). */
export function sectionPath(section: AdminSection, office: string): string {
  return section.scope === 'office' ? `${ADMIN_BASE}/${office}/${section.path}` : `${ADMIN_BASE}/${section.path}`;
}
