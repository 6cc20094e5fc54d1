import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import { isUuid } from '../../shared/ids.js';
import { type AdminOutcome, invalid, ok, unknownOffice, withOffice } from '../../shared/office-lock.js';
import { AppointmentEntity } from '../booking/appointment.entity.js';
import { AppointmentStatus } from '../booking/appointment-view.js';
import { type BookingService, nextCalendarSequence } from '../booking/booking.service.js';
import { ClosureEntity } from '../catalog/closure.entity.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import { type HoursKind, OpeningHoursEntity } from '../catalog/opening-hours.entity.js';
import {
  type ClosureNotifiedView,
  type ClosureRemovedView,
  type ClosureView,
  detailsView,
  type ExtraDayView,
  type OfficeAdministrationView,
  type OfficeDetailsView,
  type OfficeSettingsView,
  readOfficeAdministration,
  settingsView,
  type WeekdayHoursView,
} from './office-administration.store.js';
import {
  checkClosure,
  checkDetails,
  checkExtraDay,
  checkNewOffice,
  checkSettings,
  checkWeekdayHours,
  isCalendarDate,
  type NewOffice,
  type OfficeDetailsPatch,
  type OfficeSettingsPatch,
  type TimeInterval,
} from './office-rules.js';

/** What cancelling for a closure needs of the mail outbox: the "office closed" notice in the same transaction. */
export type ClosureMail = {
  cancelledForClosure(m: EntityManager, appointmentId: string): Promise<void>;
  afterCommit(appointmentId: string): void;
};

/**
 * Office settings, opening hours and closures, for ADMIN everywhere and staff (the resolver admits managers) in
 * their own offices. Each change is one transaction on the office row (locked, so that concurrent edits of the same
 * office follow each other); afterwards this process's booking plans are forgotten, so that availability and new
 * bookings follow at once. Other api processes follow within their plan cache time (two seconds).
 */
