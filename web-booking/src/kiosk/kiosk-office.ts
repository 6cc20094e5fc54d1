import { type CatalogItem, useCatalogText } from '@bc/schema';

/** The kiosk's own office, as currentDevice gives it: its languages and its services' texts too. */
export type KioskOffice = {
  id: string;
  name: string;
  timeZone: string;
  notice?: string | null;
  languages?: readonly string[];
  services?: readonly (CatalogItem & { id: string })[];
};

/** A service's name in the reader's language, found by id among the office's services (queue answers name German). */
export function kioskServiceItem(office: KioskOffice, serviceId: string, germanName: string): CatalogItem {
  return office.services?.find((s) => s.id === serviceId) ?? { name: germanName };
}

/** The kiosk's way to a queue answer's service names in the visitor's language (the kiosk offers no Leichte Sprache). */
export function useKioskServiceText(office: KioskOffice) {
  const textOf = useCatalogText({ easyLanguage: false });
  return (s: { serviceId: string; name: string }) => textOf(kioskServiceItem(office, s.serviceId, s.name));
}
