/**
 * Tickets come into being here: check-in of an appointment (kiosk or information desk), walk-in tickets (kiosk or
 * information desk, behind the closing guard), and the photo terminal's biometrics report that gives priority.
 * Repeating a check-in or a walk-in request returns the same ticket (row lock, unique constraints).
 */
import type { DataSource } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import { isDbError } from '../../shared/db-errors.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import type { BookingService } from '../booking/booking.service.js';
import type { QueueHooks } from './queue.service.js';
import type { QueueViewService } from './queue-view.service.js';
import { checkInWindow } from './rules/check-in-window.js';
import { walkInDecision } from './rules/closing-guard.js';
import { intervalAt, localDate } from './rules/office-day.js';
import { appointmentDueAt } from './rules/ordering.js';
import { parseScannedCode, trackingLink } from './rules/queue-codes.js';
import { walkInPrediction } from './rules/queue-estimates.js';
import type { QueueState } from './rules/queue-model.js';
import type { BiometricsOutcome, CheckInOutcome, Issued, WalkInOutcome } from './rules/queue-outcomes.js';
import { TicketAction, TicketEventType, TicketOrigin, TicketPriority, WalkInOverride } from './rules/ticket-model.js';
import { isAllowed } from './rules/transitions.js';
import { checkServiceChoices, type ServiceChoice } from './rules/walk-in-input.js';
import { recordIssueEstimate } from './store/issue-estimate.store.js';
import { loadOfficeSettings } from './store/queue-state.store.js';
import { recordWalkInRefusal } from './store/refusal-log.store.js';
import {
  appendEvent,
  createTicket,
  issueTrackingToken,
  LOCK_REQUEST,
  lockTicket,
  ticketIdByToken,
  uniqueViolation,
  updateTicket,
} from './store/ticket.store.js';
import { announceTicket } from './store/ticket-followers.store.js';

export type WalkInRequest = {
  officeId: string | null;
  services: ServiceChoice[];
  requestId: string;
  priority: TicketPriority | null;
  priorityNote: string | null;
};

type AppointmentFacts = {
  id: string;
  officeId: string;
  status: 'BOOKED' | 'CANCELLED';
  startsAt: Date;
  biometricsCapturedAt: Date | null;
};

