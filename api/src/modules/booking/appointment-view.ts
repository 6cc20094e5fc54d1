import type { CatalogTranslation } from '../catalog/catalog-texts.js';

export enum AppointmentStatus {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
}

/** What the office's pre-check found about an uploaded file (document-check module). */
export enum DocumentCheckState {
  /** Not looked at yet; a replacement starts here again. */
  TO_CHECK = 'TO_CHECK',
  ACCEPTED = 'ACCEPTED',
  /** "Bitte mitbringen/ersetzen": the citizen is asked, with a short message, to bring or upload it again. */
  REPLACE = 'REPLACE',
}

export enum BookingChannel {
  WEB = 'WEB',
  PORTAL = 'PORTAL',
  INFO_DESK = 'INFO_DESK',
}

/** An appointment with what the citizen's pages and mails show about it. */
export type AppointmentView = {
  id: string;
  officeId: string;
  reference: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  citizenName: string;
  email: string;
  phone: string | null;
  language: string;
  channel: BookingChannel;
  checkInCode: string;
  createdAt: Date;
  cancelledAt: Date | null;
  /** The iCalendar SEQUENCE: 0 when booked, one more on every move and on the cancellation. */
  calendarSequence: number;
  services: {
    serviceId: string;
    name: string;
    description: string;
    translations: CatalogTranslation[];
    durationMinutes: number;
    count: number;
  }[];
  documents: {
    documentId: string;
    name: string;
    description: string;
    translations: CatalogTranslation[];
    mandatory: boolean;
    uploadable: boolean;
    uploads: {
      id: string;
      fileName: string;
      mediaType: string;
      sizeBytes: number;
      checkState: DocumentCheckState;
      checkMessage: string | null;
      checkedAt: Date | null;
    }[];
  }[];
};
