import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { ClosureEntity } from '../catalog/closure.entity.js';
import { CounterEntity } from '../catalog/counter.entity.js';
import { CounterHoursEntity } from '../catalog/counter-hours.entity.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import { HoursKind, OpeningHoursEntity } from '../catalog/opening-hours.entity.js';
import type { Busy, CounterPlan, OfficeRules, WeeklyHours } from './availability.js';
import { closedDatesBetween } from './holidays.js';

/** An office as availability and booking see it, read fresh for each request (changes apply at once). */
export type OfficePlan = { office: OfficeEntity; rules: OfficeRules; counters: CounterPlan[] };

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

/**
 * Loads an enabled office's booking rules and counters; null when the office is unknown or disabled.
 * Appointment hours default to the opening hours when an office has none of its own. Closed dates cover today
 * (a day early, for offices east of UTC) through the horizon.
 */
export async function loadOfficePlan(m: EntityManager, officeId: string, now: Date): Promise<OfficePlan | null> {
  const office = await m.findOneBy(OfficeEntity, { id: officeId, enabled: true });
  if (!office) return null;
  const [hours, closures, counters, counterHours] = await Promise.all([
    m.find(OpeningHoursEntity, { where: { officeId } }),
    m.find(ClosureEntity, { where: { officeId } }),
    m.find(CounterEntity, {
      where: { officeId, active: true },
      relations: { services: true },
      order: { label: 'ASC' },
    }),
    m
      .createQueryBuilder(CounterHoursEntity, 'h')
      .innerJoin('h.counter', 'c')
      .where('c."officeId" = :officeId', { officeId })
      .getMany(),
  ]);
  const appointmentRows = hours.filter((h) => h.kind === HoursKind.APPOINTMENTS);
  const today = DateTime.fromJSDate(now, { zone: office.timeZone });
  const closedDates = closedDatesBetween(
    office.holidayRegion,
    today.minus({ days: 1 }).toISODate() as string,
    today.plus({ days: office.horizonDays + 1 }).toISODate() as string,
    closures.map((c) => c.date),
  );
  const rules: OfficeRules = {
    timeZone: office.timeZone,
    appointmentHours: weekly(
      appointmentRows.length > 0 ? appointmentRows : hours.filter((h) => h.kind === HoursKind.OPEN),
    ),
    closedDates,
    slotMinutes: office.slotMinutes,
    leadMinutes: office.leadMinutes,
    horizonDays: office.horizonDays,
  };
  const plans: CounterPlan[] = counters
    .map((c) => {
      const own = counterHours.filter((h) => h.counterId === c.id);
      return { id: c.id, serviceIds: new Set(c.services.map((s) => s.id)), hours: own.length > 0 ? weekly(own) : null };
    })
    // Counters that handle fewer services are filled first, so the versatile ones stay free for the rarer requests.
    .sort((a, b) => a.serviceIds.size - b.serviceIds.size);
  return { office, rules, counters: plans };
}

/** Booked appointments of an office that overlap [from, to). */
export async function loadBusy(
  m: EntityManager,
  officeId: string,
  from: Date,
  to: Date,
  exceptId?: string,
): Promise<Busy[]> {
  const rows: { counterId: string; startsAt: Date; endsAt: Date }[] = await m.query(
    `SELECT "counterId", "startsAt", "endsAt" FROM appointment
      WHERE "officeId" = $1 AND status = 'BOOKED' AND "startsAt" < $3 AND "endsAt" > $2 AND id IS DISTINCT FROM $4`,
    [officeId, from, to, exceptId ?? null],
  );
  return rows.map((r) => ({ counterId: r.counterId, start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
}
