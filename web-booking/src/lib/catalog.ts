/**
 * Office names, addresses and notices come from the office data, which staff maintain in German only.
 * Marking them lets screen readers pronounce them as German while the interface is English.
 */
export const catalogLang = 'de';
