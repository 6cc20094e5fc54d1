import type { EntityManager } from 'typeorm';
import type { TimeInterval } from '../admin/office-rules.js';
import type { CatalogTranslation } from '../catalog/catalog-texts.js';
import { deletable, type Usage } from './catalog-rules.js';

export type ServiceView = {
  id: string;
  officeId: string;
  name: string;
  description: string;
  translations: CatalogTranslation[];
  durationMinutes: number;
  leikaKey: string | null;
  bookableOnline: boolean;
  walkInAllowed: boolean;
  maxPerBooking: number;
  active: boolean;
  documents: { documentId: string; name: string; mandatory: boolean }[];
  counterIds: string[];
  futureAppointments: number;
  deletable: boolean;
  usage: Usage;
};

export type DocumentView = {
  id: string;
  officeId: string;
  name: string;
  description: string;
  translations: CatalogTranslation[];
  uploadable: boolean;
  active: boolean;
  serviceIds: string[];
  deletable: boolean;
  usage: Usage;
};

export type CounterView = {
  id: string;
  officeId: string;
  label: string;
  active: boolean;
  serviceIds: string[];
  hours: { weekday: number; intervals: TimeInterval[] }[];
  futureAppointments: number;
  deletable: boolean;
  usage: Usage;
};

export type CatalogView = {
  officeId: string;
  services: ServiceView[];
  documents: DocumentView[];
  counters: CounterView[];
};

const usage = (u: Partial<Usage>): Usage => ({
  appointments: u.appointments ?? 0,
  tickets: u.tickets ?? 0,
  sessions: u.sessions ?? 0,
  uploads: u.uploads ?? 0,
  services: u.services ?? 0,
});

/**
 * An office's services, documents and counters, active or not, with what refers to each (three queries; an office
 * has tens of items). "Future" appointments are booked ones that have not ended at `now`.
 */
export async function loadCatalog(m: EntityManager, officeId: string, now: Date): Promise<CatalogView> {
  const services: (Omit<ServiceView, 'usage' | 'deletable'> & { appointments: number; tickets: number })[] =
    await m.query(
      `SELECT s.id, s."officeId", s.name, s.description, s.translations, s."durationMinutes", s."leikaKey", s."bookableOnline",
              s."walkInAllowed", s."maxPerBooking", s.active,
              (SELECT coalesce(json_agg(json_build_object('documentId', d.id, 'name', d.name, 'mandatory', sd.mandatory)
                                        ORDER BY sd."sortOrder", d.name), '[]')
                 FROM service_document sd JOIN required_document d ON d.id = sd."documentId"
                WHERE sd."serviceId" = s.id) AS documents,
              (SELECT coalesce(json_agg(cs."counterId"), '[]') FROM counter_service cs WHERE cs."serviceId" = s.id)
                AS "counterIds",
              (SELECT count(*)::int FROM appointment_service x JOIN appointment a ON a.id = x."appointmentId"
                WHERE x."serviceId" = s.id AND a.status = 'BOOKED' AND a."endsAt" > $2) AS "futureAppointments",
              (SELECT count(*)::int FROM appointment_service x WHERE x."serviceId" = s.id) AS appointments,
              (SELECT count(*)::int FROM ticket_service x WHERE x."serviceId" = s.id) AS tickets
         FROM service s WHERE s."officeId" = $1 ORDER BY s."sortOrder", s.name`,
      [officeId, now],
    );
  const documents: (Omit<DocumentView, 'usage' | 'deletable'> & { uploads: number })[] = await m.query(
    `SELECT d.id, d."officeId", d.name, d.description, d.translations, d.uploadable, d.active,
            (SELECT coalesce(json_agg(sd."serviceId"), '[]') FROM service_document sd WHERE sd."documentId" = d.id)
              AS "serviceIds",
            (SELECT count(*)::int FROM upload u WHERE u."documentId" = d.id) AS uploads
       FROM required_document d WHERE d."officeId" = $1 ORDER BY d.name`,
    [officeId],
  );
  const counters: (Omit<CounterView, 'usage' | 'deletable' | 'hours'> & {
    hours: { weekday: number; opensAt: string; closesAt: string }[];
    appointments: number;
    tickets: number;
    sessions: number;
  })[] = await m.query(
    `SELECT c.id, c."officeId", c.label, c.active,
            (SELECT coalesce(json_agg(cs."serviceId"), '[]') FROM counter_service cs WHERE cs."counterId" = c.id)
              AS "serviceIds",
            (SELECT coalesce(json_agg(json_build_object('weekday', h.weekday, 'opensAt', h."opensAt"::text,
                                                        'closesAt', h."closesAt"::text)
                                      ORDER BY h.weekday, h."opensAt"), '[]')
               FROM counter_hours h WHERE h."counterId" = c.id) AS hours,
            (SELECT count(*)::int FROM appointment a
              WHERE a."counterId" = c.id AND a.status = 'BOOKED' AND a."endsAt" > $2) AS "futureAppointments",
            (SELECT count(*)::int FROM appointment a WHERE a."counterId" = c.id) AS appointments,
            (SELECT count(*)::int FROM ticket t WHERE t."counterId" = c.id) AS tickets,
            (SELECT count(*)::int FROM counter_session x WHERE x."counterId" = c.id) AS sessions
       FROM counter c WHERE c."officeId" = $1 ORDER BY length(c.label), c.label`,
    [officeId, now],
  );
  return {
    officeId,
    services: services.map(({ appointments, tickets, ...s }) => {
      const u = usage({ appointments, tickets });
      return { ...s, usage: u, deletable: deletable(u) };
    }),
    documents: documents.map(({ uploads, ...d }) => {
      const u = usage({ uploads, services: d.serviceIds.length });
      return { ...d, usage: u, deletable: deletable(u) };
    }),
    counters: counters.map(({ appointments, tickets, sessions, hours, ...c }) => {
      const u = usage({ appointments, tickets, sessions });
      const byDay = new Map<number, TimeInterval[]>();
      for (const h of hours) {
        const list = byDay.get(h.weekday) ?? [];
        list.push({ opensAt: h.opensAt.slice(0, 5), closesAt: h.closesAt.slice(0, 5) });
        byDay.set(h.weekday, list);
      }
      return {
        ...c,
        hours: [...byDay].map(([weekday, intervals]) => ({ weekday, intervals })),
        usage: u,
        deletable: deletable(u),
      };
    }),
  };
}
