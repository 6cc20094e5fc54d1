import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, cancel, loadOffice, type Office, uniqueEmail } from './mail-helpers.js';
import { settled, TestSmtpServer } from './mail-server.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (UTC+1).
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
const smtp = new TestSmtpServer();
let t: TestApp;
let office: Office;
const DAY = 86_400_000;

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

type Row = Record<string, unknown>;
const appointment = async (id: string): Promise<Row> =>
  (
    await t.sql(
      `SELECT "citizenName", email, phone, status, "startsAt", "endsAt", "createdAt", "cancelledAt", channel,
              reference, "manageTokenHash", "checkInCode",
              (SELECT count(*)::int FROM appointment_service s WHERE s."appointmentId" = a.id) AS services
         FROM appointment a WHERE id = $1`,
      [id],
    )
  )[0] as Row;
const uploads = async (id: string) =>
  (
    await t.sql<{ n: number; blobs: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM upload_blob b JOIN upload u ON u.id = b."uploadId"
                                    WHERE u."appointmentId" = $1) AS blobs
         FROM upload WHERE "appointmentId" = $1`,
      [id],
    )
  )[0];
const mails = (id: string) =>
  t.sql<{ kind: string; status: string; recipient: string | null; manageToken: string | null }>(
    `SELECT kind, status, recipient, "manageToken" FROM mail_message WHERE "appointmentId" = $1 ORDER BY "createdAt", "dueAt"`,
    [id],
  );

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, BOOKING_RATE_PER_HOUR: '1000', RETENTION_DAYS: '14' } });
  office = await loadOffice(t);
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('retention', () => {
  it('removes names, contacts, uploads and tokens 14 days after the visit or the cancellation; timings stay', async () => {
    const [landlordDoc] = await t.sql<{ id: string }>(
      `SELECT id FROM required_document WHERE name = 'Wohnungsgeberbescheinigung' LIMIT 1`,
    );
    const upload = await t.app.services.uploads.accept({
      documentId: landlordDoc?.id as string,
      fileName: 'mietvertrag.pdf',
      data: PDF,
      clientKey: 'test',
    });
    if (!upload.ok) throw new Error(upload.message);
    const visited = await book(t.anonymous(), office, {
      start: '2027-03-03T08:00:00.000Z',
      email: uniqueEmail('besucht'),
      service: 'Anmeldung',
      uploadIds: [upload.upload.id],
    });
    const cancelled = await book(t.anonymous(), office, {
      start: '2027-03-10T08:00:00.000Z',
      email: uniqueEmail('storniert'),
    });
    await cancel(t.anonymous(), cancelled.manageToken);
    const later = await book(t.anonymous(), office, { start: '2027-03-17T08:00:00.000Z', email: uniqueEmail('spaet') });
    await t.app.services.mail.dispatchDue();
    await settled((q) => t.sql(q));
    const before = await appointment(visited.appointment.id);
    expect(await uploads(visited.appointment.id)).toEqual({ n: 1, blobs: 1 });

    // 14 days after the cancellation (1 March), but not yet 14 days after the visit (3 March): only the cancelled one.
    clock.advance(14 * DAY + 1000);
    expect(await t.app.services.retention.run()).toEqual({
      appointments: 1,
      ticketNotes: 0,
      auditEvents: 0,
      passwordLinks: 0,
    });
    expect(await appointment(cancelled.appointment.id)).toMatchObject({ citizenName: '', email: '', phone: null });
    expect((await appointment(visited.appointment.id)).email).not.toBe('');

    // 14 days after the visit (it ended on 3 March, 09:10 local).
    clock.advance(3 * DAY);
    expect(await t.app.services.retention.run()).toEqual({
      appointments: 1,
      ticketNotes: 0,
      auditEvents: 0,
      passwordLinks: 0,
    });
    const after = await appointment(visited.appointment.id);
    expect(after).toEqual({
      ...before,
      citizenName: '',
      email: '',
      phone: null,
      manageTokenHash: `removed:${visited.appointment.id}`,
      checkInCode: `removed:${visited.appointment.id}`,
    });
    expect(after.startsAt).toEqual(new Date(visited.appointment.startsAt));
    expect(after.services).toBe(1);
    expect(await uploads(visited.appointment.id)).toEqual({ n: 0, blobs: 0 });
    const [blob] = await t.sql('SELECT count(*)::int AS n FROM upload_blob WHERE "uploadId" = $1', [upload.upload.id]);
    expect(blob).toEqual({ n: 0 });
    // The mail log keeps kind and status, not the address or the token.
    const log = await mails(visited.appointment.id);
    // (The reminders were never sent: they were due while the test clock jumped, so they are cancelled as too late.)
    expect(log.map((m) => [m.kind, m.status, m.recipient, m.manageToken])).toEqual([
      ['CONFIRMATION', 'SENT', null, null],
      ['REMINDER_24H', 'CANCELLED', null, null],
      ['REMINDER_4H', 'CANCELLED', null, null],
    ]);
    // The manage link no longer leads anywhere.
    const byToken = await t
      .anonymous()
      .ok(`query($t: String!) { appointmentByToken(token: $t) { __typename } }`, { t: visited.manageToken });
    expect(byToken.appointmentByToken.__typename).toBe('AppointmentNotFound');

    // An appointment whose visit is less than 14 days ago keeps its data; a second run changes nothing.
    expect((await appointment(later.appointment.id)).email).not.toBe('');
    expect(await t.app.services.retention.run()).toEqual({
      appointments: 0,
      ticketNotes: 0,
      auditEvents: 0,
      passwordLinks: 0,
    });
  });

  it('removes audit events after a year, not before', async () => {
    const now = t.clock.now().getTime();
    const day = 86_400_000;
    await t.sql(
      `INSERT INTO audit_event (at, "actorKind", operation, outcome) VALUES ($1, 'staff', 'old', 'OK'), ($2, 'staff', 'recent', 'OK')`,
      [new Date(now - 366 * day), new Date(now - 364 * day)],
    );
    expect((await t.app.services.retention.run()).auditEvents).toBe(1);
    const left = await t.sql<{ operation: string }>(
      `SELECT operation FROM audit_event WHERE operation IN ('old', 'recent')`,
    );
    expect(left).toEqual([{ operation: 'recent' }]);
  });

  it('removes password links used or expired more than 14 days ago, not later ones or open ones', async () => {
    const now = t.clock.now().getTime();
    const daysAgo = (n: number) => new Date(now - n * 86_400_000);
    const [user] = await t.sql<{ id: string }>('SELECT id FROM staff_user LIMIT 1');
    await t.sql(
      `INSERT INTO staff_password_link ("codeHash", "staffUserId", "expiresAt", "usedAt") VALUES
         ('used-long-ago', $1, $2, $3), ('expired-long-ago', $1, $3, NULL),
         ('used-lately', $1, $4, $5), ('open', $1, $4, NULL)`,
      [user?.id, daysAgo(10), daysAgo(15), daysAgo(-3), daysAgo(13)],
    );
    expect((await t.app.services.retention.run()).passwordLinks).toBe(2);
    const left = await t.sql<{ codeHash: string }>('SELECT "codeHash" FROM staff_password_link ORDER BY "codeHash"');
    expect(left.map((r) => r.codeHash)).toEqual(['open', 'used-lately']);
  });

  it('runs as a daily agenda job, next to the mail and push dispatch, the purges and the closing of past days', async () => {
    const jobs = await t.sql<{ name: string; repeat_interval: string; repeat_timezone: string | null }>(
      `SELECT name, repeat_interval, repeat_timezone FROM agenda_jobs WHERE type = 'single' ORDER BY name`,
    );
    expect(jobs).toEqual([
      { name: 'mail.dispatch', repeat_interval: '15 seconds', repeat_timezone: null },
      { name: 'push.dispatch', repeat_interval: '15 seconds', repeat_timezone: null },
      { name: 'push.purge-settled', repeat_interval: '1 hour', repeat_timezone: null },
      { name: 'queue.close-past-days', repeat_interval: '5 * * * *', repeat_timezone: null },
      { name: 'retention.run', repeat_interval: '30 3 * * *', repeat_timezone: 'Europe/Berlin' },
      { name: 'uploads.purge-unattached', repeat_interval: '10 minutes', repeat_timezone: null },
    ]);
  });
});
