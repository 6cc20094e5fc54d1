/** The booking module's reads and writes in SQL (the service keeps the rules and the transactions). */
import type { EntityManager } from 'typeorm';
import type { AppointmentView } from './appointment-view.js';

/** Loads one appointment with its services, the documents they need and the files uploaded for them (one query). */
export async function loadAppointmentView(m: EntityManager, id: string): Promise<AppointmentView | null> {
  const [row] = await m.query(
    `SELECT a.id, a."officeId", a.reference, a.status, a."startsAt", a."endsAt", a."citizenName", a.email, a.phone,
            a.language, a.channel, a."checkInCode", a."createdAt", a."cancelledAt",
       (SELECT coalesce(json_agg(json_build_object('serviceId', s.id, 'name', s.name,
                 'durationMinutes', s."durationMinutes", 'count', x.count) ORDER BY s."sortOrder", s.name), '[]')
          FROM appointment_service x JOIN service s ON s.id = x."serviceId"
         WHERE x."appointmentId" = a.id) AS services,
       (SELECT coalesce(json_agg(json_build_object('documentId', d.id, 'name', d.name, 'description', d.description,
                 'uploadable', d.uploadable, 'mandatory', d.mandatory,
                 'uploads', (SELECT coalesce(json_agg(json_build_object('id', u.id, 'fileName', u."fileName",
                               'mediaType', u."mediaType", 'sizeBytes', u."sizeBytes") ORDER BY u."createdAt"), '[]')
                               FROM upload u WHERE u."appointmentId" = a.id AND u."documentId" = d.id))
                 ORDER BY d.mandatory DESC, d."sortOrder", d.name), '[]')
          FROM (SELECT rd.id, rd.name, rd.description, rd.uploadable, bool_or(sd.mandatory) AS mandatory,
                       min(sd."sortOrder") AS "sortOrder"
                  FROM appointment_service x
                  JOIN service_document sd ON sd."serviceId" = x."serviceId"
                  JOIN required_document rd ON rd.id = sd."documentId"
                 WHERE x."appointmentId" = a.id
                 GROUP BY rd.id) d) AS documents
       FROM appointment a WHERE a.id = $1`,
    [id],
  );
  return row ?? null;
}
