/** Cancelling a closed day's appointments with a mail that the office is closed (notifyClosureAffected). */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from './gql-client.js';
import { book, loadOffice, mailRows, type Office, uniqueEmail } from './mail-helpers.js';
import { type ReceivedMail, settled, TestSmtpServer } from './mail-server.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (UTC+1).
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
const smtp = new TestSmtpServer();
let t: TestApp;
let office: Office;
let manager: GqlClient;

const THURSDAY = '2027-03-04';
const NOTIFY = `mutation($o: ID!, $d: String!) { notifyClosureAffected(officeId: $o, date: $d) {
  __typename
  ... on ClosureNotified { officeId date cancelled remaining }
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message } } }`;
const ADD_CLOSURE = `mutation($o: ID!, $d: String!) { addOfficeClosure(officeId: $o, date: $d, note: "Wasserschaden") {
  __typename ... on OfficeClosure { affectedAppointments } } }`;
const CLOSURES = `query($o: ID!) { officeAdministration(officeId: $o) {
  ... on OfficeAdministration { closures { date affectedAppointments } } } }`;

const notify = async (client: GqlClient, d: string, o = office.id) =>
  (await client.ok<{ notifyClosureAffected: Record<string, any> }>(NOTIFY, { o, d })).notifyClosureAffected;
const statuses = async (ids: string[]) =>
  (
    await t.sql<{ id: string; status: string }>('SELECT id, status FROM appointment WHERE id = ANY($1::uuid[])', [ids])
  ).reduce<Record<string, string>>((all, r) => Object.assign(all, { [r.id]: r.status }), {});

/** Waits (real time) for a mail to `address` whose subject starts with `prefix`. */
async function mailTo(address: string, prefix: string): Promise<ReceivedMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mail = smtp.to(address).find((m) => m.subject?.startsWith(prefix));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail "${prefix}…" to ${address}`);
    await t.app.services.mail.dispatchDue();
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, BOOKING_RATE_PER_HOUR: '1000' } });
  office = await loadOffice(t);
  manager = await t.officeManager();
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('notifying the appointments of a closed day', () => {
  const emails = { early: uniqueEmail('frueh'), german: uniqueEmail('erika'), english: uniqueEmail('john') };
  const ids = { early: '', german: '', english: '', friday: '' };

  beforeAll(async () => {
    const client = t.anonymous();
    ids.early = (await book(client, office, { start: `${THURSDAY}T06:30:00Z`, email: emails.early })).appointment.id;
    ids.german = (await book(client, office, { start: `${THURSDAY}T08:00:00Z`, email: emails.german })).appointment.id;
    ids.english = (
      await book(client, office, {
        start: `${THURSDAY}T09:00:00Z`,
        email: emails.english,
        language: 'en',
        name: 'John Doe',
      })
    ).appointment.id;
    ids.friday = (await book(client, office, { start: '2027-03-05T08:00:00Z', email: uniqueEmail() })).appointment.id;
  });

  it('is refused with NOT_CLOSED on a day the office is open, cancelling nothing', async () => {
    expect(await notify(manager, THURSDAY)).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'date', code: 'NOT_CLOSED' }],
    });
    expect(await notify(manager, '2027-02-31')).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'date', code: 'BAD_DATE' }],
    });
    expect(Object.values(await statuses(Object.values(ids)))).toEqual(['BOOKED', 'BOOKED', 'BOOKED', 'BOOKED']);
  });

  it('refuses the manager of another office and a clerk', async () => {
    const [other] = await t.sql<{ id: string }>(`SELECT id FROM office WHERE slug = 'zulassungsstelle'`);
    expect((await notify(manager, THURSDAY, other?.id)).__typename).toBe('OfficeNotAllowed');
    const res = await (await t.clerk()).request(NOTIFY, { o: office.id, d: THURSDAY });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('cancels the day’s appointments that have not begun and mails each citizen that the office is closed', async () => {
    const added = await manager.ok<{ addOfficeClosure: { affectedAppointments: number } }>(ADD_CLOSURE, {
      o: office.id,
      d: THURSDAY,
    });
    expect(added.addOfficeClosure.affectedAppointments).toBe(3);
    // Thursday 08:00 local: the 07:30 appointment has begun and stays as it is.
    clock.current = new Date(`${THURSDAY}T07:00:00Z`);
    manager = await t.officeManager(); // the session of Monday has run out

    expect(await notify(manager, THURSDAY)).toEqual({
      __typename: 'ClosureNotified',
      officeId: office.id,
      date: THURSDAY,
      cancelled: 2,
      remaining: 1,
    });
    expect(await statuses(Object.values(ids))).toEqual({
      [ids.early]: 'BOOKED',
      [ids.german]: 'CANCELLED',
      [ids.english]: 'CANCELLED',
      [ids.friday]: 'BOOKED',
    });

    const german = await mailTo(emails.german, 'Termin abgesagt, Dienststelle geschlossen');
    expect(german.subject).toBe(
      'Termin abgesagt, Dienststelle geschlossen: Donnerstag, 4. März 2027, 09:00 Uhr – Bürgercentrum',
    );
    expect(german.text).toContain('an diesem Tag ist die Dienststelle geschlossen');
    expect(german.text).toMatch(/http:\/\/localhost:\d+\/booking\//);
    // No QR code; the calendar file takes the appointment out of the citizen's calendar (one change: SEQUENCE 1).
    expect(german.attachments.map((a) => a.filename)).toEqual(['termin-abgesagt.ics']);
    const calendar = new ICAL.Component(ICAL.parse(german.attachments[0]?.content.toString('utf8') as string));
    const event = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    expect([
      calendar.getFirstPropertyValue('method'),
      event.getFirstPropertyValue('status'),
      event.getFirstPropertyValue('uid'),
      event.getFirstPropertyValue('sequence'),
    ]).toEqual(['CANCEL', 'CANCELLED', `${ids.german}@localhost`, 1]);
    const english = await mailTo(emails.english, 'Appointment cancelled, office closed');
    expect(english.subject).toBe('Appointment cancelled, office closed: Thursday, 4 March 2027, 10:00 – Bürgercentrum');
    expect(english.text).toContain('The office is closed on this day');

    // No reminder is left to go out for the cancelled ones.
    await settled((q) => t.sql(q));
    const rows = await mailRows(t, ids.german);
    expect(rows.filter((r) => r.status === 'PENDING')).toEqual([]);
    expect(rows.filter((r) => r.kind === 'OFFICE_CLOSED').map((r) => r.status)).toEqual(['SENT']);
    expect(smtp.to(emails.early).some((m) => m.subject?.includes('geschlossen'))).toBe(false);
  });

  it('is idempotent: a second call cancels and mails nothing more', async () => {
    const before = (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_message`))[0]?.n;
    expect(await notify(manager, THURSDAY)).toMatchObject({
      __typename: 'ClosureNotified',
      cancelled: 0,
      remaining: 1,
    });
    expect((await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM mail_message`))[0]?.n).toBe(before);
    const view = await manager.ok<{
      officeAdministration: { closures: { date: string; affectedAppointments: number }[] };
    }>(CLOSURES, { o: office.id });
    expect(view.officeAdministration.closures).toEqual([{ date: THURSDAY, affectedAppointments: 1 }]);
  });
});
