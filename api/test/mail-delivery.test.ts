import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimKey, LOCK_MAIL } from '../src/modules/mail/mail-claims.store.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../src/modules/mail/mail-plan.js';
import { MailTemplates, TEMPLATE_DIR } from '../src/modules/mail/templates.js';
import { book, loadOffice, mailRows, type Office, uniqueEmail } from './mail-helpers.js';
import { settled, TestSmtpServer } from './mail-server.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (UTC+1).
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
const smtp = new TestSmtpServer();
let t: TestApp;
let office: Office;

const dispatch = async () => {
  await t.app.services.mail.dispatchDue();
  await settled((q) => t.sql(q));
};
const confirmation = async (appointmentId: string) => (await mailRows(t, appointmentId))[0];

const APPOINTMENT = `query($t: String!) {
  appointmentByToken(token: $t) { __typename ... on Appointment { status mailProblems { kind attempts error lastAttemptAt } } }
}`;

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, BOOKING_RATE_PER_HOUR: '1000' } });
  office = await loadOffice(t);
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('delivery', () => {
  it('retries after the SMTP server was down, with backoff, and delivers once it is back', async () => {
    await smtp.stop();
    const email = uniqueEmail('ausfall');
    const b = await book(t.anonymous(), office, { start: '2027-03-04T08:00:00.000Z', email });
    await dispatch();
    let row = await confirmation(b.appointment.id);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row?.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);

    await smtp.start(); // back on the same port
    await dispatch(); // the backoff (1 minute) has not passed: nothing is tried
    expect(smtp.to(email)).toHaveLength(0);
    clock.advance(RETRY_DELAYS_MS[0] as number);
    await dispatch();
    expect(smtp.to(email).map((m) => m.subject?.split(':')[0])).toEqual(['Terminbestätigung']);
    row = await confirmation(b.appointment.id);
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, lastError: null, manageToken: null });
  });

  it('gives up after five attempts over about 81 minutes and shows it to staff', async () => {
    await smtp.stop();
    try {
      const email = uniqueEmail('dauerhaft');
      const b = await book(await t.infoDesk(), office, { start: '2027-03-04T08:30:00.000Z', email });
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        await dispatch();
        const row = await confirmation(b.appointment.id);
        expect(row?.attempts).toBe(attempt);
        expect(row?.status).toBe(attempt < MAX_ATTEMPTS ? 'PENDING' : 'FAILED');
        clock.advance(RETRY_DELAYS_MS[attempt - 1] ?? 0);
      }
      const staff = await (await t.infoDesk()).ok(APPOINTMENT, { t: b.manageToken });
      expect(staff.appointmentByToken.mailProblems).toMatchObject([{ kind: 'CONFIRMATION', attempts: 5 }]);
    } finally {
      await smtp.start();
    }
  });

  it('a rejected address (550) fails at once, is shown to staff only, and the booking stands', async () => {
    const email = uniqueEmail('unbekannt');
    smtp.reject.add(email);
    const b = await book(t.anonymous(), office, { start: '2027-03-04T09:00:00.000Z', email });
    await dispatch();
    const row = await confirmation(b.appointment.id);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, manageToken: null });
    expect(row?.lastError).toMatch(/^SMTP 550: /);

    const staff = await (await t.clerk()).ok(APPOINTMENT, { t: b.manageToken });
    expect(staff.appointmentByToken.status).toBe('BOOKED');
    expect(staff.appointmentByToken.mailProblems).toEqual([
      { kind: 'CONFIRMATION', attempts: 1, error: row?.lastError, lastAttemptAt: expect.any(String) },
    ]);
    // The citizen (same link, no staff session) does not get the field.
    const citizen = await t.anonymous().request(APPOINTMENT, { t: b.manageToken });
    expect(citizen.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const plain = await t
      .anonymous()
      .ok(`query($t: String!) { appointmentByToken(token: $t) { ... on Appointment { status } } }`, {
        t: b.manageToken,
      });
    expect(plain.appointmentByToken.status).toBe('BOOKED');
  });

  it('a missing template variable marks the mail failed and never touches the booking', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bc-templates-'));
    try {
      cpSync(TEMPLATE_DIR, dir, { recursive: true });
      const file = path.join(dir, 'de', 'confirmation.text.hbs');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n{{parkingHint}}\n`);
      t.app.services.mail.useTemplates(new MailTemplates(dir));
      const email = uniqueEmail('vorlage');
      const b = await book(t.anonymous(), office, { start: '2027-03-04T09:30:00.000Z', email });
      await dispatch();
      const row = await confirmation(b.appointment.id);
      expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
      expect(row?.lastError).toMatch(/template de\/confirmation: "parkingHint" not defined/);
      expect(smtp.to(email)).toHaveLength(0);
      const [appointment] = await t.sql('SELECT status FROM appointment WHERE id = $1', [b.appointment.id]);
      expect(appointment).toEqual({ status: 'BOOKED' });
    } finally {
      t.app.services.mail.useTemplates(new MailTemplates());
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a mail claimed by a living sender is left to it; once its database session ends, another sends it at once', async () => {
    const email = uniqueEmail('absturz');
    const b = await book(t.anonymous(), office, { start: '2027-03-04T10:00:00.000Z', email });
    await smtp.waitFor(email, 1); // the confirmation
    await settled((q) => t.sql(q));
    // The 24 h reminder (due Wednesday 10:00Z), claimed the way a sender does: its session holds the row's lock.
    const reminder = (await mailRows(t, b.appointment.id)).find((r) => r.kind === 'REMINDER_24H');
    const sender = new pg.Client({ connectionString: t.databaseUrl });
    await sender.connect();
    await sender.query('SELECT pg_advisory_lock($1, $2)', [LOCK_MAIL, claimKey(reminder?.id as string)]);
    await sender.query(`UPDATE mail_message SET status = 'SENDING', attempts = attempts + 1 WHERE id = $1`, [
      reminder?.id,
    ]);
    clock.advance(Date.parse('2027-03-03T10:00:00.000Z') - clock.current.getTime());
    await t.app.services.mail.dispatchDue();
    expect(smtp.to(email)).toHaveLength(1); // the sender is alive: hands off, however long it takes
    await sender.end(); // the process dies: PostgreSQL ends its session and drops its locks
    await t.app.services.mail.dispatchDue();
    expect(smtp.to(email).map((m) => m.subject?.split(':')[0])).toEqual(['Terminbestätigung', 'Erinnerung']);
    const [row] = await t.sql('SELECT status, attempts FROM mail_message WHERE id = $1', [reminder?.id]);
    expect(row).toEqual({ status: 'SENT', attempts: 2 });
    expect(smtp.to(email)[1]?.messageId).toBe(`<${reminder?.id}@localhost>`);
  });

  it('a slow mail server holds up one mail, not a batch: a second dispatcher sends the others meanwhile, each once', async () => {
    await t.app.services.jobs.stop(); // only this test's dispatchers run
    try {
      const emails = [0, 1, 2].map(() => uniqueEmail('langsam'));
      for (const [i, email] of emails.entries()) {
        const start = new Date(Date.parse('2027-03-05T08:00:00.000Z') + i * 15 * 60_000).toISOString();
        await book(t.anonymous(), office, { start, email });
      }
      const before = smtp.received.length;
      smtp.delayMs = 1_000;
      const slow = t.app.services.mail.dispatchDue();
      while (smtp.received.length === before) await new Promise((r) => setTimeout(r, 10));
      // The first run waits for the server's answer to its one mail; a second run takes the other two.
      smtp.delayMs = 0;
      expect(await t.app.services.mail.dispatchDue()).toMatchObject({ sent: 2 });
      expect(await slow).toMatchObject({ sent: 1 });
      for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
    } finally {
      smtp.delayMs = 0;
      await t.app.services.jobs.start();
    }
  });
});
