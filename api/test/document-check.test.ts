/**
 * The document pre-check, end to end: a citizen books with an upload, the office marks it "please replace" with a
 * message, the citizen gets a mail (real SMTP) in the booking's language with the manage link, sees the state on the
 * manage page, uploads a replacement through POST /uploads and the manage token, and the office accepts it. Only
 * clerks, information desk and managers of the appointment's office may check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from './gql-client.js';
import { mailRows } from './mail-helpers.js';
import { TestSmtpServer } from './mail-server.js';
import { CHECK_IN } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';
import { PDF, PNG, publicOffice, uploadTarget } from './upload-fixtures.js';

// Monday 1 March 2027, 07:00 in Pforzheim (UTC+1): today is Monday, tomorrow Tuesday.
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
const smtp = new TestSmtpServer();
let t: TestApp;

const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename
  ... on BookingConfirmed { manageToken appointment { id } } ... on InvalidInput { fields { field code } } } }`;
const DOCUMENTS = `documents { documentId name uploads { id fileName checkState checkMessage checkedAt } }`;
const LIST = `query($o: ID!) { documentChecks(officeId: $o) { __typename
  ... on DocumentCheckList { appointments { id reference startsAt ${DOCUMENTS} } } } }`;
const CHECK = `mutation($u: ID!, $s: DocumentCheckState!, $m: String) { checkUpload(uploadId: $u, state: $s, message: $m) {
  __typename ... on Appointment { id ${DOCUMENTS} } ... on InvalidInput { fields { field code } } } }`;
const REPLACE = `mutation($t: String!, $u: ID!) { replaceAppointmentUpload(token: $t, uploadId: $u) { __typename
  ... on Appointment { id ${DOCUMENTS} } ... on InvalidInput { fields { field code } }
  ... on AppointmentNotChangeable { reason } } }`;
const MANAGED = `query($t: String!) { appointmentByToken(token: $t) { __typename ... on Appointment { ${DOCUMENTS} } } }`;

type Upload = {
  id: string;
  fileName: string;
  checkState: string;
  checkMessage: string | null;
  checkedAt: string | null;
};
type Doc = { documentId: string; name: string; uploads: Upload[] };
type Booking = { appointmentId: string; manageToken: string; uploadId: string; documentId: string; email: string };

/** POST /uploads as the booking page sends it (multipart, documentId and file). */
async function upload(documentId: string, name: string, data: Buffer, type: string): Promise<string> {
  const form = new FormData();
  form.append('documentId', documentId);
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  const res = await fetch(`${t.baseUrl}/uploads`, { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

let bookings = 0;
async function bookWithUpload(opts: {
  slug: string;
  service: string;
  document: string;
  start: string;
  language?: string;
}): Promise<Booking> {
  const target = await uploadTarget(t.anonymous(), opts.slug, opts.service, opts.document);
  const uploadId = await upload(target.documentId, 'scan.pdf', PDF, 'application/pdf');
  const email = `pruefung${++bookings}@example.de`;
  const res = await t
    .anonymous()
    .ok<{ bookAppointment: { __typename: string; manageToken: string; appointment: { id: string } } }>(BOOK, {
      input: {
        officeId: target.officeId,
        services: [{ serviceId: target.serviceId, count: 1 }],
        start: opts.start,
        name: 'Erika Mustermann',
        email,
        language: opts.language ?? 'de',
        privacyConsent: true,
        uploadIds: [uploadId],
      },
    });
  expect(res.bookAppointment.__typename).toBe('BookingConfirmed');
  return {
    appointmentId: res.bookAppointment.appointment.id,
    manageToken: res.bookAppointment.manageToken,
    uploadId,
    documentId: target.documentId,
    email,
  };
}

const docOf = (docs: Doc[], documentId: string) => docs.find((d) => d.documentId === documentId) as Doc;

async function check(client: GqlClient, uploadId: string, state: string, message?: string) {
  return (
    await client.ok<{ checkUpload: { __typename: string; documents?: Doc[]; fields?: unknown[] } }>(CHECK, {
      u: uploadId,
      s: state,
      m: message ?? null,
    })
  ).checkUpload;
}

let officeId: string;
let otherOfficeId: string;
let tuesday: Booking;
let wednesday: Booking;
let citizenship: Booking;
let clerk: GqlClient;

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, BOOKING_RATE_PER_HOUR: '1000' } });
  officeId = (await publicOffice(t.anonymous(), 'buergercentrum')).id;
  otherOfficeId = (await publicOffice(t.anonymous(), 'staatsangehoerigkeit')).id;
  const registration = {
    slug: 'buergercentrum',
    service: 'Anmeldung / Ummeldung Wohnsitz',
    document: 'Wohnungsgeberbescheinigung',
  };
  tuesday = await bookWithUpload({ ...registration, start: '2027-03-02T08:00:00.000Z', language: 'en' });
  wednesday = await bookWithUpload({ ...registration, start: '2027-03-03T08:00:00.000Z' });
  citizenship = await bookWithUpload({
    slug: 'staatsangehoerigkeit',
    service: 'Einbürgerungsantrag stellen',
    document: 'Sprachzertifikat (mindestens B1)',
    start: '2027-03-02T08:00:00.000Z',
  });
  await smtp.waitFor(tuesday.email, 1);
  clerk = await t.clerk();
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('document pre-check', () => {
  it("lists today's and tomorrow's appointments of the office with uploads, each file to check", async () => {
    const res = await clerk.ok<{
      documentChecks: { __typename: string; appointments: { id: string; documents: Doc[] }[] };
    }>(LIST, { o: officeId });
    expect(res.documentChecks.__typename).toBe('DocumentCheckList');
    const ids = res.documentChecks.appointments.map((a) => a.id);
    expect(ids).toEqual([tuesday.appointmentId]);
    const doc = docOf(res.documentChecks.appointments[0]?.documents ?? [], tuesday.documentId);
    expect(doc.uploads).toEqual([
      { id: tuesday.uploadId, fileName: 'scan.pdf', checkState: 'TO_CHECK', checkMessage: null, checkedAt: null },
    ]);
  });

  it('upload → "please replace" → mail → replacement through the manage link → accepted', async () => {
    expect((await check(clerk, tuesday.uploadId, 'REPLACE', '   ')).__typename).toBe('InvalidInput');

    const marked = await check(clerk, tuesday.uploadId, 'REPLACE', 'The landlord’s signature is missing.');
    expect(marked.__typename).toBe('Appointment');
    expect(docOf(marked.documents ?? [], tuesday.documentId).uploads[0]).toMatchObject({
      id: tuesday.uploadId,
      checkState: 'REPLACE',
      checkMessage: 'The landlord’s signature is missing.',
      checkedAt: clock.current.toISOString(),
    });

    // The mail, in the booking's language (English), names the file and the message and carries the manage link.
    const [, mail] = await smtp.waitFor(tuesday.email, 2);
    expect(mail?.subject).toBe(
      'Please replace or bring documents: appointment on Tuesday, 2 March 2027, 09:00 – Bürgercentrum',
    );
    expect(mail?.text).toContain('- Wohnungsgeberbescheinigung (scan.pdf): The landlord’s signature is missing.');
    expect(mail?.text).toContain(`/booking/verwaltung#${tuesday.manageToken}`);
    expect(mail?.html).toContain(`<html lang="en"`);

    // The manage page shows the state.
    const managed = await t.anonymous().ok<{ appointmentByToken: { documents: Doc[] } }>(MANAGED, {
      t: tuesday.manageToken,
    });
    expect(docOf(managed.appointmentByToken.documents, tuesday.documentId).uploads[0]).toMatchObject({
      checkState: 'REPLACE',
      checkMessage: 'The landlord’s signature is missing.',
    });

    // The replacement goes through the same upload route and is attached with the manage token.
    const newId = await upload(tuesday.documentId, 'signed.png', PNG, 'image/png');
    const replaced = (
      await t.anonymous().ok<{ replaceAppointmentUpload: { __typename: string; documents: Doc[] } }>(REPLACE, {
        t: tuesday.manageToken,
        u: newId,
      })
    ).replaceAppointmentUpload;
    expect(replaced.__typename).toBe('Appointment');
    expect(docOf(replaced.documents, tuesday.documentId).uploads).toEqual([
      { id: newId, fileName: 'signed.png', checkState: 'TO_CHECK', checkMessage: null, checkedAt: null },
    ]);
    // The old file is gone, bytes and all.
    expect(await t.sql('SELECT id FROM upload WHERE id = $1', [tuesday.uploadId])).toEqual([]);
    expect(await t.sql('SELECT 1 FROM upload_blob WHERE "uploadId" = $1', [tuesday.uploadId])).toEqual([]);
    // The office opens the new file with the staff download route.
    const file = await fetch(`${t.baseUrl}/uploads/${newId}`, { headers: { cookie: clerk.cookie as string } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    // Once attached, it cannot be attached again.
    const again = (
      await t
        .anonymous()
        .ok<{ replaceAppointmentUpload: { __typename: string; fields: { code: string }[] } }>(REPLACE, {
          t: tuesday.manageToken,
          u: newId,
        })
    ).replaceAppointmentUpload;
    expect(again).toMatchObject({ __typename: 'InvalidInput', fields: [{ code: 'NOT_FOUND' }] });

    const accepted = await check(await t.infoDesk(), newId, 'ACCEPTED');
    expect(docOf(accepted.documents ?? [], tuesday.documentId).uploads[0]).toMatchObject({
      id: newId,
      checkState: 'ACCEPTED',
      checkMessage: null,
    });
    // Accepting sends nothing: one confirmation, one request to replace.
    const kinds = (await mailRows(t, tuesday.appointmentId))
      .map((r) => r.kind)
      .filter((k) => !k.startsWith('REMINDER'));
    expect(kinds).toEqual(['CONFIRMATION', 'DOCUMENT_CHECK']);
    // The check is audit-logged with who did it.
    const audit = await t.sql<{ actorKind: string; outcome: string }>(
      `SELECT "actorKind", outcome FROM audit_event WHERE operation = 'checkUpload' AND "staffUserId" IS NOT NULL`,
    );
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.every((a) => a.actorKind === 'staff')).toBe(true);
  });

  it('refuses a replacement for a document the appointment does not ask for, or with a wrong link', async () => {
    const foreign = await upload(citizenship.documentId, 'b1.pdf', PDF, 'application/pdf');
    const res = await t
      .anonymous()
      .ok<{ replaceAppointmentUpload: { __typename: string; fields?: { code: string }[] } }>(REPLACE, {
        t: wednesday.manageToken,
        u: foreign,
      });
    expect(res.replaceAppointmentUpload).toMatchObject({
      __typename: 'InvalidInput',
      fields: [{ code: 'NOT_ALLOWED' }],
    });
    const wrong = await t
      .anonymous()
      .ok<{ replaceAppointmentUpload: { __typename: string } }>(REPLACE, { t: 'bcm_nothing', u: foreign });
    expect(wrong.replaceAppointmentUpload.__typename).toBe('AppointmentNotFound');
  });

  it("refuses another office's clerk and manager, and roles that do not check documents", async () => {
    // The clerk works in the Bürgercentrum only.
    expect((await check(clerk, citizenship.uploadId, 'ACCEPTED')).__typename).toBe('OfficeNotAllowed');
    const list = await clerk.ok<{ documentChecks: { __typename: string } }>(LIST, { o: otherOfficeId });
    expect(list.documentChecks.__typename).toBe('OfficeNotAllowed');
    expect(
      (await t.sql<{ checkState: string }>('SELECT "checkState" FROM upload WHERE id = $1', [citizenship.uploadId]))[0]
        ?.checkState,
    ).toBe('TO_CHECK');
    // The admin (ADMIN only), devices and anonymous callers do not check documents.
    for (const [client, code] of [
      [await t.admin(), 'FORBIDDEN'],
      [t.kiosk(), 'FORBIDDEN'],
      [t.anonymous(), 'UNAUTHENTICATED'],
    ] as const) {
      const res = await client.request(CHECK, { u: wednesday.uploadId, s: 'ACCEPTED', m: null });
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.data?.checkUpload ?? null).toBeNull();
    }
    // The office manager of both offices may.
    expect((await check(await t.officeManager(), citizenship.uploadId, 'ACCEPTED')).__typename).toBe('Appointment');
  });

  it("shows the counter the check's result for the visitor who checked in", async () => {
    const code = (
      await t
        .anonymous()
        .ok<{ appointmentByToken: { checkInCode: string } }>(
          'query($t: String!) { appointmentByToken(token: $t) { ... on Appointment { checkInCode } } }',
          { t: tuesday.manageToken },
        )
    ).appointmentByToken.checkInCode;
    // Tuesday 08:45 in Pforzheim, a quarter of an hour before the appointment.
    clock.current = new Date('2027-03-02T07:45:00Z');
    const checkedIn = await t.kiosk().ok<{ checkIn: { __typename: string; ticketId: string } }>(CHECK_IN, { code });
    expect(checkedIn.checkIn.__typename).toBe('IssuedTicket');
    // A new sign-in: the day-old session has expired.
    const ticket = await (await t.clerk()).ok<{ queueTicket: { appointment: { documents: Doc[] } } }>(
      `query($id: ID!) { queueTicket(id: $id) { appointment { ${DOCUMENTS} } } }`,
      { id: checkedIn.checkIn.ticketId },
    );
    const uploads = docOf(ticket.queueTicket.appointment.documents, tuesday.documentId).uploads;
    expect(uploads.map((u) => [u.fileName, u.checkState])).toEqual([['signed.png', 'ACCEPTED']]);
  });

  it('takes no replacement once the appointment has begun', async () => {
    const late = await upload(tuesday.documentId, 'late.pdf', PDF, 'application/pdf');
    clock.current = new Date('2027-03-02T08:00:00Z');
    const res = await t.anonymous().ok<{ replaceAppointmentUpload: { __typename: string; reason?: string } }>(REPLACE, {
      t: tuesday.manageToken,
      u: late,
    });
    expect(res.replaceAppointmentUpload).toEqual({ __typename: 'AppointmentNotChangeable', reason: 'STARTED' });
  });

  it('goes with the uploads when the retention period ends', async () => {
    const checked = await t.sql('SELECT id FROM upload WHERE "appointmentId" = $1 AND "checkedAt" IS NOT NULL', [
      tuesday.appointmentId,
    ]);
    expect(checked).toHaveLength(1);
    clock.current = new Date('2027-03-20T00:00:00Z');
    await t.app.services.retention.run();
    expect(await t.sql('SELECT id FROM upload WHERE "appointmentId" = $1', [tuesday.appointmentId])).toEqual([]);
  });
});
