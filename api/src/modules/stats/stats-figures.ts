/**
 * An office's statistics for a range of local dates, from recorded facts (pure: rows in, numbers out). The service
 * reads the rows; docs/decisions.md ("Statistics") defines every number.
 */
import { DateTime } from 'luxon';
import { openIntervalsOn, type WeeklyRow } from '../queue/rules/office-day.js';
import { type EstimateAccuracy, estimateAccuracy, type IssuedEstimate } from './estimate-calibration.js';
import { rate, round, type Summary, summarize } from './stats-math.js';
import { type Granularity, type Period, periodsOf } from './stats-periods.js';

export enum VisitorChannel {
  APPOINTMENT_WEB = 'APPOINTMENT_WEB',
  APPOINTMENT_PORTAL = 'APPOINTMENT_PORTAL',
  APPOINTMENT_INFO_DESK = 'APPOINTMENT_INFO_DESK',
  WALK_IN_KIOSK = 'WALK_IN_KIOSK',
  WALK_IN_INFO_DESK = 'WALK_IN_INFO_DESK',
}

/** One ticket of the range, as recorded. Instants in epoch milliseconds. */
export type TicketFact = {
  serviceDay: string;
  origin: 'APPOINTMENT' | 'KIOSK' | 'INFO_DESK';
  /** The booking channel of the checked-in appointment; null for walk-ins (or a vanished appointment). */
  bookingChannel: 'WEB' | 'PORTAL' | 'INFO_DESK' | null;
  arrivedAt: number;
  appointmentStartsAt: number | null;
  /** The first CALLED event; null when never called. */
  firstCalledAt: number | null;
  status: string;
  /** What the visitor was told at issue; null when no counter could serve the ticket then (or before it was kept). */
  issuedEstimate: IssuedEstimate | null;
  /** The status the nightly job found the ticket in when it closed it (DAY_CLOSED); null when it did not. */
  dayClosedFrom: string | null;
};

/** A single-service ticket's service time: from the last call or start to FINISHED, per unit done. */
export type ServiceTimeFact = { serviceDay: string; serviceId: string; minutes: number };

/** Last recorded activity of one counter on one local day (last ticket event there, or its session closed). */
export type CounterDayFact = { serviceDay: string; counterId: string; lastActiveAt: number };

export type OfficeCalendar = {
  timeZone: string;
  region: string;
  hours: readonly WeeklyRow[];
  closures: readonly string[];
};

export type StatsInput = {
  from: string;
  to: string;
  granularity: Granularity;
  calendar: OfficeCalendar;
  tickets: readonly TicketFact[];
  serviceTimes: readonly ServiceTimeFact[];
  /** Local dates of booked appointments whose start passed with no check-in. */
  missedAppointmentDays: readonly string[];
  /** Local dates of walk-in requests the closing guard refused. */
  refusalDays: readonly string[];
  counterDays: readonly CounterDayFact[];
};

export type ServiceTime = { serviceId: string } & Summary;

/** Estimate accuracy over all visitors, appointment visitors and walk-ins. */
export type EstimateAccuracyByVisitor = {
  all: EstimateAccuracy;
  appointment: EstimateAccuracy;
  walkIn: EstimateAccuracy;
};

export type PeriodFigures = Period & {
  visitors: number;
  byChannel: Record<VisitorChannel, number>;
  waitAppointment: Summary;
  waitWalkIn: Summary;
  serviceTimes: ServiceTime[];
  ticketNoShows: number;
  missedAppointments: number;
  noShowRate: number | null;
  walkInRefusals: number;
  minutesPastClosing: number;
  /** Tickets the nightly job closed while still waiting or parked: the visitor left unserved. */
  dayClosedWaiting: number;
  /** Tickets the nightly job closed while called or being served: never finished at the counter. */
  dayClosedAtCounter: number;
  estimateAccuracy: EstimateAccuracyByVisitor;
};

export type OfficeFigures = {
  periods: PeriodFigures[];
  total: PeriodFigures;
  /** Arrivals (tickets issued) per office-local hour of day 0–23 over the whole range. */
  arrivalsByHour: number[];
};

const MINUTE = 60_000;

export function channelOf(t: Pick<TicketFact, 'origin' | 'bookingChannel'>): VisitorChannel | null {
  if (t.origin === 'KIOSK') return VisitorChannel.WALK_IN_KIOSK;
  if (t.origin === 'INFO_DESK') return VisitorChannel.WALK_IN_INFO_DESK;
  if (t.bookingChannel === 'WEB') return VisitorChannel.APPOINTMENT_WEB;
  if (t.bookingChannel === 'PORTAL') return VisitorChannel.APPOINTMENT_PORTAL;
  if (t.bookingChannel === 'INFO_DESK') return VisitorChannel.APPOINTMENT_INFO_DESK;
  return null;
}

/**
 * Minutes from when a visitor was due to be waiting to their first call: a walk-in from arrival, an appointment
 * visitor from arrival or the appointment's start, whichever is later (coming early is not waiting). Null when the
 * ticket was never called. Never negative (called before the appointment's start is 0).
 */
