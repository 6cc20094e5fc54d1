import type { EntityManager } from 'typeorm';
import type { AppointmentStatus, BookingChannel } from './appointment.entity.js';

/** An appointment with what the citizen's pages and mails show about it. */
export type AppointmentView = {
  id: string;
  officeId: string;
  reference: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  citizenName: string;
  email: string;
  phone: string | null;
  language: string;
  channel: BookingChannel;
  checkInCode: string;
  createdAt: Date;
  cancelledAt: Date | null;
  services: { serviceId: string; name: string; durationMinutes: number; count: number }[];
  documents: {
    documentId: string;
    name: string;
    description: string;
    mandatory: boolean;
    uploadable: boolean;
    uploads: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
  }[];
};

/** Loads one appointment with its services, the documents they need and the files uploaded for them. */
export async function loadAppointmentView(m: EntityManager, id: string): Promise<AppointmentView | null> {
  const [row] = await m.query(
    `SELECT id, "officeId", reference, status, "startsAt", "endsAt", "citizenName", email, phone, language, channel,
            "checkInCode", "createdAt", "cancelledAt"
       FROM appointment WHERE id = $1`,
    [id],
  );
  if (!row) return null;
  const [services, documents, uploads] = await Promise.all([
    m.query(
      `SELECT s.id AS "serviceId", s.name, s."durationMinutes", a.count
         FROM appointment_service a JOIN service s ON s.id = a."serviceId"
        WHERE a."appointmentId" = $1 ORDER BY s."sortOrder", s.name`,
      [id],
    ),
    m.query(
      `SELECT d.id AS "documentId", d.name, d.description, d.uploadable, bool_or(sd.mandatory) AS mandatory,
              min(sd."sortOrder") AS "sortOrder"
         FROM appointment_service a
         JOIN service_document sd ON sd."serviceId" = a."serviceId"
         JOIN required_document d ON d.id = sd."documentId"
        WHERE a."appointmentId" = $1
        GROUP BY d.id ORDER BY bool_or(sd.mandatory) DESC, min(sd."sortOrder"), d.name`,
      [id],
    ),
    m.query(
      `SELECT id, "documentId", "fileName", "mediaType", "sizeBytes" FROM upload
        WHERE "appointmentId" = $1 ORDER BY "createdAt"`,
      [id],
    ),
  ]);
  return {
    ...row,
    services,
    documents: documents.map((d: AppointmentView['documents'][number] & { sortOrder?: number }) => {
      const { sortOrder: _order, ...doc } = d;
      return {
        ...doc,
        uploads: uploads
          .filter((u: { documentId: string }) => u.documentId === d.documentId)
          .map(
            ({
              documentId: _doc,
              ...u
            }: { documentId: string } & AppointmentView['documents'][number]['uploads'][number]) => u,
          ),
      };
    }),
  };
}
