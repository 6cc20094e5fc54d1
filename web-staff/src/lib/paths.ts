/** Where the staff areas live (under the app's base, /staff/); each takes the office's slug next. */
export const DESK_BASE = '/information';
export const WORKSTATION_BASE = '/arbeitsplatz';
export const STATISTICS_BASE = '/statistik';
export const ADMIN_BASE = '/verwaltung';
export const DOCUMENT_CHECK_BASE = '/unterlagen';
