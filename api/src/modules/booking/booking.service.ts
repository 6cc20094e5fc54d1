import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { type DataSource, type EntityManager } from 'typeorm';
import type { Config } from '../../config.js';
import { generateSecret, hashSecret } from '../../shared/credentials.js';
import { isDbError } from '../../shared/db-errors.js';
import { type FieldProblem } from '../../shared/field-problem.js';
import { isUuid } from '../../shared/ids.js';
import { KeptPromises } from '../../shared/kept-promises.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import { AppointmentEntity } from './appointment.entity.js';
import { AppointmentStatus, type AppointmentView, type BookingChannel } from './appointment-view.js';
import {
  availableDays,
  bookingDuration,
  type DayAvailability,
  dayOfInstant,
  freeCountersAt,
  nearestFreeStarts,
  startProblem,
} from './availability.js';
import {
  appointmentIdByTokenHash,
  bookingTransaction,
  insertAppointment,
  loadAppointmentView,
  lockCounterDay,
  lockKey,
  sqlLiteral,
  uploadsByIds,
} from './booking.store.js';
import {
  type ContactInput,
  checkContact,
  checkServices,
  checkUploads,
  type ServiceChoice,
  type ServiceFacts,
} from './booking-input.js';
import { newCheckInCode, newReference } from './codes.js';
import { appointmentCalendar, type CalendarSender } from './confirmation.js';
import { loadBusy, loadOfficePlan, type OfficePlan } from './office-plan.store.js';

/** Who books: the channel is recorded on the appointment; the client key feeds the per-address limit. */
export type Caller = { channel: BookingChannel; channelName: string | null; clientKey: string | null };

export type BookingRequest = ContactInput & {
  officeId: string;
  services: ServiceChoice[];
  start: Date;
  uploadIds: string[];
};

export type LimitKind = 'ACTIVE_PER_EMAIL' | 'RATE';

export type BookOutcome =
  | { kind: 'booked'; appointmentId: string; manageToken: string }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'unavailable'; alternatives: Date[] }
  | { kind: 'limit'; limit: LimitKind; retryAfterSeconds: number | null };

export type ChangeOutcome =
  | { kind: 'ok'; appointmentId: string }
  | { kind: 'notFound' }
  | { kind: 'notChangeable'; reason: 'CANCELLED' | 'STARTED' }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'unavailable'; alternatives: Date[] };

/** What the follow-ups of a new booking need, handed over so that they need not read it back. */
export type BookedFacts = {
  manageToken: string;
  startsAt: Date;
  email: string;
  language: string;
};

/**
 * Follow-ups of a booking change (confirmation and reminder mails), written inside the change's transaction so
 * that they exist exactly when the change does; `afterCommit` may wake workers, the written rows are the truth.
 */
export interface BookingHooks {
  /**
   * A statement run as part of the new appointment's INSERT (saving a round trip per booking): it may read the new
   * appointment's id from the CTE `a` and takes its values through `param`, which returns the placeholder. Null: none.
   */
  bookedStatement(booked: BookedFacts, param: (value: unknown) => string): string | null;
  rescheduled(m: EntityManager, appointmentId: string): Promise<void>;
  cancelled(m: EntityManager, appointmentId: string): Promise<void>;
  afterCommit(appointmentId: string): void;
}

const uniqueViolation = '23505';
const deadlock = '40P01';
const exclusionViolation = '23P01';
const DAY_MS = 86_400_000;
const PLAN_TTL_MS = 2000;

const startProblemMessages: Record<string, string> = {
  PAST: 'This time is in the past.',
  TOO_SOON: 'This time is too soon; choose a later one.',
  BEYOND_HORIZON: 'This time is too far ahead to be booked yet.',
  CLOSED: 'The office is closed on this day.',
  OFF_GRID: 'Appointments start at other times; choose one of the offered times.',
  OUTSIDE_HOURS: 'This time is outside the appointment hours.',
};

