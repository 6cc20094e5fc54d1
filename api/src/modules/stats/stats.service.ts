/**
 * Reads an office's recorded history for a range of local dates (tickets, ticket events, appointments, refusals,
 * counter sessions) in a few plain queries and hands the rows to the pure figures.
 */
import type { DataSource } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isUuid } from '../../shared/ids.js';
import { HoursKind } from '../catalog/opening-hours.entity.js';
import { WalkInRefusal } from '../queue/rules/ticket-model.js';
import {
  type CounterDayFact,
  type OfficeFigures,
  officeFigures,
  type ServiceTimeFact,
  type TicketFact,
} from './stats-figures.js';
import { checkRange, type Granularity } from './stats-periods.js';

export type StatisticsRequest = { officeId: string; from: string; to: string; granularity: Granularity };

export type OfficeStatisticsView = StatisticsRequest & {
  officeName: string;
  timeZone: string;
  serviceNames: Map<string, string>;
  figures: OfficeFigures;
};

export type StatisticsOutcome =
  | { kind: 'ok'; statistics: OfficeStatisticsView }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'officeNotAllowed' };

type OfficeRow = { id: string; name: string; timeZone: string; holidayRegion: string };

export class StatsService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  async officeStatistics(actor: Actor, req: StatisticsRequest): Promise<StatisticsOutcome> {
    const range = checkRange(req.from, req.to);
    if (range)
      return {
        kind: 'invalid',
        problems: [{ field: range.code === 'INVALID_DATE' ? 'from' : 'to', code: range.code, message: range.message }],
      };
    const m = this.ds.manager;
    if (!isUuid(req.officeId) || !(await worksIn(m, actor, req.officeId))) return { kind: 'officeNotAllowed' };
    const [office]: OfficeRow[] = await m.query(
      'SELECT id, name, "timeZone", "holidayRegion" FROM office WHERE id = $1',
      [req.officeId],
    );
    if (!office)
      return {
        kind: 'invalid',
        problems: [{ field: 'officeId', code: 'UNKNOWN_OFFICE', message: 'There is no such office.' }],
      };
    const args = [office.id, req.from, req.to];

