import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { AppointmentStatus, type AppointmentView, BookingChannel } from './appointment-view.js';
import { appointmentCalendar, calendarMethod, calendarSender } from './confirmation.js';

const view: AppointmentView = {
  id: '7b0c1c53-6f39-4a53-8f43-9d0d4d0e7c11',
  officeId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  reference: 'K7M4-PQ2X',
  status: AppointmentStatus.BOOKED,
  startsAt: new Date('2027-07-06T07:00:00Z'),
  endsAt: new Date('2027-07-06T07:30:00Z'),
  citizenName: 'Erika Mustermann',
  email: 'erika@example.de',
  phone: null,
  language: 'de',
  channel: BookingChannel.WEB,
  checkInCode: 'BC1-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  createdAt: new Date('2027-07-01T10:00:00Z'),
  cancelledAt: null,
  calendarSequence: 0,
  services: [
    {
      serviceId: 's1',
      name: 'Personalausweis beantragen',
      description: '',
      translations: [],
      durationMinutes: 15,
      count: 2,
    },
  ],
  documents: [
    {
      documentId: 'd1',
      name: 'Biometrisches Passfoto',
      description: '',
      translations: [],
      mandatory: true,
      uploadable: false,
      uploads: [],
    },
  ],
};
const office = { name: 'Bürgercentrum', street: 'Marktplatz 1', postalCode: '75175', city: 'Pforzheim' };
const sender = calendarSender('https://termine.example.de/', 'Bürgercentrum Pforzheim <noreply@example.de>');
const stamp = new Date('2027-07-01T10:00:05Z');

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    status: vevent.getFirstPropertyValue('status'),
    organizer: vevent.getFirstPropertyValue('organizer'),
    organizerName: vevent.getFirstProperty('organizer')?.getParameter('cn'),
    summary: vevent.getFirstPropertyValue('summary'),
    description: vevent.getFirstPropertyValue('description'),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
  };
}

describe('the calendar file of an appointment', () => {
  it('publishes a booked appointment with its sequence, a stable UID and the office as organizer', () => {
    const booked = parse(appointmentCalendar(view, office, sender, stamp));
    expect(booked).toMatchObject({
      method: 'PUBLISH',
      uid: `${view.id}@termine.example.de`,
      sequence: 0,
      status: 'CONFIRMED',
      organizer: 'mailto:noreply@example.de',
      organizerName: 'Bürgercentrum',
      summary: 'Bürgercentrum: 2 × Personalausweis beantragen',
      start: '2027-07-06T07:00:00.000Z',
      stamp: '2027-07-01T10:00:05.000Z',
    });
    expect(booked.description).toContain('Bitte mitbringen:\n- Biometrisches Passfoto');
    const moved = parse(
      appointmentCalendar(
        {
          ...view,
          startsAt: new Date('2027-07-07T08:00:00Z'),
          endsAt: new Date('2027-07-07T08:30:00Z'),
          calendarSequence: 1,
        },
        office,
        sender,
        stamp,
      ),
    );
    expect(moved).toMatchObject({ method: 'PUBLISH', uid: booked.uid, sequence: 1, start: '2027-07-07T08:00:00.000Z' });
  });

  it('cancels a cancelled one: METHOD:CANCEL, STATUS:CANCELLED, the same UID, its higher sequence', () => {
    const cancelledView = { ...view, status: AppointmentStatus.CANCELLED, calendarSequence: 2, language: 'en' };
    const cancelled = parse(appointmentCalendar(cancelledView, office, sender, stamp));
    expect(cancelled).toMatchObject({
      method: 'CANCEL',
      uid: `${view.id}@termine.example.de`,
      sequence: 2,
      status: 'CANCELLED',
      organizer: 'mailto:noreply@example.de',
      summary: 'Cancelled: Bürgercentrum: 2 × Personalausweis beantragen',
      description: 'Reference: K7M4-PQ2X',
    });
    expect(calendarMethod(cancelledView)).toBe('CANCEL');
    expect(calendarMethod(view)).toBe('PUBLISH');
  });

  it('takes the organizer address from a bare sender address as well', () => {
    expect(calendarSender('http://localhost:8080', 'noreply@localhost')).toEqual({
      host: 'localhost',
      organizerEmail: 'noreply@localhost',
    });
  });
});