/**
 * Availability, booking, and the citizen's manage link. Capacity is decided by the exclusion constraint on
 * (counter, time range): a booking picks a counter that looks free and inserts; if a concurrent booking won that
 * counter, the insert fails and the booking tries the next free one. Racing clients never double-book.
 */
export class BookingService {
  private readonly byAddress: RateLimiterPostgres;
  private readonly plans = new KeptPromises<OfficePlan | null>(PLAN_TTL_MS, 1000);

  constructor(
    private readonly ds: DataSource,
    pool: pg.Pool,
    private readonly limits: Config['booking'] & { maxFiles: number },
    private readonly now: () => Date,
    private readonly calendarSender: CalendarSender,
    private readonly hooks: BookingHooks,
  ) {
    this.byAddress = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'booking-ip',
      points: limits.ratePerHour,
      duration: 3600,
    });
  }

  /**
   * The office's plan (rules, counters, services), or null when it is unknown or disabled. Kept for two seconds,
   * as availability is asked far more often than an office changes; existing bookings (the capacity) are never
   * cached.
   */
  plan(officeId: string): Promise<OfficePlan | null> {
    if (!isUuid(officeId)) return Promise.resolve(null);
    const now = this.now();
    const key = `${officeId}/${now.toISOString().slice(0, 10)}`;
    return this.plans.get(key, () => loadOfficePlan(this.ds.manager, officeId, now));
  }

  /** Forgets cached plans, e.g. after an office's hours or counters changed in this process. */
  forgetPlans(): void {
    this.plans.clear();
  }

  /** Free start times per day for the chosen services. */
  async availability(input: {
    officeId: string;
    services: ServiceChoice[];
    from: string;
    to: string;
    /** Leave this appointment's own time out of the busy times (when moving it). */
    exceptAppointmentId?: string;
  }): Promise<
    { kind: 'ok'; durationMinutes: number; days: DayAvailability[] } | { kind: 'invalid'; problems: FieldProblem[] }
  > {
    const plan = await this.plan(input.officeId);
    if (!plan) return { kind: 'invalid', problems: [unknownOffice] };
    const facts = plan.services;
    const problems = checkServices(plan.office.id, input.services, facts);
    const from = DateTime.fromISO(input.from, { zone: plan.rules.timeZone });
    const to = DateTime.fromISO(input.to, { zone: plan.rules.timeZone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.from) || !from.isValid)
      problems.push({ field: 'from', code: 'INVALID', message: 'Give the first day as YYYY-MM-DD.' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.to) || !to.isValid)
      problems.push({ field: 'to', code: 'INVALID', message: 'Give the last day as YYYY-MM-DD.' });
    else if (from.isValid && (to < from || to.diff(from, 'days').days > 92))
      problems.push({
        field: 'to',
        code: 'OUT_OF_RANGE',
        message: 'The range must run forward and span at most 92 days.',
      });
    if (problems.length > 0) return { kind: 'invalid', problems };
    const durationMinutes = this.duration(input.services, facts, plan);
    const busy = await loadBusy(
      this.ds.manager,
      plan.office.id,
      from.startOf('day').toJSDate(),
      to.plus({ days: 1 }).startOf('day').toJSDate(),
      input.exceptAppointmentId,
    );
    const days = availableDays(plan.rules, plan.counters, busy, {
      now: this.now().getTime(),
      serviceIds: input.services.map((s) => s.serviceId),
      durationMinutes,
      from: input.from,
      to: input.to,
    });
    return { kind: 'ok', durationMinutes, days };
  }

  async book(req: BookingRequest, caller: Caller): Promise<BookOutcome> {
    if (caller.clientKey) {
      try {
        await this.byAddress.consume(caller.clientKey);
      } catch (e) {
        if (e instanceof RateLimiterRes)
          return { kind: 'limit', limit: 'RATE', retryAfterSeconds: Math.ceil(e.msBeforeNext / 1000) };
        throw e;
      }
    }
    const plan = await this.plan(req.officeId);
    if (!plan) return { kind: 'invalid', problems: [unknownOffice] };
    const contact = checkContact(req);
    const facts = plan.services;
    const problems = [...(contact.ok ? [] : contact.problems), ...checkServices(plan.office.id, req.services, facts)];
    const uploadIds = req.uploadIds;
    problems.push(...(await this.checkUploadIds(uploadIds, req.services, facts)));
    if (problems.length > 0 || !contact.ok) return { kind: 'invalid', problems };
    const durationMinutes = this.duration(req.services, facts, plan);
    const serviceIds = req.services.map((s) => s.serviceId);
    // A start that has passed (PAST) or come too close (TOO_SOON) while the citizen filled in the form is a field
    // error like the others: the typed code tells a portal why, and the citizen picks a new time from fresh ones.
    const startIssue = this.startIssue(plan, req.start, durationMinutes);
    if (startIssue) return { kind: 'invalid', problems: [startIssue] };
    const start = req.start.getTime();
    const end = start + durationMinutes * 60_000;

    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await bookingTransaction(
          this.ds,
          { email: contact.value.email, officeId: plan.office.id, start, end, now: this.now() },
          async (tx, { active, busy }): Promise<BookOutcome | null> => {
            if (active >= this.limits.maxActivePerEmail)
              return { kind: 'limit', limit: 'ACTIVE_PER_EMAIL', retryAfterSeconds: null };
            const counterId = pickCounter(
              plan,
              freeCountersAt(plan.rules, plan.counters, busy, serviceIds, start, durationMinutes),
            );
            if (!counterId) return null;
            const manageToken = generateSecret('bcm_');
            const followUps = this.hooks.bookedStatement(
              { manageToken, startsAt: new Date(start), email: contact.value.email, language: contact.value.language },
              sqlLiteral,
            );
            const insert = insertAppointment({
              officeId: plan.office.id,
              counterId,
              counterLock: counterDayKey(plan, counterId, start),
              reference: newReference(),
              manageTokenHash: hashSecret(manageToken),
              checkInCode: newCheckInCode(),
              start,
              end,
              contact: contact.value,
              caller,
              consentAt: this.now(),
              services: req.services,
              followUps,
              uploadIds,
            });
            const [row] = (await tx.run(insert, uploadIds.length === 0)) as { id: string; attached: number }[];
            if (!row) throw new Error('appointment insert returned no row');
            // Another booking took one of these uploads in the meantime (or it expired): give up this booking whole.
            if (row.attached !== uploadIds.length) throw new UploadTaken();
            return { kind: 'booked', appointmentId: row.id, manageToken };
          },
        );
        if (outcome?.kind === 'booked') this.hooks.afterCommit(outcome.appointmentId);
        if (outcome) return outcome;
        return { kind: 'unavailable', alternatives: await this.alternatives(plan, serviceIds, durationMinutes, start) };
      } catch (e) {
        if (e instanceof UploadTaken) {
          return {
            kind: 'invalid',
            problems: [
              {
                field: 'uploadIds',
                code: 'UNKNOWN_UPLOAD',
                message: 'An upload was attached elsewhere; upload it again.',
              },
            ],
          };
        }
        // Another booking took the counter first (23P01), or a reference or check-in code collided: try again. Each
        // lost race means one counter fewer is free, so this ends within the office's number of counters. A deadlock
        // (40P01) should not happen with the counter lock, but would be a lost race as well.
        if (attempt < plan.counters.length + 3 && isDbError(e, uniqueViolation, exclusionViolation, deadlock)) continue;
        throw e;
      }
    }
  }

  /** One appointment with its services, documents and uploads; null when there is no such appointment (any more). */
  findView(id: string): Promise<AppointmentView | null> {
    return loadAppointmentView(this.ds.manager, id);
  }

  /** One appointment as the citizen's pages show it; the id must exist. */
  async view(id: string): Promise<AppointmentView> {
    const view = await this.findView(id);
    if (!view) throw new Error(`appointment ${id} not found`);
    return view;
  }

  /** The appointment as an iCalendar file. */
  async calendar(view: AppointmentView): Promise<string> {
    const office = await this.ds.getRepository(OfficeEntity).findOneByOrFail({ id: view.officeId });
    return appointmentCalendar(view, office, this.calendarSender, this.now());
  }

  /** The appointment behind a manage token; null when the token is unknown. */
  async idByToken(token: string): Promise<string | null> {
    if (!token.startsWith('bcm_') || token.length > 100) return null;
    return appointmentIdByTokenHash(this.ds.manager, hashSecret(token));
  }

  /** Cancels through the manage link; the time is free for others at once. */
  async cancel(token: string): Promise<ChangeOutcome> {
    const id = await this.idByToken(token);
    if (!id) return { kind: 'notFound' };
    const outcome = await this.ds.transaction(async (m): Promise<ChangeOutcome> => {
      const row = await m.findOne(AppointmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return { kind: 'notFound' };
      const refusal = this.changeRefusal(row);
      if (refusal) return refusal;
      await m.update(AppointmentEntity, id, {
        status: AppointmentStatus.CANCELLED,
        cancelledAt: this.now(),
        calendarSequence: nextCalendarSequence,
      });
      await this.hooks.cancelled(m, id);
      return { kind: 'ok', appointmentId: id };
    });
    if (outcome.kind === 'ok') this.hooks.afterCommit(id);
    return outcome;
  }

  /** Moves an appointment to another start in one transaction: it has either the old time or the new one. */
  async reschedule(token: string, start: Date): Promise<ChangeOutcome> {
    const id = await this.idByToken(token);
    if (!id) return { kind: 'notFound' };
    const current = await this.ds
      .getRepository(AppointmentEntity)
      .findOne({ where: { id }, relations: { services: true } });
    if (!current) return { kind: 'notFound' };
    const plan = await this.plan(current.officeId);
    if (!plan) return { kind: 'invalid', problems: [unknownOffice] };
    const choices = current.services.map((s) => ({ serviceId: s.serviceId, count: s.count }));
    const facts = plan.services;
    const durationMinutes = this.duration(choices, facts, plan);
    const serviceIds = choices.map((c) => c.serviceId);
    const startIssue = this.startIssue(plan, start, durationMinutes);
    if (startIssue) return { kind: 'invalid', problems: [startIssue] };
    const from = start.getTime();
    const to = from + durationMinutes * 60_000;
    const move = () =>
      this.ds.transaction(async (m): Promise<ChangeOutcome | null> => {
        const row = await m.findOne(AppointmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!row) return { kind: 'notFound' };
        const refusal = this.changeRefusal(row);
        if (refusal) return refusal;
        const busy = await loadBusy(m, plan.office.id, start, new Date(to), id);
        const counterId = pickCounter(
          plan,
          freeCountersAt(plan.rules, plan.counters, busy, serviceIds, from, durationMinutes),
        );
        if (!counterId) return null;
        // The counter's lock, as a booking takes it (see book).
        await lockCounterDay(m, counterDayKey(plan, counterId, from));
        await m.update(AppointmentEntity, id, {
          counterId,
          startsAt: start,
          endsAt: new Date(to),
          calendarSequence: nextCalendarSequence,
        });
        await this.hooks.rescheduled(m, id);
        return { kind: 'ok', appointmentId: id };
      });
    let outcome: ChangeOutcome | null = null;
    for (let attempt = 0; ; attempt++) {
      try {
        outcome = await move();
        break;
      } catch (e) {
        // A concurrent booking took the chosen counter first: read again and take another one.
        if (attempt < plan.counters.length + 1 && isDbError(e, exclusionViolation, deadlock)) continue;
        throw e;
      }
    }
    if (outcome?.kind === 'ok') this.hooks.afterCommit(id);
    if (outcome) return outcome;
    return {
      kind: 'unavailable',
      alternatives: await this.alternatives(plan, serviceIds, durationMinutes, start.getTime(), id),
    };
  }

  /** Whether the citizen can still cancel or move the appointment. */
  changeable(a: { status: AppointmentStatus; startsAt: Date }): boolean {
    return a.status === AppointmentStatus.BOOKED && a.startsAt > this.now();
  }

  private changeRefusal(row: AppointmentEntity): ChangeOutcome | null {
    if (row.status === AppointmentStatus.CANCELLED) return { kind: 'notChangeable', reason: 'CANCELLED' };
    if (row.startsAt <= this.now()) return { kind: 'notChangeable', reason: 'STARTED' };
    return null;
  }

  private async alternatives(
    plan: OfficePlan,
    serviceIds: string[],
    durationMinutes: number,
    target: number,
    exceptId?: string,
  ): Promise<Date[]> {
    const busy = await loadBusy(
      this.ds.manager,
      plan.office.id,
      new Date(target - 7 * DAY_MS),
      new Date(target + 8 * DAY_MS),
      exceptId,
    );
    const starts = nearestFreeStarts(
      plan.rules,
      plan.counters,
      busy,
      { now: this.now().getTime(), serviceIds, durationMinutes },
      target,
      3,
    );
    return starts.map((s) => new Date(s));
  }

  private startIssue(plan: OfficePlan, start: Date, durationMinutes: number): FieldProblem | null {
    if (Number.isNaN(start.getTime()))
      return { field: 'start', code: 'INVALID', message: 'The start is not a valid time.' };
    const problem = startProblem(plan.rules, this.now().getTime(), start.getTime(), durationMinutes);
    return problem ? { field: 'start', code: problem, message: startProblemMessages[problem] ?? problem } : null;
  }

  private duration(
    choices: readonly ServiceChoice[],
    facts: ReadonlyMap<string, ServiceFacts>,
    plan: OfficePlan,
  ): number {
    return bookingDuration(
      choices.map((c) => ({ durationMinutes: facts.get(c.serviceId)?.durationMinutes ?? 0, count: c.count })),
      plan.rules.slotMinutes,
    );
  }

  private async checkUploadIds(
    ids: string[],
    choices: ServiceChoice[],
    facts: ReadonlyMap<string, ServiceFacts>,
  ): Promise<FieldProblem[]> {
    if (ids.length === 0) return [];
    const rows = await uploadsByIds(this.ds.manager, ids.filter(isUuid));
    const found = new Map(rows.map((r) => [r.id, r]));
    const allowed = new Set(choices.flatMap((c) => facts.get(c.serviceId)?.uploadableDocumentIds ?? []));
    return checkUploads(ids, found, allowed, this.limits.maxFiles);
  }
}

