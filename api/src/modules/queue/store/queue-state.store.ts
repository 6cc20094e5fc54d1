/**
 * Reads what the queue's rules need about one office today (settings, opening hours, counters and their sessions,
 * today's tickets, learned service durations), in a few plain queries. Used by every read and by the closing guard;
 * estimates are computed on read from it, so they follow every change at once.
 */
import type { EntityManager } from 'typeorm';
import { isUuid } from '../../../shared/ids.js';
import { HoursKind } from '../../catalog/opening-hours.entity.js';
import { LEARNED_SAMPLES, learnedDuration, learnedShowRate } from '../rules/estimate.js';
import { isoWeekday, localDate, localDayBounds, localInstant, openIntervalsOn } from '../rules/office-day.js';
import { MINUTE } from '../rules/ordering.js';
import type {
  ExpectedAppointmentRow,
  OfficeQueueSettings,
  QueueCounterInfo,
  QueueServiceInfo,
  QueueState,
  TicketRow,
  WalkInStateRow,
} from '../rules/queue-model.js';

/** How far back finished tickets count for the learned durations (at most LEARNED_SAMPLES per service). */
const HISTORY_DAYS = 60;
const DAY_MS = 86_400_000;

export const ticketSelect = `
  SELECT t.id, t."officeId", t."serviceDay"::text AS "serviceDay", t.number, t.origin, t."appointmentId",
         a."startsAt" AS "appointmentStartsAt", t.status, t.priority, t."priorityNote", t."dueAt", t."arrivedAt",
         t."counterId", c.label AS "counterLabel", t."callCount", t."calledAt", t."startedAt", t."endedAt", t.version,
         (SELECT coalesce(json_agg(json_build_object('serviceId', s.id, 'name', s.name, 'count', ts.count,
                   'doneCount', ts."doneCount") ORDER BY s."sortOrder", s.name), '[]')
            FROM ticket_service ts JOIN service s ON s.id = ts."serviceId" WHERE ts."ticketId" = t.id) AS services
    FROM ticket t
    LEFT JOIN counter c ON c.id = t."counterId"
    LEFT JOIN appointment a ON a.id = t."appointmentId"`;

export async function loadTicketRow(m: EntityManager, id: string): Promise<TicketRow | null> {
  if (!isUuid(id)) return null;
  const [row]: TicketRow[] = await m.query(`${ticketSelect} WHERE t.id = $1`, [id]);
  return row ?? null;
}

export async function loadOfficeSettings(m: EntityManager, officeId: string): Promise<OfficeQueueSettings | null> {
  if (!isUuid(officeId)) return null;
  const [row]: OfficeQueueSettings[] = await m.query(
    `SELECT id, name, notice, "timeZone", "holidayRegion", "checkInLateMinutes", "priorityMinutes",
            "maxCalls", "closingBufferMinutes"
       FROM office WHERE id = $1 AND enabled`,
    [officeId],
  );
  return row ?? null;
}

