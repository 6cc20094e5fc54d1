import { describe, expect, it } from 'vitest';
import {
  closingTime,
  minutesPastClosing,
  type OfficeCalendar,
  officeFigures,
  type TicketFact,
  VisitorChannel,
  waitMinutes,
} from './stats-figures.js';
import { Granularity } from './stats-periods.js';

const at = (s: string) => Date.parse(s);
const calendar: OfficeCalendar = {
  timeZone: 'Europe/Berlin',
  region: 'BW',
  hours: [
    { weekday: 1, opensAt: '07:30', closesAt: '12:00' },
    { weekday: 1, opensAt: '13:00', closesAt: '16:00' },
    { weekday: 2, opensAt: '07:30', closesAt: '12:00' },
  ],
  closures: [],
};

const walkIn = (day: string, arrived: string, called: string | null, extra: Partial<TicketFact> = {}): TicketFact => ({
  serviceDay: day,
  origin: 'KIOSK',
  bookingChannel: null,
  arrivedAt: at(arrived),
  appointmentStartsAt: null,
  firstCalledAt: called ? at(called) : null,
  status: 'DONE',
  issuedEstimate: null,
  dayClosedFrom: null,
  ...extra,
});
/** Told at issue: expected at `expected`, range ± `spread` minutes. */
const told = (expected: string, spread: number) => ({
  expectedCallAt: at(expected),
  earliestCallAt: at(expected) - spread * 60_000,
  latestCallAt: at(expected) + spread * 60_000,
});

describe('waiting time', () => {
  it('counts a walk-in from arrival and an appointment from its start when the visitor came early', () => {
    expect(waitMinutes(walkIn('2027-03-01', '2027-03-01T08:00:00Z', '2027-03-01T08:12:30Z'))).toBe(12.5);
    const early = walkIn('2027-03-01', '2027-03-01T08:00:00Z', '2027-03-01T08:20:00Z', {
      origin: 'APPOINTMENT',
      appointmentStartsAt: at('2027-03-01T08:15:00Z'),
    });
    expect(waitMinutes(early)).toBe(5);
    const late = { ...early, arrivedAt: at('2027-03-01T08:17:00Z') };
    expect(waitMinutes(late)).toBe(3);
    expect(waitMinutes({ ...early, firstCalledAt: at('2027-03-01T08:10:00Z') })).toBe(0);
    expect(waitMinutes(walkIn('2027-03-01', '2027-03-01T08:00:00Z', null))).toBeNull();
  });
});

describe('closing time', () => {
  it('is the end of the last opening interval, in local time across the summer-time change', () => {
    // Monday 22 March 2027 (CET): 16:00 local; Tuesdays 23 (CET) and 30 March 2027 (CEST): 12:00 local.
    expect(new Date(closingTime('2027-03-22', calendar) as number).toISOString()).toBe('2027-03-22T15:00:00.000Z');
    expect(new Date(closingTime('2027-03-23', calendar) as number).toISOString()).toBe('2027-03-23T11:00:00.000Z');
    expect(new Date(closingTime('2027-03-30', calendar) as number).toISOString()).toBe('2027-03-30T10:00:00.000Z');
    // Sundays, Easter Monday (29 March 2027) and closures: closed.
    expect(closingTime('2027-03-28', calendar)).toBeNull();
    expect(closingTime('2027-03-29', calendar)).toBeNull();
    expect(closingTime('2027-03-22', { ...calendar, closures: ['2027-03-22'] })).toBeNull();
  });

  it('counts only minutes after closing', () => {
    const closes = at('2027-03-22T15:00:00Z');
    expect(minutesPastClosing(closes, at('2027-03-22T15:25:00Z'))).toBe(25);
    expect(minutesPastClosing(closes, at('2027-03-22T14:25:00Z'))).toBe(0);
    expect(minutesPastClosing(null, at('2027-03-22T20:00:00Z'))).toBe(0);
  });
});