    const hours: { weekday: number; opensAt: string; closesAt: string }[] = await m.query(
      `SELECT weekday, "opensAt"::text AS "opensAt", "closesAt"::text AS "closesAt"
         FROM opening_hours WHERE "officeId" = $1 AND kind = $2`,
      [office.id, HoursKind.OPEN],
    );
    const closures: { date: string }[] = await m.query(
      `SELECT date::text AS date FROM office_closure WHERE "officeId" = $1 AND date BETWEEN $2 AND $3`,
      args,
    );
    const tickets: (Omit<TicketFact, 'arrivedAt' | 'appointmentStartsAt' | 'firstCalledAt' | 'issuedEstimate'> & {
      arrivedAt: Date;
      appointmentStartsAt: Date | null;
      firstCalledAt: Date | null;
      issuedExpectedCallAt: Date | null;
      issuedEarliestCallAt: Date | null;
      issuedLatestCallAt: Date | null;
    })[] = await m.query(
      `SELECT t."serviceDay"::text AS "serviceDay", t.origin, a.channel AS "bookingChannel", t."arrivedAt",
              a."startsAt" AS "appointmentStartsAt", t.status::text AS status,
              (SELECT min(e.at) FROM ticket_event e WHERE e."ticketId" = t.id AND e.type = 'CALLED') AS "firstCalledAt",
              t."issuedExpectedCallAt", t."issuedEarliestCallAt", t."issuedLatestCallAt",
              CASE WHEN last.type = 'DAY_CLOSED' THEN last.data->'before'->>'status' END AS "dayClosedFrom"
         FROM ticket t LEFT JOIN appointment a ON a.id = t."appointmentId"
         LEFT JOIN LATERAL (SELECT e.type, e.data FROM ticket_event e WHERE e."ticketId" = t.id
                             ORDER BY e.id DESC LIMIT 1) last ON true
        WHERE t."officeId" = $1 AND t."serviceDay" BETWEEN $2 AND $3`,
      args,
    );
    // Like the learned durations (queue-state.store.ts): the last FINISHED of a ticket with one service done, from the last
    // start (or call) before it, per unit done.
    const serviceTimes: ServiceTimeFact[] = await m.query(
      `SELECT t."serviceDay"::text AS "serviceDay", ts."serviceId",
              (extract(epoch FROM f.at - coalesce(s.at, c.at)) / 60.0 / ts."doneCount")::float8 AS minutes
         FROM ticket t
         JOIN LATERAL (SELECT e.id, e.at FROM ticket_event e WHERE e."ticketId" = t.id AND e.type = 'FINISHED'
                        ORDER BY e.id DESC LIMIT 1) f ON true
         JOIN ticket_service ts ON ts."ticketId" = t.id AND ts."doneCount" > 0
         LEFT JOIN LATERAL (SELECT e.at FROM ticket_event e
                             WHERE e."ticketId" = t.id AND e.type = 'SERVING_STARTED' AND e.id < f.id
                             ORDER BY e.id DESC LIMIT 1) s ON true
         LEFT JOIN LATERAL (SELECT e.at FROM ticket_event e
                             WHERE e."ticketId" = t.id AND e.type IN ('CALLED', 'RECALLED') AND e.id < f.id
                             ORDER BY e.id DESC LIMIT 1) c ON true
        WHERE t."officeId" = $1 AND t."serviceDay" BETWEEN $2 AND $3 AND t.status = 'DONE'
          AND coalesce(s.at, c.at) IS NOT NULL AND f.at > coalesce(s.at, c.at)
          AND NOT EXISTS (SELECT 1 FROM ticket_service o
                           WHERE o."ticketId" = t.id AND o."doneCount" > 0 AND o."serviceId" <> ts."serviceId")`,
      args,
    );
    const missed: { day: string }[] = await m.query(
      `SELECT (a."startsAt" AT TIME ZONE $4)::date::text AS day
         FROM appointment a
        WHERE a."officeId" = $1 AND a.status = 'BOOKED' AND a."startsAt" < $5
          AND (a."startsAt" AT TIME ZONE $4)::date BETWEEN $2 AND $3
          AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t."appointmentId" = a.id)`,
      [...args, office.timeZone, this.now()],
    );
    const refusals: { day: string }[] = await m.query(
      `SELECT "serviceDay"::text AS day FROM walk_in_refusal
        WHERE "officeId" = $1 AND "serviceDay" BETWEEN $2 AND $3 AND reason = $4`,
      [...args, WalkInRefusal.CLOSING_SOON],
    );
    // A counter's last activity per local day: its last ticket event, or its session closed that same day.
    const counterDays: (Omit<CounterDayFact, 'lastActiveAt'> & { lastActiveAt: Date })[] = await m.query(
      `SELECT x."serviceDay", x."counterId", max(x.at) AS "lastActiveAt"
         FROM (SELECT t."serviceDay"::text AS "serviceDay", e."counterId", e.at
                 FROM ticket_event e JOIN ticket t ON t.id = e."ticketId"
                WHERE e."officeId" = $1 AND t."serviceDay" BETWEEN $2 AND $3 AND e."counterId" IS NOT NULL
                  AND e.type IN ('CALLED', 'RECALLED', 'SERVING_STARTED', 'FINISHED', 'NO_SHOW', 'PARKED', 'TRANSFERRED')
               UNION ALL
               SELECT (s."openedAt" AT TIME ZONE $4)::date::text, s."counterId", s."closedAt"
                 FROM counter_session s JOIN counter k ON k.id = s."counterId"
                WHERE k."officeId" = $1 AND s."closedAt" IS NOT NULL
                  AND (s."openedAt" AT TIME ZONE $4)::date BETWEEN $2 AND $3
                  AND (s."closedAt" AT TIME ZONE $4)::date = (s."openedAt" AT TIME ZONE $4)::date) x
        GROUP BY x."serviceDay", x."counterId"`,
      [...args, office.timeZone],
    );
    const services: { id: string; name: string }[] = await m.query(
      'SELECT id, name FROM service WHERE "officeId" = $1 ORDER BY "sortOrder", name',
      [office.id],
    );

    const ms = (d: Date | null) => (d === null ? null : new Date(d).getTime());
    const figures = officeFigures({
      from: req.from,
      to: req.to,
      granularity: req.granularity,
      calendar: {
        timeZone: office.timeZone,
        region: office.holidayRegion,
        hours,
        closures: closures.map((c) => c.date),
      },
      tickets: tickets.map(({ issuedExpectedCallAt, issuedEarliestCallAt, issuedLatestCallAt, ...t }) => ({
        ...t,
        arrivedAt: new Date(t.arrivedAt).getTime(),
        appointmentStartsAt: ms(t.appointmentStartsAt),
        firstCalledAt: ms(t.firstCalledAt),
        issuedEstimate:
          issuedExpectedCallAt && issuedEarliestCallAt && issuedLatestCallAt
            ? {
                expectedCallAt: new Date(issuedExpectedCallAt).getTime(),
                earliestCallAt: new Date(issuedEarliestCallAt).getTime(),
                latestCallAt: new Date(issuedLatestCallAt).getTime(),
              }
            : null,
      })),
      serviceTimes: serviceTimes.map((s) => ({ ...s, minutes: Number(s.minutes) })),
      missedAppointmentDays: missed.map((r) => r.day),
      refusalDays: refusals.map((r) => r.day),
      counterDays: counterDays.map((c) => ({ ...c, lastActiveAt: new Date(c.lastActiveAt).getTime() })),
    });
    return {
      kind: 'ok',
      statistics: {
        ...req,
        officeName: office.name,
        timeZone: office.timeZone,
        serviceNames: new Map(services.map((s) => [s.id, s.name])),
        figures,
      },
    };
  }
}
