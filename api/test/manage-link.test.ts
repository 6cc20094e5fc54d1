/**
 * "Termin wiederfinden": reference + email → the manage link is mailed again to the booked address. The answer is
 * the same whether or not the appointment exists; requests are limited per caller address and per reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Booked, book, cancel, loadOffice, mailRows, type Office, uniqueEmail } from './mail-helpers.js';
import { type ReceivedMail, TestSmtpServer } from './mail-server.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (UTC+1).
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
const smtp = new TestSmtpServer();
let t: TestApp;
let office: Office;

const REQUEST = `mutation($r: String!, $e: String!) { requestManageLink(reference: $r, email: $e) {
  __typename
  ... on ManageLinkRequested { reference }
  ... on InvalidInput { fields { field code } }
  ... on LimitReached { limit retryAfterSeconds } } }`;
type Answer = {
  __typename: string;
  reference?: string;
  fields?: { field: string; code: string }[];
  retryAfterSeconds?: number;
};

/** Each request its own caller address (TRUST_PROXY), unless a test means one caller to ask many times. */
let callers = 0;
const caller = () => `203.0.113.${++callers}`;
async function ask(reference: string, email: string, address = caller()): Promise<Answer> {
  const res = await t
    .anonymous()
    .request<{ requestManageLink: Answer }>(
      REQUEST,
      { r: reference, e: email },
      { headers: { 'x-forwarded-for': address } },
    );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.requestManageLink;
}
const linkIn = (mail: ReceivedMail) => /verwaltung#(bcm_[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
const works = async (token: string) =>
  (
    await t
      .anonymous()
      .ok<{ appointmentByToken: { __typename: string } }>(
        'query($t: String!) { appointmentByToken(token: $t) { __typename } }',
        { t: token },
      )
  ).appointmentByToken.__typename === 'Appointment';

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, BOOKING_RATE_PER_HOUR: '1000', TRUST_PROXY: 'true' } });
  office = await loadOffice(t);
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

describe('Termin wiederfinden', () => {
  let booked: Booked;
  let email: string;

  it('mails the link again, to the booked address, as typed in any case and spacing', async () => {
    email = uniqueEmail('wiederfinden');
    // Wednesday: the reminders are still unsent and hold the link, so the same link goes out again.
    booked = await book(t.anonymous(), office, { start: '2027-03-03T09:00:00.000Z', email });
    await smtp.waitFor(email, 1);
    const reference = booked.appointment.reference.toLowerCase().replace('-', ' ');
    const answer = await ask(` ${reference} `, email.toUpperCase());
    expect(answer).toEqual({ __typename: 'ManageLinkRequested', reference: booked.appointment.reference });
    const [, mail] = await smtp.waitFor(email, 2);
    expect(mail?.subject).toBe('Ihr Link zum Termin am Mittwoch, 3. März 2027 um 10:00 Uhr – Bürgercentrum');
    expect(linkIn(mail as ReceivedMail)).toBe(booked.manageToken);
    expect(mail?.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(false);
    expect(await works(booked.manageToken)).toBe(true);
  });

  it('answers the same and sends nothing for a wrong address or an unknown reference', async () => {
    const wrong = uniqueEmail('fremd');
    const before = (await mailRows(t, booked.appointment.id)).length;
    const answers = [
      await ask(booked.appointment.reference, wrong),
      await ask('ZZZZ-ZZZZ', email),
      await ask(booked.appointment.reference, email.replace('@', '.x@')),
    ];
    const right = await ask(booked.appointment.reference, email);
    const same = { __typename: 'ManageLinkRequested', reference: booked.appointment.reference };
    expect(right).toEqual(same);
    expect(answers).toEqual([same, { ...same, reference: 'ZZZZ-ZZZZ' }, same]);
    expect(smtp.received.filter((m) => m.envelopeTo.includes(wrong))).toEqual([]);
    // Only the right request queued a mail.
    expect((await mailRows(t, booked.appointment.id)).length).toBe(before + 1);
  });

  it('issues a new link when no unsent mail holds the old one; the old one stops working', async () => {
    const mail = uniqueEmail('neu');
    // Today at 10:30: no reminders are due any more, so only the confirmation held the link, and it is sent.
    const today = await book(t.anonymous(), office, { start: '2027-03-01T09:30:00.000Z', email: mail });
    await smtp.waitFor(mail, 1);
    // Once the confirmation is settled as sent, no mail row holds the link any more.
    await expect
      .poll(async () => (await mailRows(t, today.appointment.id)).map((r) => [r.kind, r.status, r.manageToken]))
      .toEqual([['CONFIRMATION', 'SENT', null]]);
    expect((await ask(today.appointment.reference, mail)).__typename).toBe('ManageLinkRequested');
    const [, again] = await smtp.waitFor(mail, 2);
    const token = linkIn(again as ReceivedMail) as string;
    expect(token).toMatch(/^bcm_/);
    expect(token).not.toBe(today.manageToken);
    expect(await works(token)).toBe(true);
    expect(await works(today.manageToken)).toBe(false);
  });

  it('sends nothing for a cancelled appointment (the answer is the same)', async () => {
    const mail = uniqueEmail('abgesagt');
    const gone = await book(t.anonymous(), office, { start: '2027-03-04T09:00:00.000Z', email: mail });
    await cancel(t.anonymous(), gone.manageToken);
    expect(await t.sql('SELECT status FROM appointment WHERE id = $1', [gone.appointment.id])).toEqual([
      { status: 'CANCELLED' },
    ]);
    const before = (await mailRows(t, gone.appointment.id)).length;
    expect((await ask(gone.appointment.reference, mail)).__typename).toBe('ManageLinkRequested');
    expect((await mailRows(t, gone.appointment.id)).length).toBe(before);
  });

  it('refuses malformed input with field errors', async () => {
    const answer = await ask('K7M4', 'kein-at');
    expect(answer).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'reference', code: 'INVALID' },
        { field: 'email', code: 'INVALID' },
      ],
    });
  });

  it('limits requests per reference (the citizen’s mailbox) and per caller address (guessing)', async () => {
    const mail = uniqueEmail('limit');
    const target = await book(t.anonymous(), office, { start: '2027-03-05T09:00:00.000Z', email: mail });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await ask(target.appointment.reference, mail)).__typename);
    expect(answers).toEqual([...Array(5).fill('ManageLinkRequested'), 'LimitReached']);
    const rows = await mailRows(t, target.appointment.id);
    expect(rows.filter((r) => r.kind === 'MANAGE_LINK')).toHaveLength(5);

    const guesser = caller();
    const tries = [];
    for (let i = 0; i < 11; i++)
      tries.push(await ask(`ABCD-EF${'23456789AB'[i % 10]}${i < 10 ? 'C' : 'D'}`, mail, guesser));
    expect(tries.slice(0, 10).every((x) => x.__typename === 'ManageLinkRequested')).toBe(true);
    expect(tries[10]?.__typename).toBe('LimitReached');
    expect(tries[10]?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
