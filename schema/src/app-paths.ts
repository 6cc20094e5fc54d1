/*
 * Pages that sit where an office's slug could stand, so no office may be named like them: the api reserves these
 * slugs (its test reads this file), and the SPAs' routers take their paths from here. Plain data without imports,
 * so the api can read it too (`@bc/schema/app-paths`).
 */

/** web-booking's pages beside `/booking/<slug>`. */
export const BOOKING_PAGES = { kiosk: 'kiosk', manage: 'verwaltung' } as const;

/**
 * web-staff's administration sections that belong to no office, beside `/verwaltung/<slug>`, by section key.
 * web-staff's ADMIN_SECTIONS lists exactly these as its global sections.
 */
export const GLOBAL_ADMIN_PATHS = {
  newOffice: 'neue-dienststelle',
  allStaff: 'mitarbeitende',
  portalKeys: 'portal-schluessel',
  auditLog: 'protokoll',
  legalPages: 'rechtliches',
} as const;

/**
 * The legal pages, by the api's LegalPageKind: routes of web-booking (beside `/booking/<slug>`) and of web-tracker,
 * linked from the footer of every citizen page.
 */
export const LEGAL_PAGES = {
  IMPRINT: 'impressum',
  PRIVACY: 'datenschutz',
  ACCESSIBILITY: 'barrierefreiheit',
} as const;
