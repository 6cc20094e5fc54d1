import { DateTime } from 'luxon';
import { phoneUri } from '../../shared/office-contact.js';
import { type AppointmentView, DocumentCheckState } from '../booking/appointment-view.js';
import { catalogTextFor } from '../catalog/catalog-texts.js';
import { MailKind } from './mail-message.entity.js';
import type { MailLanguage, MailTemplateName } from './templates.js';

export type OfficeForMail = {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  timeZone: string;
  /** The office's public contact, shown in every mail's footer when given. */
  phone?: string | null;
  email?: string | null;
};

/** The content id of the inline QR image; the HTML refers to it as `cid:…`. */
export const QR_CID = 'checkin-qr@buergercentrum';

const templateOf: Record<MailKind, MailTemplateName> = {
  [MailKind.CONFIRMATION]: 'confirmation',
  [MailKind.RESCHEDULED]: 'rescheduled',
  [MailKind.CANCELLED]: 'cancelled',
  [MailKind.REMINDER_24H]: 'reminder',
  [MailKind.REMINDER_4H]: 'reminder',
  [MailKind.OFFICE_CLOSED]: 'office-closed',
  [MailKind.MANAGE_LINK]: 'manage-link',
  [MailKind.DOCUMENT_CHECK]: 'document-check',
};

const formats: Record<MailLanguage, { locale: string; date: string; time: string }> = {
  de: { locale: 'de-DE', date: 'cccc, d. LLLL yyyy', time: 'HH:mm' },
  en: { locale: 'en-GB', date: 'cccc, d LLLL yyyy', time: 'HH:mm' },
};

export const mailLanguage = (language: string): MailLanguage => (language === 'en' ? 'en' : 'de');

/** Which attachments a mail carries besides its text. */
export const withQrCode = (kind: MailKind) =>
  kind !== MailKind.CANCELLED && kind !== MailKind.OFFICE_CLOSED && kind !== MailKind.DOCUMENT_CHECK;
/** Every mail that changes the appointment carries its calendar file; a cancellation's takes it out of the calendar. */
export const withCalendar = (kind: MailKind) =>
  kind !== MailKind.REMINDER_24H &&
  kind !== MailKind.REMINDER_4H &&
  kind !== MailKind.MANAGE_LINK &&
  kind !== MailKind.DOCUMENT_CHECK;

/**
 * Everything the templates show, as display-ready strings and flags: dates in the office's time zone and the
 * citizen's language. Every key is always present (null when there is nothing), as the templates are strict.
 */
export function mailData(input: {
  kind: MailKind;
  view: AppointmentView;
  office: OfficeForMail;
  manageUrl: string | null;
  bookingUrl: string;
}): { template: MailTemplateName; language: MailLanguage; data: Record<string, unknown> } {
  const { kind, view, office } = input;
  const language = mailLanguage(view.language);
  const f = formats[language];
  const local = (d: Date) => DateTime.fromJSDate(d, { zone: office.timeZone }).setLocale(f.locale);
  return {
    template: templateOf[kind],
    language,
    data: {
      office: {
        name: office.name,
        street: office.street,
        postalCode: office.postalCode,
        city: office.city,
        phone: office.phone ?? null,
        phoneUri: phoneUri(office.phone),
        email: office.email ?? null,
        hasContact: Boolean(office.phone || office.email),
      },
      citizenName: view.citizenName,
      reference: view.reference,
      date: local(view.startsAt).toFormat(f.date),
      startTime: local(view.startsAt).toFormat(f.time),
      endTime: local(view.endsAt).toFormat(f.time),
      services: view.services.map((s) => {
        const text = catalogTextFor(s, s.translations, language);
        return { name: text.name, german: text.fallback, count: s.count, several: s.count > 1 };
      }),
      documents: view.documents.map((d) => {
        const text = catalogTextFor(d, d.translations, language);
        return {
          name: text.name,
          german: text.fallback,
          description: text.description || null,
          mandatory: d.mandatory,
          uploaded: d.uploads.length > 0,
          files: d.uploads.map((u) => u.fileName),
        };
      }),
      // The files the office's pre-check asks to be brought or replaced, with its message.
      toReplace: view.documents.flatMap((d) =>
        d.uploads
          .filter((u) => u.checkState === DocumentCheckState.REPLACE)
          .map((u) => ({
            name: catalogTextFor(d, d.translations, language).name,
            fileName: u.fileName,
            message: u.checkMessage ?? '',
          })),
      ),
      checkIn: withQrCode(kind) ? { code: view.checkInCode, qrCid: QR_CID } : null,
      manageUrl: input.manageUrl,
      bookingUrl: input.bookingUrl,
    },
  };
}
