/**
 * What the citizen has entered so far, kept in sessionStorage per office: a reload or the browser's Back button
 * keeps it, closing the tab forgets it. Uploaded files are kept as the server's ids and names only, never as bytes.
 */

export type ServiceChoice = { serviceId: string; count: number };

/** A file the server accepted (POST /uploads); its id goes into the booking. */
export type DraftUpload = { id: string; documentId: string; fileName: string; sizeBytes: number };

export type ConfirmationLanguage = 'de' | 'en';

export type BookingDraft = {
  services: ServiceChoice[];
  /** One of the starts that availability offered (ISO instant), or null. */
  start: string | null;
  /** Length of the appointment as availability said when the start was chosen. */
  durationMinutes: number | null;
  name: string;
  email: string;
  phone: string;
  /** null: follow the interface language. */
  language: ConfirmationLanguage | null;
  privacyConsent: boolean;
  uploads: DraftUpload[];
};

export const emptyDraft: BookingDraft = {
  services: [],
  start: null,
  durationMinutes: null,
  name: '',
  email: '',
  phone: '',
  language: null,
  privacyConsent: false,
  uploads: [],
};

const storageKey = (slug: string) => `bc.booking.draft:${slug}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Reads a stored draft defensively: whatever does not fit the shape is dropped, never trusted. */
export function parseDraft(raw: string | null): BookingDraft {
  if (!raw) return emptyDraft;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return emptyDraft;
  }
  if (!isRecord(value)) return emptyDraft;
  const services = Array.isArray(value.services)
    ? value.services
        .filter(isRecord)
        .map((s) => ({ serviceId: str(s.serviceId), count: Number(s.count) }))
        .filter((s) => s.serviceId && Number.isInteger(s.count) && s.count > 0)
    : [];
  const uploads = Array.isArray(value.uploads)
    ? value.uploads
        .filter(isRecord)
        .map((u) => ({
          id: str(u.id),
          documentId: str(u.documentId),
          fileName: str(u.fileName),
          sizeBytes: Number(u.sizeBytes) || 0,
        }))
        .filter((u) => u.id && u.documentId)
    : [];
  const language = value.language === 'de' || value.language === 'en' ? value.language : null;
  return {
    services,
    start: typeof value.start === 'string' && !Number.isNaN(Date.parse(value.start)) ? value.start : null,
    durationMinutes:
      typeof value.durationMinutes === 'number' && value.durationMinutes > 0 ? value.durationMinutes : null,
    name: str(value.name),
    email: str(value.email),
    phone: str(value.phone),
    language,
    privacyConsent: value.privacyConsent === true,
    uploads,
  };
}

export function loadDraft(slug: string): BookingDraft {
  try {
    return parseDraft(sessionStorage.getItem(storageKey(slug)));
  } catch {
    return emptyDraft;
  }
}

export function saveDraft(slug: string, draft: BookingDraft): void {
  try {
    sessionStorage.setItem(storageKey(slug), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the flow still works, only a reload loses the entries.
  }
}

export function clearDraft(slug: string): void {
  try {
    sessionStorage.removeItem(storageKey(slug));
  } catch {
    // nothing to clear
  }
}

const sameServices = (a: readonly ServiceChoice[], b: readonly ServiceChoice[]) =>
  a.length === b.length && a.every((s, i) => s.serviceId === b[i]?.serviceId && s.count === b[i]?.count);

/**
 * The draft with other services: a chosen time no longer fits (the duration may differ), and files for documents
 * none of the new services asks for are dropped.
 */
export function withServices(
  draft: BookingDraft,
  services: ServiceChoice[],
  uploadableDocumentIds: ReadonlySet<string>,
): BookingDraft {
  if (sameServices(draft.services, services)) return draft;
  return {
    ...draft,
    services,
    start: null,
    durationMinutes: null,
    uploads: draft.uploads.filter((u) => uploadableDocumentIds.has(u.documentId)),
  };
}
