import { BOOKING_PAGES } from '@bc/schema/app-paths';

/** "Termin wiederfinden", below the manage link's path (no office slug can take it: it has two segments). */
export const FIND_APPOINTMENT_PATH = `${BOOKING_PAGES.manage}/wiederfinden`;
