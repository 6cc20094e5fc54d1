import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, cancel, loadOffice, mailRows, type Office, reschedule, uniqueEmail } from './mail-helpers.js';
import { settled, TestSmtpServer } from './mail-server.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (UTC+1); the clock only moves forward through this file.
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
const smtp = new TestSmtpServer();
let t: TestApp;
let office: Office;
let env: Record<string, string>;

const at = (iso: string) => {
  const target = new Date(iso).getTime();
  if (target < clock.current.getTime()) throw new Error(`the clock is already past ${iso}`);
  clock.advance(target - clock.current.getTime());
};
const subjects = (email: string) => smtp.to(email).map((m) => (m.subject ?? '').split(':')[0]);
/** Dispatches what is due now, and waits until every claim (also agenda's, in the background) has settled. */
const dispatch = async (app: TestApp = t) => {
  await app.app.services.mail.dispatchDue();
  await settled((q) => app.sql(q));
};

beforeAll(async () => {
  await smtp.start();
  env = { SMTP_URL: smtp.url, BOOKING_RATE_PER_HOUR: '1000' };
  t = await createTestApp({ clock, env });
  office = await loadOffice(t);
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('reminders', () => {
  const soon = { email: uniqueEmail('bald') };
  const ahead = { email: uniqueEmail('voraus') };
  const moved = { email: uniqueEmail('verschoben') };
  const dropped = { email: uniqueEmail('abgesagt') };
  let aheadId = '';
  let movedId = '';
  let droppedId = '';

  it('a booking 3 hours ahead gets neither reminder', async () => {
    const b = await book(t.anonymous(), office, { start: '2027-03-01T09:00:00.000Z', ...soon });
    const rows = await mailRows(t, b.appointment.id);
    expect(rows.map((r) => r.kind)).toEqual(['CONFIRMATION']);
  });

  it('a booking 2 days ahead gets both, due 24 h and 4 h before the start; nothing of them is due now', async () => {
    const b = await book(t.anonymous(), office, { start: '2027-03-03T08:00:00.000Z', ...ahead });
    aheadId = b.appointment.id;
    const rows = await mailRows(t, aheadId);
    expect(rows.map((r) => [r.kind, r.dueAt.toISOString()])).toEqual([
      ['CONFIRMATION', '2027-03-01T06:00:00.000Z'],
      ['REMINDER_24H', '2027-03-02T08:00:00.000Z'],
      ['REMINDER_4H', '2027-03-03T04:00:00.000Z'],
    ]);
    await dispatch();
    expect(subjects(ahead.email)).toEqual(['Terminbestätigung']);
    expect((await mailRows(t, aheadId)).map((r) => r.status)).toEqual(['SENT', 'PENDING', 'PENDING']);
  });

  it('rescheduling moves the reminders to the new time and sends a notice', async () => {
    const b = await book(t.anonymous(), office, { start: '2027-03-03T08:30:00.000Z', ...moved });
    movedId = b.appointment.id;
    expect(await reschedule(t.anonymous(), b.manageToken, '2027-03-04T09:00:00.000Z')).toBe('Appointment');
    await dispatch();
    const rows = await mailRows(t, movedId);
    const pending = rows.filter((r) => r.status === 'PENDING');
    expect(pending.map((r) => [r.kind, r.dueAt.toISOString(), r.manageToken === b.manageToken])).toEqual([
      ['REMINDER_24H', '2027-03-03T09:00:00.000Z', true],
      ['REMINDER_4H', '2027-03-04T05:00:00.000Z', true],
    ]);
    expect(rows.filter((r) => r.status === 'CANCELLED').map((r) => r.kind)).toEqual(['REMINDER_24H', 'REMINDER_4H']);
    expect(subjects(moved.email).sort()).toEqual(['Termin verschoben', 'Terminbestätigung']);
  });

  it('cancelling removes the reminders and sends the cancellation', async () => {
    const b = await book(t.anonymous(), office, { start: '2027-03-03T09:00:00.000Z', ...dropped });
    droppedId = b.appointment.id;
    expect(await cancel(t.anonymous(), b.manageToken)).toBe('Appointment');
    await dispatch();
    const rows = await mailRows(t, droppedId);
    expect(rows.filter((r) => r.kind.startsWith('REMINDER')).map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(rows.filter((r) => r.manageToken !== null)).toEqual([]);
    expect(subjects(dropped.email).filter((s) => s === 'Termin abgesagt')).toHaveLength(1);
  });

  it('each reminder fires once at its time, and only for appointments that still stand', async () => {
    at('2027-03-02T07:59:00.000Z');
    await dispatch();
    expect(subjects(ahead.email)).toEqual(['Terminbestätigung']);

    at('2027-03-02T08:00:00.000Z'); // 24 h before `ahead`
    await dispatch();
    await dispatch();
    expect(subjects(ahead.email)).toEqual(['Terminbestätigung', 'Erinnerung']);
    const [reminder] = smtp.to(ahead.email).slice(-1);
    expect(reminder?.text).toContain('wir erinnern Sie an Ihren Termin');
    expect(reminder?.text).toMatch(/\/booking\/verwaltung#bcm_/);
    expect((await mailRows(t, aheadId)).map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ['CONFIRMATION', 'SENT', 1],
      ['REMINDER_24H', 'SENT', 1],
      ['REMINDER_4H', 'PENDING', 0],
    ]);

    at('2027-03-03T03:59:00.000Z');
    await dispatch();
    expect(subjects(ahead.email)).toHaveLength(2);
    at('2027-03-03T04:00:00.000Z'); // 4 h before `ahead`
    await dispatch();
    expect(subjects(ahead.email)).toEqual(['Terminbestätigung', 'Erinnerung', 'Erinnerung']);
    // Once everything is sent, no plain manage token is kept.
    expect((await mailRows(t, aheadId)).filter((r) => r.manageToken !== null)).toEqual([]);

    at('2027-03-03T09:00:00.000Z'); // 24 h before the moved appointment; the cancelled one would have started
    await dispatch();
    expect(subjects(moved.email).filter((s) => s === 'Erinnerung')).toHaveLength(1);
    expect(subjects(dropped.email).filter((s) => s === 'Erinnerung')).toHaveLength(0);
    expect(subjects(soon.email)).toEqual(['Terminbestätigung']);
  });
});

describe('several api processes and restarts', () => {
  it('two processes dispatching at the same time send each reminder exactly once', async () => {
    const second = await createTestApp({ clock, sharing: t, env });
    try {
      // More than one claim batch (25): two appointments at each quarter hour of Friday morning, booked on
      // Wednesday; on Thursday 10:45Z all 24 h reminders are due and none is stale yet.
      const starts = Array.from({ length: 32 }, (_, i) =>
        new Date(Date.parse('2027-03-05T06:45:00.000Z') + Math.floor(i / 2) * 15 * 60_000).toISOString(),
      );
      const emails = starts.map(() => uniqueEmail('parallel'));
      for (const [i, email] of emails.entries()) {
        await book((i % 2 ? second : t).anonymous(), office, { start: starts[i] as string, email });
      }
      await Promise.all([dispatch(t), dispatch(second)]);
      at('2027-03-04T10:45:00.000Z');
      await Promise.all([
        t.app.services.mail.dispatchDue(),
        second.app.services.mail.dispatchDue(),
        t.app.services.mail.dispatchDue(),
        second.app.services.mail.dispatchDue(),
      ]);
      await settled((q) => t.sql(q));
      for (const email of emails) expect(subjects(email), email).toEqual(['Terminbestätigung', 'Erinnerung']);
      const [counts] = await t.sql<{ sent: number; attempts: number }>(
        `SELECT count(*)::int AS sent, sum(attempts)::int AS attempts FROM mail_message m
           JOIN appointment a ON a.id = m."appointmentId"
          WHERE a.email = ANY($1) AND m.kind = 'REMINDER_24H' AND m.status = 'SENT'`,
        [emails],
      );
      expect(counts).toEqual({ sent: 32, attempts: 32 });
    } finally {
      await second.close();
    }
  });

  it('reminders survive a restart: a new process sends what the stopped one had planned', async () => {
    const first = await createTestApp({ clock, sharing: t, env });
    const email = uniqueEmail('neustart');
    let b: Awaited<ReturnType<typeof book>>;
    try {
      b = await book(first.anonymous(), office, { start: '2027-03-08T08:00:00.000Z', email });
      await dispatch(first);
    } finally {
      await first.close();
    }
    const next = await createTestApp({ clock, sharing: t, env });
    try {
      at('2027-03-07T08:00:00.000Z');
      await dispatch(next);
      expect(subjects(email)).toEqual(['Terminbestätigung', 'Erinnerung']);
      expect((await mailRows(next, b.appointment.id)).map((r) => r.status)).toEqual(['SENT', 'SENT', 'PENDING']);
    } finally {
      await next.close();
    }
  });
});
