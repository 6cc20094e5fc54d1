/** The kiosk's own office, as currentDevice gives it. */
export type KioskOffice = { id: string; name: string; timeZone: string; notice?: string | null };