describe('office figures', () => {
  const figures = officeFigures({
    from: '2027-03-01',
    to: '2027-03-02',
    granularity: Granularity.DAY,
    calendar,
    tickets: [
      walkIn('2027-03-01', '2027-03-01T07:00:00Z', '2027-03-01T07:10:00Z', {
        issuedEstimate: told('2027-03-01T07:06:00Z', 5), // called 4 minutes late, inside
      }),
      walkIn('2027-03-01', '2027-03-01T07:05:00Z', '2027-03-01T07:25:00Z', {
        origin: 'INFO_DESK',
        issuedEstimate: told('2027-03-01T07:35:00Z', 5), // 10 minutes early, outside (shown from 07:30)
      }),
      walkIn('2027-03-01', '2027-03-01T07:10:00Z', '2027-03-01T07:40:00Z', { status: 'NO_SHOW' }),
      walkIn('2027-03-02', '2027-03-02T09:00:00Z', '2027-03-02T09:01:00Z', {
        origin: 'APPOINTMENT',
        bookingChannel: 'PORTAL',
        appointmentStartsAt: at('2027-03-02T09:00:00Z'),
        issuedEstimate: told('2027-03-02T09:00:00Z', 1), // 1 minute late, on the edge
      }),
      walkIn('2027-03-02', '2027-03-02T09:30:00Z', null, {
        origin: 'APPOINTMENT',
        bookingChannel: 'WEB',
        status: 'CANCELLED',
        dayClosedFrom: 'WAITING',
        issuedEstimate: told('2027-03-02T09:40:00Z', 5), // never called: does not count
      }),
      walkIn('2027-03-02', '2027-03-02T09:40:00Z', '2027-03-02T09:45:00Z', {
        status: 'CANCELLED',
        dayClosedFrom: 'SERVING',
      }),
      walkIn('2027-03-02', '2027-03-02T09:50:00Z', null, { status: 'CANCELLED', dayClosedFrom: 'PARKED' }),
    ],
    serviceTimes: [
      { serviceDay: '2027-03-01', serviceId: 's1', minutes: 10 },
      { serviceDay: '2027-03-01', serviceId: 's1', minutes: 20 },
      { serviceDay: '2027-03-02', serviceId: 's1', minutes: 30 },
    ],
    missedAppointmentDays: ['2027-03-02'],
    refusalDays: ['2027-03-01', '2027-03-01'],
    counterDays: [
      // Monday closes 16:00 CET = 15:00Z; Tuesday 12:00 CET = 11:00Z.
      { serviceDay: '2027-03-01', counterId: 'a', lastActiveAt: at('2027-03-01T15:20:00Z') },
      { serviceDay: '2027-03-01', counterId: 'b', lastActiveAt: at('2027-03-01T15:05:00Z') },
      { serviceDay: '2027-03-02', counterId: 'a', lastActiveAt: at('2027-03-02T10:50:00Z') },
    ],
  });

  it('splits visitors by channel per day and in total', () => {
    const [mon, tue] = figures.periods;
    expect(mon?.visitors).toBe(3);
    expect(mon?.byChannel[VisitorChannel.WALK_IN_KIOSK]).toBe(2);
    expect(mon?.byChannel[VisitorChannel.WALK_IN_INFO_DESK]).toBe(1);
    expect(tue?.byChannel[VisitorChannel.APPOINTMENT_PORTAL]).toBe(1);
    expect(tue?.byChannel[VisitorChannel.APPOINTMENT_WEB]).toBe(1);
    expect(tue?.byChannel[VisitorChannel.WALK_IN_KIOSK]).toBe(2);
    expect(figures.total.visitors).toBe(7);
  });

  it('summarises waiting and service times', () => {
    expect(figures.total.waitWalkIn).toEqual({ count: 4, mean: 16.3, median: 15, p90: 27 });
    expect(figures.total.waitAppointment).toEqual({ count: 1, mean: 1, median: 1, p90: 1 });
    expect(figures.periods[0]?.serviceTimes).toEqual([{ serviceId: 's1', count: 2, mean: 15, median: 15, p90: 19 }]);
    expect(figures.total.serviceTimes[0]?.count).toBe(3);
  });

  it('counts no-shows, refusals and minutes past closing', () => {
    expect(figures.total.ticketNoShows).toBe(1);
    expect(figures.total.missedAppointments).toBe(1);
    expect(figures.total.noShowRate).toBe(round3(2 / 8));
    expect(figures.periods[0]?.walkInRefusals).toBe(2);
    expect(figures.periods[0]?.minutesPastClosing).toBe(25);
    expect(figures.periods[1]?.minutesPastClosing).toBe(0);
  });

  it('counts tickets the nightly job closed apart, by where they were left', () => {
    expect(figures.periods[0]).toMatchObject({ dayClosedWaiting: 0, dayClosedAtCounter: 0 });
    expect(figures.periods[1]).toMatchObject({ dayClosedWaiting: 2, dayClosedAtCounter: 1 });
    expect(figures.total).toMatchObject({ dayClosedWaiting: 2, dayClosedAtCounter: 1, ticketNoShows: 1 });
  });

  it('measures the estimates given at issue, for walk-ins and appointments apart', () => {
    const [mon, tue] = figures.periods;
    expect(mon?.estimateAccuracy.walkIn).toEqual({ count: 2, meanAbsoluteError: 7, bias: -3, insideRange: 0.5 });
    expect(mon?.estimateAccuracy.appointment.count).toBe(0);
    expect(tue?.estimateAccuracy.appointment).toEqual({ count: 1, meanAbsoluteError: 1, bias: 1, insideRange: 1 });
    expect(figures.total.estimateAccuracy.all).toEqual({
      count: 3,
      meanAbsoluteError: 5,
      bias: -1.7,
      insideRange: 0.667,
    });
  });

  it('counts arrivals per office-local hour', () => {
    expect(figures.arrivalsByHour[8]).toBe(3); // 07:00–07:10Z = 08:xx CET
    expect(figures.arrivalsByHour[10]).toBe(4);
    expect(figures.arrivalsByHour.reduce((a, b) => a + b, 0)).toBe(7);
  });
});

const round3 = (x: number) => Math.round(x * 1000) / 1000;