/** The update that raises the calendar event's SEQUENCE by one, in the row's own UPDATE (no read before). */
export const nextCalendarSequence = () => '"calendarSequence" + 1';

const unknownOffice: FieldProblem = { field: 'officeId', code: 'UNKNOWN_OFFICE', message: 'There is no such office.' };

class UploadTaken extends Error {}

/**
 * One of the free counters: among those that handle the fewest services (keeping versatile counters for rarer
 * requests, see office-plan.store.ts), a random one, so that bookings racing for the same time mostly pick different
 * counters instead of all colliding on the first.
 */
function pickCounter(plan: OfficePlan, free: readonly string[]): string | undefined {
  if (free.length === 0) return undefined;
  const size = new Map(plan.counters.map((c) => [c.id, c.serviceIds.size]));
  const least = Math.min(...free.map((id) => size.get(id) ?? 0));
  const tier = free.filter((id) => (size.get(id) ?? 0) === least);
  return tier[randomInt(tier.length)];
}

/**
 * The lock key of a counter's office-local day. Appointments lie within one local day, so two that overlap on a
 * counter share it, while bookings of other days or counters do not wait for each other.
 */
function counterDayKey(plan: OfficePlan, counterId: string, start: number): number {
  return lockKey(`${counterId}/${dayOfInstant(plan.rules.timeZone, start)}`);
}
