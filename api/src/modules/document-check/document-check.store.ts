/** The SQL of the document pre-check: which appointments have files to check, and one file's check state. */
import type { EntityManager } from 'typeorm';
import type { DocumentCheckState } from '../booking/appointment-view.js';

/** Booked appointments of an office starting in [from, to) with at least one uploaded file, earliest first. */
export async function appointmentsWithUploads(
  m: EntityManager,
  officeId: string,
  from: Date,
  to: Date,
): Promise<string[]> {
  const rows: { id: string }[] = await m.query(
    `SELECT a.id FROM appointment a
      WHERE a."officeId" = $1 AND a.status = 'BOOKED' AND a."startsAt" >= $2 AND a."startsAt" < $3
        AND EXISTS (SELECT 1 FROM upload u WHERE u."appointmentId" = a.id)
      ORDER BY a."startsAt", a.reference`,
    [officeId, from, to],
  );
  return rows.map((r) => r.id);
}

export async function officeTimeZone(m: EntityManager, officeId: string): Promise<string | null> {
  const [row]: { timeZone: string }[] = await m.query('SELECT "timeZone" FROM office WHERE id = $1', [officeId]);
  return row?.timeZone ?? null;
}

/** An attached upload with its appointment, both locked until the transaction ends; null when there is none. */
export async function lockAttachedUpload(
  m: EntityManager,
  uploadId: string,
): Promise<{ appointmentId: string; officeId: string; status: string } | null> {
  const [row] = await m.query(
    `SELECT a.id AS "appointmentId", a."officeId", a.status
       FROM upload u JOIN appointment a ON a.id = u."appointmentId"
      WHERE u.id = $1
      FOR UPDATE OF a, u`,
    [uploadId],
  );
  return row ?? null;
}

export async function setCheck(
  m: EntityManager,
  uploadId: string,
  state: DocumentCheckState,
  message: string | null,
  at: Date,
): Promise<void> {
  await m.query('UPDATE upload SET "checkState" = $2, "checkMessage" = $3, "checkedAt" = $4 WHERE id = $1', [
    uploadId,
    state,
    message,
    at,
  ]);
}

/** The appointment, locked until the transaction ends; null when there is none. */
export async function lockAppointment(
  m: EntityManager,
  id: string,
): Promise<{ status: string; startsAt: Date } | null> {
  const [row] = await m.query('SELECT status, "startsAt" FROM appointment WHERE id = $1 FOR UPDATE', [id]);
  return row ?? null;
}

/** The document of an upload no booking attached yet; null when there is no such upload (or it is attached). */
export async function unattachedUploadDocument(m: EntityManager, uploadId: string): Promise<string | null> {
  const [row]: { documentId: string }[] = await m.query(
    'SELECT "documentId" FROM upload WHERE id = $1 AND "appointmentId" IS NULL',
    [uploadId],
  );
  return row?.documentId ?? null;
}

/** Whether one of the appointment's services asks for this document and it may be uploaded. */
export async function documentUploadable(
  m: EntityManager,
  appointmentId: string,
  documentId: string,
): Promise<boolean> {
  const rows = await m.query(
    `SELECT 1 FROM appointment_service x
       JOIN service_document sd ON sd."serviceId" = x."serviceId"
       JOIN required_document d ON d.id = sd."documentId"
      WHERE x."appointmentId" = $1 AND d.id = $2 AND d.uploadable AND d.active
      LIMIT 1`,
    [appointmentId, documentId],
  );
  return rows.length > 0;
}

/** Files attached to the appointment for other documents than this one. */
export async function otherUploadCount(m: EntityManager, appointmentId: string, documentId: string): Promise<number> {
  const [row]: { n: number }[] = await m.query(
    'SELECT count(*)::int AS n FROM upload WHERE "appointmentId" = $1 AND "documentId" <> $2',
    [appointmentId, documentId],
  );
  return row?.n ?? 0;
}
