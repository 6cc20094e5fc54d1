import { BOOKING_PAGES } from '@bc/schema/app-paths';

/** Where the kiosk lives and what it is set up with (beside its device token, which the kit keeps). */

/** True on the kiosk route (`<base>kiosk`, with or without a trailing slash). */
export function isKioskPath(pathname: string, base: string): boolean {
  const root = `${base.replace(/\/$/, '')}/${BOOKING_PAGES.kiosk}`;
  return pathname === root || pathname.startsWith(`${root}/`);
}

const AUTO_PRINT_KEY = 'bc.kiosk.autoPrint';

/**
 * Reads `autoprint=1` (or `0`) from the set-up link's fragment (`#device=…&autoprint=1`) and remembers it. Must run
 * before `takeDeviceToken()`, which removes the fragment.
 */
export function takeKioskSettings(): void {
  const match = window.location.hash.match(/[#&]autoprint=([01])/);
  if (!match) return;
  try {
    if (match[1] === '1') localStorage.setItem(AUTO_PRINT_KEY, 'on');
    else localStorage.removeItem(AUTO_PRINT_KEY);
  } catch {
    // Without storage the kiosk keeps the default: printing on request only.
  }
}

/** Whether the ticket screen opens the print dialog by itself (a kiosk browser may print silently). */
export function autoPrintEnabled(): boolean {
  try {
    return localStorage.getItem(AUTO_PRINT_KEY) === 'on';
  } catch {
    return false;
  }
}