export class IssueService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    private readonly publicUrl: string,
    private readonly views: QueueViewService,
    private readonly booking: BookingService,
    private readonly hooks: QueueHooks,
  ) {}

  /**
   * Checks an appointment in by its QR code content or typed reference. The kiosk checks in for its own office; the
   * information desk for the office it names, or else for the appointment's office (if it works there).
   */
  async checkIn(actor: Actor, code: string, officeId: string | null): Promise<CheckInOutcome> {
    const scanned = parseScannedCode(code);
    if (!scanned || scanned.kind === 'tracking') return { kind: 'unknownCode' };
    const [found]: AppointmentFacts[] = await this.ds.query(
      `SELECT id, "officeId", status, "startsAt", "biometricsCapturedAt" FROM appointment
        WHERE ${scanned.kind === 'checkIn' ? '"checkInCode"' : 'reference'} = $1`,
      [scanned.kind === 'checkIn' ? scanned.code : scanned.reference],
    );
    if (!found) return { kind: 'unknownCode' };
    const here = actor.kind === 'device' ? actor.officeId : (officeId ?? found.officeId);
    if (found.officeId !== here) {
      const office = await loadOfficeSettings(this.ds.manager, found.officeId);
      return { kind: 'wrongOffice', officeName: office?.name ?? '' };
    }
    if (!(await worksIn(this.ds.manager, actor, found.officeId))) return { kind: 'officeNotAllowed' };
    const office = await loadOfficeSettings(this.ds.manager, found.officeId);
    if (!office) return { kind: 'unknownCode' };
    const existing = await this.existingForAppointment(found.id);
    if (existing) return { kind: 'issued', issued: existing };
    if (found.status === 'CANCELLED') return { kind: 'cancelled' };
    const now = this.now();
    const window = checkInWindow(found.startsAt.getTime(), now.getTime(), {
      lateMinutes: office.checkInLateMinutes,
      timeZone: office.timeZone,
    });
    if (window.kind === 'tooEarly')
      return { kind: 'tooEarly', startsAt: found.startsAt, comeBackAt: new Date(window.comeBackAt) };
    if (window.kind === 'tooLate') {
      const services: { serviceId: string; name: string; count: number }[] = await this.ds.query(
        `SELECT s.id AS "serviceId", s.name, x.count FROM appointment_service x JOIN service s ON s.id = x."serviceId"
          WHERE x."appointmentId" = $1 AND s."walkInAllowed" AND s.active ORDER BY s."sortOrder", s.name`,
        [found.id],
      );
      return {
        kind: 'tooLate',
        startsAt: found.startsAt,
        walkInServices: services.map((s) => ({ ...s, doneCount: null })),
      };
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const created = await this.ds.transaction(async (m) => {
          // The appointment's row lock serialises check-ins of one appointment (and its cancellation).
          const [locked]: AppointmentFacts[] = await m.query(
            `SELECT id, "officeId", status, "startsAt", "biometricsCapturedAt" FROM appointment WHERE id = $1 FOR UPDATE`,
            [found.id],
          );
          if (!locked || locked.status === 'CANCELLED') return null;
          const [ticket]: { id: string }[] = await m.query('SELECT id FROM ticket WHERE "appointmentId" = $1', [
            locked.id,
          ]);
          if (ticket) return { id: ticket.id, token: await issueTrackingToken(m, ticket.id), again: true };
          const services: ServiceChoice[] = await m.query(
            'SELECT "serviceId", count FROM appointment_service WHERE "appointmentId" = $1',
            [locked.id],
          );
          const { id, token } = await createTicket(m, {
            officeId: locked.officeId,
            serviceDay: localDate(now.getTime(), office.timeZone),
            origin: TicketOrigin.APPOINTMENT,
            appointmentId: locked.id,
            services,
            dueAt: new Date(appointmentDueAt(locked.startsAt.getTime(), now.getTime())),
            arrivedAt: now,
            priority: locked.biometricsCapturedAt ? TicketPriority.BIOMETRICS : null,
            priorityNote: null,
            requestKey: null,
            actor,
            data: { late: window.late },
          });
          await recordIssueEstimate(m, { id, officeId: locked.officeId }, now);
          return { id, token, again: false };
        });
        if (!created) return { kind: 'cancelled' };
        return { kind: 'issued', issued: await this.issued(created.id, created.token, created.again) };
      } catch (e) {
        if (attempt < 2 && isDbError(e, uniqueViolation, '40P01')) continue;
        throw e;
      }
    }
  }

  /**
   * A walk-in ticket. One request id (one tap) is one ticket: a repeated request returns the same ticket, even after
   * walk-ins closed. The closing guard refuses a ticket whose visitor would not be done before closing time.
   */
  async issueWalkIn(actor: Actor, req: WalkInRequest): Promise<WalkInOutcome> {
    const problems: FieldProblem[] = [];
    const officeId = actor.kind === 'device' ? actor.officeId : req.officeId;
    if (actor.kind === 'device' && req.officeId && req.officeId !== actor.officeId) return { kind: 'officeNotAllowed' };
    if (!officeId) problems.push({ field: 'officeId', code: 'REQUIRED', message: 'Give the office.' });
    const requestId = req.requestId.trim();
    if (requestId.length === 0 || requestId.length > 100)
      problems.push({ field: 'requestId', code: 'INVALID', message: 'Give a request id of 1 to 100 characters.' });
    if (actor.kind === 'device' && (req.priority || req.priorityNote))
      problems.push({ field: 'priority', code: 'NOT_ALLOWED', message: 'Only staff give priority.' });
    const note = req.priorityNote?.trim() || null;
    if (req.priority === TicketPriority.STAFF && !note)
      problems.push({ field: 'priorityNote', code: 'REQUIRED', message: 'Say why the visitor gets priority.' });
    if (!officeId || problems.length > 0) return { kind: 'invalid', problems };
    if (!(await worksIn(this.ds.manager, actor, officeId))) return { kind: 'officeNotAllowed' };
    const requestKey =
      actor.kind === 'device' ? `device:${actor.deviceId}:${requestId}` : `staff:${actor.staffUserId}:${requestId}`;

    const repeated = await this.existingForRequest(requestKey);
    if (repeated) return { kind: 'issued', issued: repeated };

    const state = await this.views.state(officeId);
    if (!state)
      return {
        kind: 'invalid',
        problems: [{ field: 'officeId', code: 'UNKNOWN_OFFICE', message: 'There is no such office.' }],
      };
    const choices = req.services.map((s) => ({ serviceId: s.serviceId, count: s.count }));
    const invalid = checkServiceChoices(choices, state.services, state.counters, { walkIn: true });
    if (invalid.length > 0) return { kind: 'invalid', problems: invalid };
    const refusal = await this.guard(state, choices, req.priority !== null);
    if (refusal) return refusal;

    for (let attempt = 0; ; attempt++) {
      try {
        const created = await this.ds.transaction(async (m) => {
          await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_REQUEST, requestKey]);
          const [ticket]: { id: string }[] = await m.query('SELECT id FROM ticket WHERE "requestKey" = $1', [
            requestKey,
          ]);
          if (ticket) return { id: ticket.id, token: await issueTrackingToken(m, ticket.id), again: true };
          const now = this.now();
          const { id, token } = await createTicket(m, {
            officeId,
            serviceDay: state.today,
            origin: actor.kind === 'device' ? TicketOrigin.KIOSK : TicketOrigin.INFO_DESK,
            appointmentId: null,
            services: choices,
            dueAt: now,
            arrivedAt: now,
            priority: req.priority,
            priorityNote: req.priority === TicketPriority.STAFF ? note : null,
            requestKey,
            actor,
          });
          await recordIssueEstimate(m, { id, officeId }, now);
          return { id, token, again: false };
        });
        return { kind: 'issued', issued: await this.issued(created.id, created.token, created.again) };
      } catch (e) {
        if (attempt < 2 && isDbError(e, uniqueViolation, '40P01')) continue;
        throw e;
      }
    }
  }

  /**
   * The photo terminal reports that a visitor captured their biometrics: by the ticket's QR code (tracking link or
   * token), or by the appointment's check-in code or reference. A ticket gets priority at once; an appointment
   * not yet checked in remembers it, and its ticket gets priority at check-in.
   */
  async reportBiometrics(actor: Actor, code: string): Promise<BiometricsOutcome> {
    const scanned = parseScannedCode(code);
    if (!scanned) return { kind: 'unknownCode' };
    const now = this.now();
    let ticketId: string | null = null;
    if (scanned.kind === 'tracking') {
      ticketId = await ticketIdByToken(this.ds.manager, scanned.token);
      if (!ticketId) return { kind: 'unknownCode' };
    } else {
      const [appointment]: { id: string; officeId: string }[] = await this.ds.query(
        `SELECT id, "officeId" FROM appointment WHERE ${scanned.kind === 'checkIn' ? '"checkInCode"' : 'reference'} = $1`,
        [scanned.kind === 'checkIn' ? scanned.code : scanned.reference],
      );
      if (!appointment) return { kind: 'unknownCode' };
      if (!(await worksIn(this.ds.manager, actor, appointment.officeId))) return { kind: 'officeNotAllowed' };
      await this.ds.query(
        'UPDATE appointment SET "biometricsCapturedAt" = coalesce("biometricsCapturedAt", $2) WHERE id = $1',
        [appointment.id, now],
      );
      const [ticket]: { id: string }[] = await this.ds.query('SELECT id FROM ticket WHERE "appointmentId" = $1', [
        appointment.id,
      ]);
      if (!ticket) return { kind: 'recorded', target: 'APPOINTMENT', ticketNumber: null };
      ticketId = ticket.id;
    }
    const id = ticketId;
    let followUps = false;
    const outcome = await this.ds.transaction(async (m): Promise<BiometricsOutcome> => {
      const t = await lockTicket(m, id);
      if (!t) return { kind: 'unknownCode' };
      if (!(await worksIn(m, actor, t.officeId))) return { kind: 'officeNotAllowed' };
      const [row]: { number: string }[] = await m.query('SELECT number FROM ticket WHERE id = $1', [id]);
      const number = row?.number ?? null;
      if (t.priority !== null) return { kind: 'recorded', target: 'TICKET', ticketNumber: number };
      if (!isAllowed(TicketAction.SET_PRIORITY, t.status))
        return { kind: 'notAllowed', status: t.status, action: TicketAction.SET_PRIORITY };
      await updateTicket(m, id, { priority: TicketPriority.BIOMETRICS, priorityNote: null });
      await appendEvent(m, {
        ticketId: id,
        officeId: t.officeId,
        type: TicketEventType.PRIORITY_SET,
        at: now,
        actor,
        data: { priority: TicketPriority.BIOMETRICS, before: { priority: t.priority } },
      });
      followUps = await announceTicket(m, this.hooks, id, now);
      return { kind: 'recorded', target: 'TICKET', ticketNumber: number };
    });
    if (followUps) this.hooks.afterCommit();
    return outcome;
  }

  /** The guard's refusal for these services, with the next free appointment starts; null when a ticket may be issued. */
  private async guard(state: QueueState, choices: ServiceChoice[], priority: boolean): Promise<WalkInOutcome | null> {
    const openInterval = intervalAt(state.open, state.now);
    const overrides = choices.map((c) => state.walkIns.get(c.serviceId)?.override ?? null);
    const override = overrides.includes(WalkInOverride.CLOSED)
      ? WalkInOverride.CLOSED
      : overrides.every((o) => o === WalkInOverride.OPEN)
        ? WalkInOverride.OPEN
        : null;
    const decision = walkInDecision({
      openInterval,
      override,
      prediction: walkInPrediction(state, choices, priority),
    });
    if (decision.open) return null;
    const serviceIds = choices.map((c) => c.serviceId);
    await recordWalkInRefusal(this.ds.manager, {
      officeId: state.office.id,
      serviceDay: state.today,
      at: new Date(state.now),
      reason: decision.reason,
      serviceIds,
    });
    // Keep "closed since" per service up to date (the first refusal of the day).
    await this.views.walkInStatusOf(state);
    return {
      kind: 'closed',
      reason: decision.reason,
      serviceIds,
      nextAppointments: await this.nextAppointments(state, choices),
    };
  }

  /** Up to three next free appointment starts for these services within two weeks (none if not bookable online). */
  private async nextAppointments(state: QueueState, choices: ServiceChoice[]): Promise<Date[]> {
    const from = state.today;
    const to = new Date(Date.parse(`${from}T12:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const result = await this.booking.availability({ officeId: state.office.id, services: choices, from, to });
    if (result.kind !== 'ok') return [];
    return result.days
      .flatMap((d) => d.starts)
      .slice(0, 3)
      .map((s) => new Date(s));
  }

  private async existingForAppointment(appointmentId: string): Promise<Issued | null> {
    return this.existing('SELECT id FROM ticket WHERE "appointmentId" = $1', appointmentId);
  }

  private async existingForRequest(requestKey: string): Promise<Issued | null> {
    return this.existing('SELECT id FROM ticket WHERE "requestKey" = $1', requestKey);
  }

  /** A ticket that exists already, handed out again with a fresh tracking token. */
  private async existing(sql: string, key: string): Promise<Issued | null> {
    const [row]: { id: string }[] = await this.ds.query(sql, [key]);
    if (!row) return null;
    const token = await issueTrackingToken(this.ds.manager, row.id);
    return this.issued(row.id, token, true);
  }

  private async issued(id: string, token: string, alreadyIssued: boolean): Promise<Issued> {
    const ticket = await this.views.ticketById(id);
    if (!ticket) throw new Error(`ticket ${id} vanished`);
    return { ticket, token, link: trackingLink(this.publicUrl, token), alreadyIssued };
  }
}
