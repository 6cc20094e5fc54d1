import ical, { ICalCalendarMethod } from 'ical-generator';
import QRCode from 'qrcode';
import type { AppointmentView } from './appointment-view.js';

/** The check-in QR code as SVG markup; medium error correction survives a scratched phone screen. */
export function checkInQrSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The check-in QR code as PNG, for mails (inline image). */
export function checkInQrPng(code: string): Promise<Buffer> {
  return QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}

type OfficeForCalendar = { name: string; street: string; postalCode: string; city: string };

/**
 * An iCalendar file with one event for the appointment (stable UID, so a rescheduled one replaces it). Times are
 * written in UTC: every calendar shows them in its own zone, and no VTIMEZONE block can be wrong.
 */
export function appointmentCalendar(a: AppointmentView, office: OfficeForCalendar, host: string): string {
  const de = a.language !== 'en';
  const calendar = ical({
    name: office.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: '//Buergercentrum//Termine//DE',
  });
  const services = a.services.map((s) => (s.count > 1 ? `${s.count} × ${s.name}` : s.name)).join(', ');
  const bring = a.documents.map((d) => `- ${d.name}`).join('\n');
  calendar.createEvent({
    id: `${a.id}@${host}`,
    start: a.startsAt,
    end: a.endsAt,
    summary: `${office.name}: ${services}`,
    location: `${office.name}, ${office.street}, ${office.postalCode} ${office.city}`,
    description: [
      `${de ? 'Buchungsnummer' : 'Reference'}: ${a.reference}`,
      bring ? `${de ? 'Bitte mitbringen' : 'Please bring'}:\n${bring}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  });
  return calendar.toString();
}
