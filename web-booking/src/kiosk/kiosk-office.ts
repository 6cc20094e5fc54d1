import { useCatalogText } from '@bc/schema';

/** The kiosk's own office, as currentDevice gives it, with the languages its kiosk offers. */
export type KioskOffice = {
  id: string;
  name: string;
  timeZone: string;
  notice?: string | null;
  languages?: readonly string[];
};

/** Service names in the visitor's language: the kiosk, a shared screen, offers no Leichte Sprache. */
export function useKioskServiceText() {
  return useCatalogText({ easyLanguage: false });
}
