/** Reads what the office administration pages show: details, settings, weekly hours and the coming closures. */
import type { EntityManager } from 'typeorm';
import { ClosureEntity } from '../catalog/closure.entity.js';
import type { OfficeEntity } from '../catalog/office.entity.js';
import { HoursKind, OpeningHoursEntity } from '../catalog/opening-hours.entity.js';
import type { OfficeSettingsPatch, TimeInterval } from './office-rules.js';

export type OfficeSettingsView = Required<{ [K in keyof OfficeSettingsPatch]: NonNullable<OfficeSettingsPatch[K]> }> & {
  officeId: string;
};
export type WeekdayHoursView = { officeId: string; kind: HoursKind; weekday: number; intervals: TimeInterval[] };
export type ClosureView = { officeId: string; date: string; note: string; affectedAppointments: number };
export type ClosureRemovedView = { officeId: string; date: string; removed: boolean };
export type ExtraDayView = { officeId: string; date: string; note: string; intervals: TimeInterval[] };
export type ClosureNotifiedView = { officeId: string; date: string; cancelled: number; remaining: number };

export type OfficeDetailsView = {
  officeId: string;
  name: string;
  slug: string;
  enabled: boolean;
  street: string;
  postalCode: string;
  city: string;
  timeZone: string;
  notice: string | null;
  phone: string | null;
  email: string | null;
  languages: string[];
};

export type OfficeAdministrationView = {
  officeId: string;
  today: string;
  details: OfficeDetailsView;
  settings: OfficeSettingsView;
  openingHours: WeekdayHoursView[];
  appointmentHours: WeekdayHoursView[];
  closures: ClosureView[];
  extraDays: ExtraDayView[];
};

export function detailsView(o: OfficeEntity): OfficeDetailsView {
  return {
    officeId: o.id,
    name: o.name,
    slug: o.slug,
    enabled: o.enabled,
    street: o.street,
    postalCode: o.postalCode,
    city: o.city,
    timeZone: o.timeZone,
    notice: o.notice,
    phone: o.phone,
    email: o.email,
    languages: o.languages,
  };
}

export function settingsView(o: OfficeEntity): OfficeSettingsView {
  return {
    officeId: o.id,
    slotMinutes: o.slotMinutes,
    leadMinutes: o.leadMinutes,
    horizonDays: o.horizonDays,
    checkInLateMinutes: o.checkInLateMinutes,
    priorityMinutes: o.priorityMinutes,
    maxCalls: o.maxCalls,
    closingBufferMinutes: o.closingBufferMinutes,
    holidayRegion: o.holidayRegion,
  };
}

/** Booked appointments per office-local date, for the given dates. */
export async function bookedPerDay(
  m: EntityManager,
  office: Pick<OfficeEntity, 'id' | 'timeZone'>,
  dates: readonly string[],
): Promise<Map<string, number>> {
  if (dates.length === 0) return new Map();
  const rows: { date: string; n: number }[] = await m.query(
    `SELECT ("startsAt" AT TIME ZONE $2)::date::text AS date, count(*)::int AS n FROM appointment
      WHERE "officeId" = $1 AND status = 'BOOKED' AND ("startsAt" AT TIME ZONE $2)::date = ANY($3::date[])
      GROUP BY 1`,
    [office.id, office.timeZone, dates],
  );
  return new Map(rows.map((r) => [r.date, r.n]));
}

/** The office's administration view; `today` is the office-local date. */
export async function readOfficeAdministration(
  m: EntityManager,
  office: OfficeEntity,
  today: string,
): Promise<OfficeAdministrationView> {
  const hours = await m
    .getRepository(OpeningHoursEntity)
    .createQueryBuilder('h')
    .where('h.officeId = :id', { id: office.id })
    .orderBy('h.weekday')
    .addOrderBy('h.opensAt')
    .getMany();
  const week = (kind: HoursKind): WeekdayHoursView[] =>
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      officeId: office.id,
      kind,
      weekday,
      intervals: hours
        .filter((h) => h.kind === kind && h.weekday === weekday)
        .map((h) => ({ opensAt: h.opensAt.slice(0, 5), closesAt: h.closesAt.slice(0, 5) })),
    }));
  const closures = await m
    .getRepository(ClosureEntity)
    .createQueryBuilder('c')
    .where('c.officeId = :id AND c.date >= :today', { id: office.id, today })
    .orderBy('c.date')
    .getMany();
  const booked = await bookedPerDay(
    m,
    office,
    closures.map((c) => c.date),
  );
  const extraRows: { date: string; opensAt: string; closesAt: string; note: string }[] = await m.query(
    `SELECT date::text AS date, "opensAt"::text AS "opensAt", "closesAt"::text AS "closesAt", note
       FROM office_extra_day WHERE "officeId" = $1 AND date >= $2 ORDER BY date, "opensAt"`,
    [office.id, today],
  );
  const extraDays = new Map<string, ExtraDayView>();
  for (const r of extraRows) {
    const day = extraDays.get(r.date) ?? { officeId: office.id, date: r.date, note: r.note, intervals: [] };
    day.intervals.push({ opensAt: r.opensAt.slice(0, 5), closesAt: r.closesAt.slice(0, 5) });
    extraDays.set(r.date, day);
  }
  return {
    officeId: office.id,
    today,
    extraDays: [...extraDays.values()],
    details: detailsView(office),
    settings: settingsView(office),
    openingHours: week(HoursKind.OPEN),
    appointmentHours: week(HoursKind.APPOINTMENTS),
    closures: closures.map((c) => ({
      officeId: office.id,
      date: c.date,
      note: c.reason,
      affectedAppointments: booked.get(c.date) ?? 0,
    })),
  };
}