/** Everything the queue's rules need about an office today; null when the office is unknown or disabled. */
export async function loadQueueState(m: EntityManager, officeId: string, now: Date): Promise<QueueState | null> {
  const office = await loadOfficeSettings(m, officeId);
  if (!office) return null;
  const today = localDate(now.getTime(), office.timeZone);
  // One after another: on a transaction's single connection, queries cannot overlap.
  const hours = (await m.query(
    `SELECT weekday, "opensAt"::text AS "opensAt", "closesAt"::text AS "closesAt"
       FROM opening_hours WHERE "officeId" = $1 AND kind = $2`,
    [officeId, HoursKind.OPEN],
  )) as { weekday: number; opensAt: string; closesAt: string }[];
  const closures = (await m.query(`SELECT date::text AS date FROM office_closure WHERE "officeId" = $1 AND date = $2`, [
    officeId,
    today,
  ])) as { date: string }[];
  const extraDay = (await m.query(
    `SELECT "opensAt"::text AS "opensAt", "closesAt"::text AS "closesAt" FROM office_extra_day
      WHERE "officeId" = $1 AND date = $2`,
    [officeId, today],
  )) as { opensAt: string; closesAt: string }[];
  const services = (await m.query(
    `SELECT id, name, "durationMinutes", "walkInAllowed", "bookableOnline", "maxPerBooking", active
       FROM service WHERE "officeId" = $1 ORDER BY "sortOrder", name`,
    [officeId],
  )) as QueueServiceInfo[];
  const counters = (await m.query(
    `SELECT c.id, c.label,
            (SELECT coalesce(array_agg(cs."serviceId"), '{}') FROM counter_service cs WHERE cs."counterId" = c.id)
              AS "serviceIds",
            (SELECT json_build_object('id', x.id, 'staffUserId', x."staffUserId", 'staffName', u."displayName",
                      'openedAt', x."openedAt", 'pausedAt', x."pausedAt")
               FROM counter_session x JOIN staff_user u ON u.id = x."staffUserId"
              WHERE x."counterId" = c.id AND x."closedAt" IS NULL) AS session,
            (SELECT coalesce(array_agg(h."opensAt"::text), '{}') FROM counter_hours h
              WHERE h."counterId" = c.id AND h.weekday = $2) AS "opensToday"
       FROM counter c WHERE c."officeId" = $1 AND c.active ORDER BY c.label`,
    [officeId, isoWeekday(today)],
  )) as (Omit<QueueCounterInfo, 'session' | 'plannedOpensAt'> & {
    session: Record<string, string | null> | null;
    opensToday: string[];
  })[];
  /** The next start of a counter's own hours today after now. */
  const plannedOpensAt = (opensToday: readonly string[]) => {
    const starts = opensToday.map((t) => localInstant(today, t, office.timeZone)).filter((s) => s > now.getTime());
    return starts.length > 0 ? Math.min(...starts) : null;
  };
  const tickets = (await m.query(
    `${ticketSelect} WHERE t."officeId" = $1 AND t."serviceDay" = $2 ORDER BY t."arrivedAt", t.number`,
    [officeId, today],
  )) as TicketRow[];
  const durations = await loadDurationSamples(m, officeId, new Date(now.getTime() - HISTORY_DAYS * DAY_MS));
  const walkIns = (await m.query(
    `SELECT "serviceId", "guardClosedSince", override, "overrideAt" FROM walk_in_state WHERE "officeId" = $1 AND "serviceDay" = $2`,
    [officeId, today],
  )) as WalkInStateRow[];
  const day = localDayBounds(today, office.timeZone);
  const expected = (await m.query(
    `SELECT a.id, a."startsAt", a."biometricsCapturedAt" IS NOT NULL AS priority,
            (SELECT coalesce(json_agg(json_build_object('serviceId', x."serviceId", 'count', x.count)), '[]')
               FROM appointment_service x WHERE x."appointmentId" = a.id) AS services
       FROM appointment a
      WHERE a."officeId" = $1 AND a.status = 'BOOKED' AND a."startsAt" >= $2 AND a."startsAt" < $3
        AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t."appointmentId" = a.id)
      ORDER BY a."startsAt"`,
    [officeId, new Date(Math.max(day.start, now.getTime() - office.checkInLateMinutes * MINUTE)), new Date(day.end)],
  )) as ExpectedAppointmentRow[];
  const [shows] = (await m.query(
    `SELECT count(*)::int AS booked, count(t.id)::int AS came
       FROM appointment a LEFT JOIN ticket t ON t."appointmentId" = a.id
      WHERE a."officeId" = $1 AND a.status = 'BOOKED' AND a."startsAt" >= $2 AND a."startsAt" < $3`,
    [officeId, new Date(day.start - HISTORY_DAYS * DAY_MS), new Date(day.start)],
  )) as { booked: number; came: number }[];
  const serviceMap = new Map(services.map((s) => [s.id, s]));
  const learned = new Map<string, { minutes: number; spread: number }>();
  for (const { serviceId, samples } of durations) {
    const configured = serviceMap.get(serviceId)?.durationMinutes ?? 10;
    learned.set(serviceId, learnedDuration(samples, configured));
  }
  return {
    office,
    now: now.getTime(),
    today,
    open: openIntervalsOn(
      today,
      office.timeZone,
      office.holidayRegion,
      hours,
      closures.map((c) => c.date),
      extraDay,
    ),
    services: serviceMap,
    counters: counters.map(({ opensToday, ...c }) => ({
      ...c,
      plannedOpensAt: plannedOpensAt(opensToday),
      session: c.session
        ? {
            id: c.session.id as string,
            staffUserId: c.session.staffUserId as string,
            staffName: c.session.staffName as string,
            openedAt: new Date(c.session.openedAt as string),
            pausedAt: c.session.pausedAt ? new Date(c.session.pausedAt) : null,
          }
        : null,
    })),
    tickets,
    durations: learned,
    walkIns: new Map(walkIns.map((w) => [w.serviceId, w])),
    expected,
    showRate: learnedShowRate(shows?.booked ?? 0, shows?.came ?? 0),
  };
}

/**
 * Minutes per unit of the last finished tickets of each service, newest first: from the last call or start before
 * the FINISHED event to that event (ticket_event), divided by the count done. Only tickets with one service done
 * count, as a ticket with several services tells nothing about each of them alone.
 */
async function loadDurationSamples(
  m: EntityManager,
  officeId: string,
  since: Date,
): Promise<{ serviceId: string; samples: number[] }[]> {
  const rows: { serviceId: string; samples: number[] }[] = await m.query(
    `SELECT x."serviceId", array_agg(x.minutes ORDER BY x.at DESC) AS samples
       FROM (SELECT ts."serviceId", f.at,
                    extract(epoch FROM f.at - coalesce(s.at, c.at)) / 60.0 / ts."doneCount" AS minutes,
                    row_number() OVER (PARTITION BY ts."serviceId" ORDER BY f.at DESC) AS rn
               FROM ticket_event f
               JOIN ticket_service ts ON ts."ticketId" = f."ticketId" AND ts."doneCount" > 0
               LEFT JOIN LATERAL (SELECT e.at FROM ticket_event e
                                   WHERE e."ticketId" = f."ticketId" AND e.type = 'SERVING_STARTED' AND e.id < f.id
                                   ORDER BY e.id DESC LIMIT 1) s ON true
               LEFT JOIN LATERAL (SELECT e.at FROM ticket_event e
                                   WHERE e."ticketId" = f."ticketId" AND e.type IN ('CALLED', 'RECALLED') AND e.id < f.id
                                   ORDER BY e.id DESC LIMIT 1) c ON true
              WHERE f."officeId" = $1 AND f.type = 'FINISHED' AND f.at > $2
                AND coalesce(s.at, c.at) IS NOT NULL AND f.at > coalesce(s.at, c.at)
                AND NOT EXISTS (SELECT 1 FROM ticket_service o
                                 WHERE o."ticketId" = f."ticketId" AND o."doneCount" > 0 AND o."serviceId" <> ts."serviceId")
            ) x
      WHERE x.rn <= $3
      GROUP BY x."serviceId"`,
    [officeId, since, LEARNED_SAMPLES],
  );
  return rows.map((r) => ({ serviceId: r.serviceId, samples: r.samples.map(Number) }));
}
