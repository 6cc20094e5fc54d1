/**
 * The statistics as CSV (pure): one row per period and one for the whole range (estimate accuracy for all visitors,
 * appointment visitors and walk-ins), then the hourly load. Comma separated, RFC 4180 quoting, CRLF line ends, a dot
 * as decimal mark, minutes for durations; spreadsheet programs in German settings import it with "comma" as separator.
 */
import type { EstimateAccuracy } from './estimate-calibration.js';
import {
  type EstimateAccuracyByVisitor,
  type OfficeFigures,
  type PeriodFigures,
  VisitorChannel,
} from './stats-figures.js';
import type { Summary } from './stats-math.js';

export type CsvSource = {
  officeName: string;
  figures: OfficeFigures;
  serviceNames: ReadonlyMap<string, string>;
};

/** Quotes a field when it holds a separator, quote or line break; neutralises spreadsheet formulas. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (fields: (string | number | null)[]) => fields.map(csvField).join(',');
const summaryCols = (prefix: string) => ['count', 'mean', 'median', 'p90'].map((k) => `${prefix}_${k}`);
const summaryValues = (s: Summary) => [s.count, s.mean, s.median, s.p90];
const VISITOR_GROUPS = [
  ['all', 'all'],
  ['appointment', 'appointment'],
  ['walkIn', 'walk_in'],
] as const satisfies readonly (readonly [keyof EstimateAccuracyByVisitor, string])[];
const accuracyCols = VISITOR_GROUPS.flatMap(([, name]) =>
  ['count', 'mae_minutes', 'bias_minutes', 'inside_range'].map((k) => `estimate_${name}_${k}`),
);
const accuracyValues = (a: EstimateAccuracy) => [a.count, a.meanAbsoluteError, a.bias, a.insideRange];

export function statisticsCsv(src: CsvSource): string {
  const services = [
    ...new Set([...src.figures.periods, src.figures.total].flatMap((p) => p.serviceTimes.map((s) => s.serviceId))),
  ];
  const header = [
    'office',
    'period_from',
    'period_to',
    'visitors',
    ...Object.values(VisitorChannel).map((c) => `visitors_${c.toLowerCase()}`),
    ...summaryCols('wait_appointment_minutes'),
    ...summaryCols('wait_walk_in_minutes'),
    'ticket_no_shows',
    'missed_appointments',
    'no_show_rate',
    'walk_in_refusals_closing_guard',
    'minutes_past_closing',
    'day_closed_waiting',
    'day_closed_at_counter',
    ...accuracyCols,
    ...services.flatMap((id) => summaryCols(`service_minutes:${src.serviceNames.get(id) ?? id}`)),
  ];
  const row = (p: PeriodFigures, label?: string) => {
    const byService = new Map(p.serviceTimes.map((s) => [s.serviceId, s]));
    return line([
      src.officeName,
      label ?? p.from,
      label ? `${p.from}..${p.to}` : p.to,
      p.visitors,
      ...Object.values(VisitorChannel).map((c) => p.byChannel[c]),
      ...summaryValues(p.waitAppointment),
      ...summaryValues(p.waitWalkIn),
      p.ticketNoShows,
      p.missedAppointments,
      p.noShowRate,
      p.walkInRefusals,
      p.minutesPastClosing,
      p.dayClosedWaiting,
      p.dayClosedAtCounter,
      ...VISITOR_GROUPS.flatMap(([key]) => accuracyValues(p.estimateAccuracy[key])),
      ...services.flatMap((id) => {
        const s = byService.get(id);
        return s ? summaryValues(s) : [0, null, null, null];
      }),
    ]);
  };
  const lines = [
    line(header),
    ...src.figures.periods.map((p) => row(p)),
    row(src.figures.total, 'total'),
    '',
    line(['office', 'hour_of_day', 'arrivals']),
    ...src.figures.arrivalsByHour.map((n, hour) => line([src.officeName, hour, n])),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
