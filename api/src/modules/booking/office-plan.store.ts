import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { closedDatesBetween } from '../catalog/holidays.js';
import type { OfficeEntity } from '../catalog/office.entity.js';
import { HoursKind } from '../catalog/opening-hours.entity.js';
import type { Busy, CounterPlan, OfficeRules, WeeklyHours } from './availability.js';
import type { ServiceFacts } from './booking-input.js';

/** An office as availability and booking see it (BookingService keeps it for two seconds). */
type PlanOffice = Pick<
  OfficeEntity,
  'id' | 'timeZone' | 'holidayRegion' | 'slotMinutes' | 'leadMinutes' | 'horizonDays'
>;
export type OfficePlan = {
  office: PlanOffice;
  rules: OfficeRules;
  counters: CounterPlan[];
  /** The office's services (active or not) by id; a service of another office is not in it. */
  services: ReadonlyMap<string, ServiceFacts>;
};

const hhmm = (t: string) => t.slice(0, 5);

function weekly(rows: readonly { weekday: number; opensAt: string; closesAt: string }[]): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const r of rows) {
    const list = hours[r.weekday] ?? [];
    list.push({ start: hhmm(r.opensAt), end: hhmm(r.closesAt) });
    hours[r.weekday] = list;
  }
  for (const list of Object.values(hours)) list?.sort((a, b) => a.start.localeCompare(b.start));
  return hours;
}

/** Extra opening days' intervals by date, sorted by start. */
function extraDayHours(rows: readonly { date: string; opensAt: string; closesAt: string }[]) {
  const days = new Map<string, { start: string; end: string }[]>();
  for (const r of rows)
    days.set(r.date, [...(days.get(r.date) ?? []), { start: hhmm(r.opensAt), end: hhmm(r.closesAt) }]);
  for (const list of days.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  return days;
}

type PlanRow = {
  office: PlanOffice;
  hours: { kind: HoursKind; weekday: number; opensAt: string; closesAt: string }[];
  closures: string[];
  extraDays: { date: string; opensAt: string; closesAt: string }[];
  counters: { id: string; serviceIds: string[]; hours: { weekday: number; opensAt: string; closesAt: string }[] }[];
  services: ServiceFacts[];
};

/** Everything availability needs about one office, in one round trip (availability is asked often). */
const planQuery = `
  SELECT to_jsonb(o) AS office,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', h.kind, 'weekday', h.weekday, 'opensAt', h."opensAt", 'closesAt', h."closesAt")), '[]')
       FROM opening_hours h WHERE h."officeId" = o.id) AS hours,
    (SELECT coalesce(jsonb_agg(c.date::text), '[]') FROM office_closure c WHERE c."officeId" = o.id) AS closures,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('date', e.date::text, 'opensAt', e."opensAt", 'closesAt', e."closesAt")), '[]')
       FROM office_extra_day e WHERE e."officeId" = o.id AND e.date >= current_date - 2) AS "extraDays",
    (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'id', c.id,
        'serviceIds', (SELECT coalesce(jsonb_agg(cs."serviceId"), '[]') FROM counter_service cs WHERE cs."counterId" = c.id),
        'hours', (SELECT coalesce(jsonb_agg(jsonb_build_object('weekday', ch.weekday, 'opensAt', ch."opensAt", 'closesAt', ch."closesAt")), '[]')
                    FROM counter_hours ch WHERE ch."counterId" = c.id)
      ) ORDER BY c.label), '[]')
       FROM counter c WHERE c."officeId" = o.id AND c.active) AS counters,
    (SELECT coalesce(jsonb_agg(jsonb_build_object(
        'id', s.id, 'officeId', s."officeId", 'active', s.active, 'bookableOnline', s."bookableOnline",
        'maxPerBooking', s."maxPerBooking", 'durationMinutes', s."durationMinutes",
        'uploadableDocumentIds', (SELECT coalesce(jsonb_agg(d.id), '[]') FROM service_document sd
                                    JOIN required_document d ON d.id = sd."documentId"
                                   WHERE sd."serviceId" = s.id AND d.uploadable AND d.active)
      )), '[]')
       FROM service s WHERE s."officeId" = o.id) AS services
  FROM office o WHERE o.id = $1 AND o.enabled`;

/**
 * Loads an enabled office's booking rules and counters; null when the office is unknown or disabled.
 * Appointment hours default to the opening hours when an office has none of its own. Closed dates cover today
 * (a day early, for offices east of UTC) through the horizon.
 */
export async function loadOfficePlan(m: EntityManager, officeId: string, now: Date): Promise<OfficePlan | null> {
  const [row]: PlanRow[] = await m.query(planQuery, [officeId]);
  if (!row) return null;
  const { office, hours, closures, extraDays, counters, services } = row;
  const appointmentRows = hours.filter((h) => h.kind === HoursKind.APPOINTMENTS);
  const today = DateTime.fromJSDate(now, { zone: office.timeZone });
  const closedDates = closedDatesBetween(
    office.holidayRegion,
    today.minus({ days: 1 }).toISODate() as string,
    today.plus({ days: office.horizonDays + 1 }).toISODate() as string,
    closures,
  );
  const rules: OfficeRules = {
    timeZone: office.timeZone,
    appointmentHours: weekly(
      appointmentRows.length > 0 ? appointmentRows : hours.filter((h) => h.kind === HoursKind.OPEN),
    ),
    closedDates,
    extraDays: extraDayHours(extraDays),
    slotMinutes: office.slotMinutes,
    leadMinutes: office.leadMinutes,
    horizonDays: office.horizonDays,
  };
  const plans: CounterPlan[] = counters
    .map((c) => ({ id: c.id, serviceIds: new Set(c.serviceIds), hours: c.hours.length > 0 ? weekly(c.hours) : null }))
    // Counters that handle fewer services are filled first, so the versatile ones stay free for the rarer requests.
    .sort((a, b) => a.serviceIds.size - b.serviceIds.size);
  return { office, rules, counters: plans, services: new Map(services.map((f) => [f.id, f])) };
}

/**
 * No appointment lasts longer (a check constraint holds it): reads of the booked times overlapping a range look
 * back no further than this before the range, so that they read a day's appointments, not the office's history.
 */
export const LONGEST_APPOINTMENT_MS = 25 * 3_600_000;

/**
 * Booked appointments of an office that overlap [from, to); times come as epoch ms. One row per counter with its
 * starts and ends as JSON arrays of numbers: for 60 days of a busy office that is a handful of values to parse
 * instead of thousands of rows, and date_part (float8) costs PostgreSQL far less than extract (numeric).
 */
export async function loadBusy(
  m: EntityManager,
  officeId: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<Busy[]> {
  const rows: { counterId: string; starts: number[]; ends: number[] }[] = await m.query(
    `SELECT "counterId", json_agg(round(date_part('epoch', "startsAt") * 1000)::int8) AS starts,
            json_agg(round(date_part('epoch', "endsAt") * 1000)::int8) AS ends
       FROM appointment
      WHERE "officeId" = $1 AND status = 'BOOKED' AND "startsAt" < $3 AND "startsAt" > $5 AND "endsAt" > $2
        AND id IS DISTINCT FROM $4
      GROUP BY "counterId"`,
    [officeId, from, to, exceptId ?? null, new Date(from.getTime() - LONGEST_APPOINTMENT_MS)],
  );
  const busy: Busy[] = [];
  for (const { counterId, starts, ends } of rows) {
    for (let i = 0; i < starts.length; i++)
      busy.push({ counterId, start: starts[i] as number, end: ends[i] as number });
  }
  return busy;
}