export function waitMinutes(t: TicketFact): number | null {
  if (t.firstCalledAt === null) return null;
  const since = t.appointmentStartsAt === null ? t.arrivedAt : Math.max(t.arrivedAt, t.appointmentStartsAt);
  return Math.max(0, t.firstCalledAt - since) / MINUTE;
}

/** Minutes a counter was active after the day's closing time (end of the last opening interval); 0 on closed days. */
export function minutesPastClosing(closesAt: number | null, lastActiveAt: number): number {
  if (closesAt === null) return 0;
  return Math.max(0, lastActiveAt - closesAt) / MINUTE;
}

/** The end of the office's last opening interval on a local date, or null when closed that day. */
export function closingTime(date: string, calendar: OfficeCalendar): number | null {
  const open = openIntervalsOn(date, calendar.timeZone, calendar.region, calendar.hours, calendar.closures);
  return open.length === 0 ? null : (open[open.length - 1] as { end: number }).end;
}

export function officeFigures(input: StatsInput): OfficeFigures {
  const periods = periodsOf(input.from, input.to, input.granularity);
  const closing = new Map<string, number | null>();
  const closesOn = (date: string) => {
    if (!closing.has(date)) closing.set(date, closingTime(date, input.calendar));
    return closing.get(date) ?? null;
  };
  const figures = (p: Period): PeriodFigures => {
    const inside = (date: string) => date >= p.from && date <= p.to;
    return periodFigures(p, {
      tickets: input.tickets.filter((t) => inside(t.serviceDay)),
      serviceTimes: input.serviceTimes.filter((s) => inside(s.serviceDay)),
      missed: input.missedAppointmentDays.filter(inside).length,
      refusals: input.refusalDays.filter(inside).length,
      pastClosing: input.counterDays
        .filter((c) => inside(c.serviceDay))
        .reduce((sum, c) => sum + minutesPastClosing(closesOn(c.serviceDay), c.lastActiveAt), 0),
    });
  };
  const arrivalsByHour = Array.from({ length: 24 }, () => 0);
  for (const t of input.tickets) {
    const hour = DateTime.fromMillis(t.arrivedAt, { zone: input.calendar.timeZone }).hour;
    arrivalsByHour[hour] = (arrivalsByHour[hour] ?? 0) + 1;
  }
  return {
    periods: periods.map(figures),
    total: figures({ from: input.from, to: input.to }),
    arrivalsByHour,
  };
}

function periodFigures(
  p: Period,
  rows: {
    tickets: readonly TicketFact[];
    serviceTimes: readonly ServiceTimeFact[];
    missed: number;
    refusals: number;
    pastClosing: number;
  },
): PeriodFigures {
  const byChannel = Object.fromEntries(Object.values(VisitorChannel).map((c) => [c, 0])) as Record<
    VisitorChannel,
    number
  >;
  const waitsAppointment: number[] = [];
  const waitsWalkIn: number[] = [];
  let ticketNoShows = 0;
  let dayClosedWaiting = 0;
  let dayClosedAtCounter = 0;
  for (const t of rows.tickets) {
    const channel = channelOf(t);
    if (channel) byChannel[channel] += 1;
    const wait = waitMinutes(t);
    if (wait !== null) (t.origin === 'APPOINTMENT' ? waitsAppointment : waitsWalkIn).push(wait);
    if (t.status === 'NO_SHOW') ticketNoShows += 1;
    if (t.dayClosedFrom === 'WAITING' || t.dayClosedFrom === 'PARKED') dayClosedWaiting += 1;
    else if (t.dayClosedFrom !== null) dayClosedAtCounter += 1;
  }
  const perService = new Map<string, number[]>();
  for (const s of rows.serviceTimes) {
    const list = perService.get(s.serviceId) ?? [];
    list.push(s.minutes);
    perService.set(s.serviceId, list);
  }
  return {
    ...p,
    visitors: rows.tickets.length,
    byChannel,
    waitAppointment: rounded(summarize(waitsAppointment)),
    waitWalkIn: rounded(summarize(waitsWalkIn)),
    serviceTimes: [...perService].map(([serviceId, minutes]) => ({ serviceId, ...rounded(summarize(minutes)) })),
    ticketNoShows,
    missedAppointments: rows.missed,
    noShowRate: round(rate(ticketNoShows + rows.missed, rows.tickets.length + rows.missed), 3),
    walkInRefusals: rows.refusals,
    minutesPastClosing: Math.round(rows.pastClosing),
    dayClosedWaiting,
    dayClosedAtCounter,
    estimateAccuracy: {
      all: estimateAccuracy(rows.tickets),
      appointment: estimateAccuracy(rows.tickets.filter((t) => t.origin === 'APPOINTMENT')),
      walkIn: estimateAccuracy(rows.tickets.filter((t) => t.origin !== 'APPOINTMENT')),
    },
  };
}

const rounded = (s: Summary): Summary => ({
  count: s.count,
  mean: round(s.mean),
  median: round(s.median),
  p90: round(s.p90),
});
