import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import QRCode from 'qrcode';
import { AppointmentStatus, type AppointmentView } from './appointment-view.js';

/** The check-in QR code as SVG markup; medium error correction survives a scratched phone screen. */
export function checkInQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The check-in QR code as PNG, for mails (inline image). */
export function checkInQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}

type OfficeForCalendar = { name: string; street: string; postalCode: string; city: string };

/** Who the calendar files come from: the api's host names the event UIDs; the mail sender is the organizer. */
export type CalendarSender = { host: string; organizerEmail: string };

/** The sender of the api's mails as the calendar's organizer: the address out of "Name <address>" or a bare one. */
export function calendarSender(publicUrl: string, mailFrom: string): CalendarSender {
  const m = /<([^<>\s]+)>\s*$/.exec(mailFrom.trim());
  return { host: new URL(publicUrl).hostname, organizerEmail: m?.[1] ?? mailFrom.trim() };
}

/**
 * An iCalendar file with one event for the appointment, as it is now. All versions of it share the UID and carry
 * the appointment's `calendarSequence`, so a calendar replaces the older version with the newer one:
 * - booked (also after a move): METHOD:PUBLISH, STATUS:CONFIRMED. PUBLISH, not REQUEST: a REQUEST is an invitation
 *   that asks the citizen to accept or decline, and the answer would go to an address nobody reads (see
 *   docs/decisions.md);
 * - cancelled: METHOD:CANCEL, STATUS:CANCELLED, which takes the event out of the calendar.
 * The organizer (required by iTIP for both methods) is the office, with the address the mails come from. Times are
 * written in UTC: every calendar shows them in its own zone, and no VTIMEZONE block can be wrong. `stamp` is the
 * file's DTSTAMP (now).
 */
export function appointmentCalendar(
  a: AppointmentView,
  office: OfficeForCalendar,
  sender: CalendarSender,
  stamp: Date,
): string {
  const de = a.language !== 'en';
  const method = calendarMethod(a);
  const cancelled = method === 'CANCEL';
  const calendar = ical({
    name: office.name,
    method: ICalCalendarMethod[method],
    prodId: '//Buergercentrum//Termine//DE',
  });
  const services = a.services.map((s) => (s.count > 1 ? `${s.count} × ${s.name}` : s.name)).join(', ');
  const bring = a.documents.map((d) => `- ${d.name}`).join('\n');
  calendar.createEvent({
    id: `${a.id}@${sender.host}`,
    sequence: a.calendarSequence,
    stamp,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: office.name, email: sender.organizerEmail },
    start: a.startsAt,
    end: a.endsAt,
    summary: `${cancelled ? (de ? 'Abgesagt: ' : 'Cancelled: ') : ''}${office.name}: ${services}`,
    location: `${office.name}, ${office.street}, ${office.postalCode} ${office.city}`,
    description: [
      `${de ? 'Buchungsnummer' : 'Reference'}: ${a.reference}`,
      bring && !cancelled ? `${de ? 'Bitte mitbringen' : 'Please bring'}:\n${bring}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  });
  return calendar.toString();
}

/** The METHOD of the file `appointmentCalendar` writes for this appointment (the mail part's content type names it). */
export function calendarMethod(a: Pick<AppointmentView, 'status'>): 'PUBLISH' | 'CANCEL' {
  return a.status === AppointmentStatus.CANCELLED ? 'CANCEL' : 'PUBLISH';
}
