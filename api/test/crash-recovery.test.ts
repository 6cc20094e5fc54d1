import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureDatabase } from '../src/db/data-source.js';
import {
  auditBookings,
  auditTickets,
  gql,
  LoadLog,
  prepareLoad,
  runLoad,
  sleep,
  spawnApi,
  until,
} from './crash-kit.js';
import { freePort } from './free-port.js';
import { TestSmtpServer } from './mail-server.js';
import { createTestApp, TestClock } from './test-app.js';

// The api processes' time: Monday 1 March 2027, 08:00 in Pforzheim (the office is open), running on from there.
const CLOCK_START = '2027-03-01T07:00:00Z';

/** Api processes started and killed for real (kill -9) on one database, made by the first of them. */
describe('a killed api process', () => {
  const adminUrl = inject('adminDatabaseUrl');
  const database = `test_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  let db: pg.Pool;
  const env = {
    DATABASE_URL: databaseUrl,
    SEED: 'demo',
    TEST_CLOCK_START: CLOCK_START,
    BOOKING_RATE_PER_HOUR: '100000',
  };

  beforeAll(async () => {
    await ensureDatabase(adminUrl, database);
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    db.on('error', () => undefined);
  });
  afterAll(async () => {
    await db?.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it('leaves its mail to the other process, which sends it within 30 s, once, with the same Message-ID', async () => {
    const hung = await new TestSmtpServer().start();
    hung.hold = true; // the killed process is in the middle of sending: the server has the mail, not yet answered
    const smtp = await new TestSmtpServer().start();
    const killed = await spawnApi({ ...env, SMTP_URL: hung.url });
    let survivor: Awaited<ReturnType<typeof createTestApp>> | undefined;
    try {
      const { body } = await gql(killed.url, '{ office(slug: "buergercentrum") { id services { id name } } }');
      const office = body.data?.office as { id: string; services: { id: string; name: string }[] };
      const email = 'absturz@chaos.example';
      const booked = await gql(
        killed.url,
        `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {
          __typename ... on BookingConfirmed { appointment { id } } } }`,
        {
          input: {
            officeId: office.id,
            services: [{ serviceId: office.services.find((s) => s.name.startsWith('Personalausweis'))?.id, count: 1 }],
            start: '2027-03-04T09:00:00.000Z',
            name: 'Erika Mustermann',
            email,
            language: 'de',
            privacyConsent: true,
          },
        },
      );
      const appointmentId = booked.body.data?.bookAppointment.appointment.id as string;
      while (hung.held === 0) await sleep(20);

      // The other process runs on the same database and sends through a mail server that answers.
      survivor = await createTestApp({
        clock: new TestClock(new Date(CLOCK_START)),
        sharing: { database },
        env: { SMTP_URL: smtp.url },
      });
      // As if the killed process had also been running the recurring dispatch: its agenda lock is left behind too.
      await db.query(`UPDATE agenda_jobs SET locked_at = now() WHERE name = 'mail.dispatch'`);
      const killedAt = Date.now();
      await killed.kill();
      const [mail] = await smtp.waitFor(email, 1, 40_000);
      const recoveryMs = Date.now() - killedAt;
      expect(recoveryMs).toBeLessThan(30_000);

      const [row] = (
        await db.query(
          `SELECT id, status, attempts FROM mail_message WHERE "appointmentId" = $1 AND kind = 'CONFIRMATION'`,
          [appointmentId],
        )
      ).rows;
      expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
      // The idempotency key: the row's own Message-ID, whichever process sends it.
      expect(mail?.messageId).toBe(`<${row.id}@localhost>`);
      await sleep(1_000);
      expect(smtp.to(email)).toHaveLength(1);
    } finally {
      await killed.kill();
      await survivor?.close();
      await Promise.all([hung.stop(), smtp.stop()]);
    }
  }, 120_000);

  it('under booking and kiosk load: every acknowledged booking and ticket is there once and whole', async () => {
    const port = await freePort();
    let api = await spawnApi({ ...env, BOOKING_MAX_ACTIVE_PER_EMAIL: '1000' }, { port });
    try {
      const target = await prepareLoad(api.url, db, {
        tag: 'kill',
        today: '2027-03-01',
        until: '2027-03-12',
        checkIns: 12,
      });
      const log = new LoadLog();
      let stop = false;
      const load = runLoad(target, log, 4, () => stop);
      // However busy the machine: some of each acknowledged before the kill, more after the restart.
      const acknowledged = () => Math.min(log.bookings.length, log.tickets.length);
      await sleep(1_500);
      await until(() => acknowledged() >= 3, 30_000, 'three bookings and tickets before the kill');
      await api.kill(); // mid-load: some requests are in flight and get no answer
      api = await spawnApi({ ...env, BOOKING_MAX_ACTIVE_PER_EMAIL: '1000' }, { port });
      const beforeRestart = acknowledged();
      await sleep(1_000);
      await until(() => acknowledged() >= Math.max(6, beforeRestart + 3), 30_000, 'three more after the restart');
      stop = true;
      await load;

      expect(log.unexpected).toEqual([]);
      expect(log.bookings.length).toBeGreaterThan(5);
      expect(log.tickets.length).toBeGreaterThan(5);
      const bookings = await auditBookings(db, log);
      expect(bookings).toEqual({
        acknowledged: log.bookings.length,
        present: log.bookings.length,
        duplicates: 0,
        halfWritten: 0,
      });
      const tickets = await auditTickets(db, log);
      expect(tickets).toEqual({
        acknowledged: log.tickets.length,
        present: log.tickets.length,
        duplicates: 0,
        halfWritten: 0,
      });
    } finally {
      await api.kill();
    }
  }, 120_000);
});