export class OfficeAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly booking: Pick<BookingService, 'forgetPlans'>,
    private readonly now: () => Date,
    private readonly mail: ClosureMail,
  ) {}

  private withOffice<T>(
    actor: Actor,
    officeId: string,
    work: (m: EntityManager, office: OfficeEntity) => Promise<AdminOutcome<T>>,
  ): Promise<AdminOutcome<T>> {
    return withOffice(this.ds, actor, officeId, work, () => this.booking.forgetPlans());
  }

  private today(office: OfficeEntity): string {
    return DateTime.fromJSDate(this.now(), { zone: office.timeZone }).toISODate() as string;
  }

  /** What the administration pages show about one office (read only, no lock). */
  async administration(actor: Actor, officeId: string): Promise<AdminOutcome<OfficeAdministrationView>> {
    if (!isUuid(officeId)) return invalid(unknownOffice);
    if (!(await worksIn(this.ds.manager, actor, officeId))) return { kind: 'officeNotAllowed' };
    const office = await this.ds.getRepository(OfficeEntity).findOneBy({ id: officeId });
    if (!office) return invalid(unknownOffice);
    return ok(await readOfficeAdministration(this.ds.manager, office, this.today(office)));
  }

  /** Changes name, address, time zone, notice, phone or email; a new time zone moves the office's local hours with it. */
  updateDetails(actor: Actor, officeId: string, patch: OfficeDetailsPatch): Promise<AdminOutcome<OfficeDetailsView>> {
    return this.withOffice(actor, officeId, async (m, office) => {
      const checked = checkDetails(patch);
      if (!checked.ok) return invalid(...checked.problems);
      const changed = Object.assign(office, checked.value);
      await m.getRepository(OfficeEntity).save(changed);
      return ok(detailsView(changed));
    });
  }

  updateSettings(
    actor: Actor,
    officeId: string,
    patch: OfficeSettingsPatch,
  ): Promise<AdminOutcome<OfficeSettingsView>> {
    return this.withOffice(actor, officeId, async (m, office) => {
      const checked = checkSettings(patch);
      if (!checked.ok) return invalid(...checked.problems);
      const changed = Object.assign(office, checked.value);
      await m.getRepository(OfficeEntity).save(changed);
      return { kind: 'ok', value: settingsView(changed) };
    });
  }

  /** Replaces one weekday's intervals of one kind; an empty list closes that weekday for that kind. */
  setOpeningHours(
    actor: Actor,
    officeId: string,
    kind: HoursKind,
    weekday: number,
    intervals: readonly TimeInterval[],
  ): Promise<AdminOutcome<WeekdayHoursView>> {
    return this.withOffice(actor, officeId, async (m) => {
      const checked = checkWeekdayHours(weekday, intervals);
      if (!checked.ok) return invalid(...checked.problems);
      const repo = m.getRepository(OpeningHoursEntity);
      await repo.delete({ officeId, kind, weekday });
      if (checked.value.length > 0)
        await repo.insert(
          checked.value.map((i) => ({
            officeId,
            kind,
            weekday,
            opensAt: `${i.opensAt}:00`,
            closesAt: `${i.closesAt}:00`,
          })),
        );
      return { kind: 'ok', value: { officeId, kind, weekday, intervals: checked.value } };
    });
  }

  /**
   * Closes the office on a day (or changes the note of an existing closure). Booked appointments on that day are
   * counted, not cancelled: staff decide what happens to them.
   */
  addClosure(actor: Actor, officeId: string, date: string, note?: string | null): Promise<AdminOutcome<ClosureView>> {
    return this.withOffice(actor, officeId, async (m, office) => {
      const checked = checkClosure(date, note, this.today(office));
      if (!checked.ok) return invalid(...checked.problems);
      await m.query(
        `INSERT INTO office_closure ("officeId", date, reason) VALUES ($1, $2, $3)
         ON CONFLICT ("officeId", date) DO UPDATE SET reason = EXCLUDED.reason`,
        [officeId, checked.value.date, checked.value.note],
      );
      const [row]: { n: number }[] = await m.query(
        `SELECT count(*)::int AS n FROM appointment
          WHERE "officeId" = $1 AND status = 'BOOKED' AND ("startsAt" AT TIME ZONE $2)::date = $3::date`,
        [officeId, office.timeZone, checked.value.date],
      );
      return {
        kind: 'ok',
        value: { officeId, date: checked.value.date, note: checked.value.note, affectedAppointments: row?.n ?? 0 },
      };
    });
  }

  removeClosure(actor: Actor, officeId: string, date: string): Promise<AdminOutcome<ClosureRemovedView>> {
    return this.withOffice(actor, officeId, async (m) => {
      if (!isCalendarDate(date))
        return invalid({ field: 'date', code: 'BAD_DATE', message: 'Give a date as "YYYY-MM-DD".' });
      const result = await m.getRepository(ClosureEntity).delete({ officeId, date });
      return { kind: 'ok', value: { officeId, date, removed: (result.affected ?? 0) > 0 } };
    });
  }

  /**
   * Cancels the booked appointments of a closed day that have not begun and are not checked in, each with a mail
   * saying the office is closed (written to the outbox in this transaction). Idempotent: cancelled appointments are
   * not booked any more, so a second call finds none. A day without a closure is refused (`NOT_CLOSED`).
   */
  notifyClosureAffected(actor: Actor, officeId: string, date: string): Promise<AdminOutcome<ClosureNotifiedView>> {
    const cancelledIds: string[] = [];
    return this.withOffice(actor, officeId, async (m, office) => {
      if (!isCalendarDate(date))
        return invalid({ field: 'date', code: 'BAD_DATE', message: 'Give a date as "YYYY-MM-DD".' });
      const closed = await m.getRepository(ClosureEntity).existsBy({ officeId, date });
      if (!closed)
        return invalid({ field: 'date', code: 'NOT_CLOSED', message: 'The office is not closed on that day.' });
      const now = this.now();
      const rows: { id: string; due: boolean }[] = await m.query(
        `SELECT a.id, (a."startsAt" > $4 AND t.id IS NULL) AS due FROM appointment a
           LEFT JOIN ticket t ON t."appointmentId" = a.id
          WHERE a."officeId" = $1 AND a.status = 'BOOKED' AND (a."startsAt" AT TIME ZONE $2)::date = $3::date
          ORDER BY a."startsAt" FOR UPDATE OF a`,
        [officeId, office.timeZone, date, now],
      );
      for (const row of rows.filter((r) => r.due)) {
        await m.update(AppointmentEntity, row.id, {
          status: AppointmentStatus.CANCELLED,
          cancelledAt: now,
          calendarSequence: nextCalendarSequence,
        });
        await this.mail.cancelledForClosure(m, row.id);
        cancelledIds.push(row.id);
      }
      return ok({ officeId, date, cancelled: cancelledIds.length, remaining: rows.length - cancelledIds.length });
    }).then((outcome) => {
      if (outcome.kind === 'ok') for (const id of cancelledIds) this.mail.afterCommit(id);
      return outcome;
    });
  }

  /**
   * Sets up an office (ADMIN only; the resolver admits no one else). It starts with no hours, services or counters,
   * so nothing can be booked there until its managers add them; it is public at once (listed for booking).
   */
  async createOffice(input: NewOffice): Promise<AdminOutcome<OfficeDetailsView>> {
    const checked = checkNewOffice(input);
    if (!checked.ok) return invalid(...checked.problems);
    const taken = invalid({ field: 'slug', code: 'SLUG_TAKEN', message: 'Another office has this slug.' });
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(OfficeEntity);
      if (await repo.existsBy({ slug: checked.value.slug })) return taken;
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO office (slug, name, street, "postalCode", city, "timeZone", "holidayRegion")
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (slug) DO NOTHING RETURNING id`,
        [
          checked.value.slug,
          checked.value.name,
          checked.value.street,
          checked.value.postalCode,
          checked.value.city,
          checked.value.timeZone,
          checked.value.holidayRegion,
        ],
      );
      if (!row) return taken; // created concurrently
      return ok(detailsView(await repo.findOneByOrFail({ id: row.id })));
    });
  }

  /**
   * Opens the office on a day at these hours instead of its weekday's (e.g. a Saturday), for appointments and the
   * queue alike; replaces the day's intervals as a whole, an empty list removes the extra day. A closure still wins.
   */
  setExtraDay(
    actor: Actor,
    officeId: string,
    date: string,
    intervals: readonly TimeInterval[],
    note?: string | null,
  ): Promise<AdminOutcome<ExtraDayView>> {
    return this.withOffice(actor, officeId, async (m, office) => {
      const checked = checkExtraDay(date, intervals, note, this.today(office));
      if (!checked.ok) return invalid(...checked.problems);
      const v = checked.value;
      await m.query('DELETE FROM office_extra_day WHERE "officeId" = $1 AND date = $2', [officeId, v.date]);
      for (const i of v.intervals)
        await m.query(
          `INSERT INTO office_extra_day ("officeId", date, "opensAt", "closesAt", note) VALUES ($1, $2, $3, $4, $5)`,
          [officeId, v.date, `${i.opensAt}:00`, `${i.closesAt}:00`, v.note],
        );
      return ok({ officeId, date: v.date, note: v.intervals.length > 0 ? v.note : '', intervals: v.intervals });
    });
  }
}
