import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, cancel, loadOffice, mailRows, type Office, reschedule, uniqueEmail } from './mail-helpers.js';
import { decodeQrPng, type ReceivedMail, settled, TestSmtpServer } from './mail-server.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (UTC+1). Wednesday 3 March 09:00 local is 08:00Z.
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
const smtp = new TestSmtpServer();
let t: TestApp;
let office: Office;

/** 1×1 grey PNG. */
const PNG_FILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

beforeAll(async () => {
  await smtp.start();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, BOOKING_RATE_PER_HOUR: '1000' } });
  office = await loadOffice(t);
});
afterAll(async () => {
  await t?.close();
  await smtp.stop();
});

const html = (m: ReceivedMail) => (typeof m.html === 'string' ? m.html : '');
const attachment = (m: ReceivedMail, type: string) => m.attachments.find((a) => a.contentType.startsWith(type));

describe('booking confirmation', () => {
  it('arrives by itself (agenda dispatches after the commit) in German, with QR code, .ics, documents and link', async () => {
    const [landlordDoc] = await t.sql<{ id: string }>(
      `SELECT id FROM required_document WHERE name = 'Wohnungsgeberbescheinigung' LIMIT 1`,
    );
    const upload = await t.app.services.uploads.accept({
      documentId: landlordDoc?.id as string,
      fileName: 'vermieter.png',
      data: PNG_FILE,
      clientKey: 'test',
    });
    if (!upload.ok) throw new Error(upload.message);
    const email = uniqueEmail('erika');
    const booked = await book(t.anonymous(), office, {
      start: '2027-03-03T08:00:00.000Z',
      email,
      service: 'Anmeldung',
      uploadIds: [upload.upload.id],
    });

    // No dispatchDue() here: the agenda job queued after the commit sends it.
    const [mail] = await smtp.waitFor(email, 1);
    if (!mail) throw new Error('no mail');
    expect(mail.subject).toBe('Terminbestätigung: Mittwoch, 3. März 2027, 09:00 Uhr – Bürgercentrum');
    expect(mail.headers.get('content-language')).toBe('de');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);

    // Accessible HTML: language, headings, real text, described image, no remote images (no tracking).
    const body = html(mail);
    expect(body).toMatch(/<html lang="de"/);
    expect(body).toContain('<h1>Ihr Termin ist gebucht</h1>');
    expect(body).toContain('<h2>Bitte mitbringen</h2>');
    expect(body).toMatch(/<img src="cid:[^"]+" [^>]*alt="QR-Code zum Einchecken, Buchungsnummer [^"]+"/);
    expect(body).not.toMatch(/<img[^>]+src="(?!cid:)/);
    expect(body).not.toMatch(/<table/);
    expect(body).toContain('Marktplatz 1');

    // The QR code is an inline image whose content is the check-in code.
    const qr = attachment(mail, 'image/png');
    expect(qr?.contentDisposition).toBe('inline');
    expect(body).toContain(`cid:${qr?.cid}`);
    expect(decodeQrPng(qr?.content as Buffer)).toBe(booked.appointment.checkInCode);

    // A valid calendar file with the appointment's times.
    const ics = attachment(mail, 'text/calendar');
    expect(ics?.filename).toBe('termin.ics');
    const calendar = new ICAL.Component(ICAL.parse(ics?.content.toString('utf8') as string));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe(booked.appointment.startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe(booked.appointment.endsAt);
    expect(event.summary).toBe('Bürgercentrum: Anmeldung / Ummeldung Wohnsitz');

    // Plain text: documents with the uploaded one marked, the manage link with the token in the fragment.
    const text = mail.text ?? '';
    expect(text).toContain('BITTE MITBRINGEN');
    expect(text).toContain('- Bisheriger Personalausweis oder Reisepass');
    expect(text).toMatch(/- Wohnungsgeberbescheinigung: .*\n {2}\[bereits hochgeladen: vermieter\.png\]/);
    expect(text).toContain(`/booking/verwaltung#${booked.manageToken}`);
    expect(body).toMatch(new RegExp(`href="http://localhost:\\d+/booking/verwaltung#${booked.manageToken}"`));
    expect(text).toContain(booked.appointment.reference);

    // Sent: the plain token is gone from that row; the pending reminders still hold it for their links.
    await settled((q) => t.sql(q));
    const rows = await mailRows(t, booked.appointment.id);
    expect(rows.map((r) => [r.kind, r.status, r.manageToken !== null])).toEqual([
      ['CONFIRMATION', 'SENT', false],
      ['REMINDER_24H', 'PENDING', true],
      ['REMINDER_4H', 'PENDING', true],
    ]);
  });

  it('is in English for a booking in English', async () => {
    const email = uniqueEmail('john');
    await book(t.anonymous(), office, { start: '2027-03-03T08:30:00.000Z', email, language: 'en' });
    await t.app.services.mail.dispatchDue();
    const [mail] = await smtp.waitFor(email, 1);
    expect(mail?.subject).toBe('Appointment confirmed: Wednesday, 3 March 2027, 09:30 – Bürgercentrum');
    expect(html(mail as ReceivedMail)).toMatch(/<html lang="en"/);
    expect(html(mail as ReceivedMail)).toContain('<h1>Your appointment is booked</h1>');
    expect(mail?.text).toContain('Hello Erika Mustermann,');
    expect(mail?.text).toContain('PLEASE BRING');
    expect(mail?.text).not.toMatch(/Bitte|Termin ist/);
  });
});

describe('the office’s contact in mails', () => {
  it('shows the office’s phone (tel: link) and email (mailto: link) when set, and nothing when not', async () => {
    const email = uniqueEmail('kontakt');
    await book(t.anonymous(), office, { start: '2027-03-03T10:00:00.000Z', email });
    await t.app.services.mail.dispatchDue();
    const [mail] = await smtp.waitFor(email, 1);
    const body = html(mail as ReceivedMail);
    expect(body).toContain('<dt>Fragen?</dt>');
    expect(body).toContain('Rufen Sie uns an: <a href="tel:+493023125100">030 23125 100</a>');
    expect(body).toContain(
      'E-Mail: <a href="mailto:buergercentrum@pforzheim.example">buergercentrum@pforzheim.example</a>',
    );
    expect(mail?.text).toMatch(/Telefon: +030 23125 100\n/);
    expect(mail?.text).toMatch(/E-Mail: +buergercentrum@pforzheim\.example\n/);

    const english = uniqueEmail('contact');
    await book(t.anonymous(), office, { start: '2027-03-03T10:30:00.000Z', email: english, language: 'en' });
    await t.app.services.mail.dispatchDue();
    const [en] = await smtp.waitFor(english, 1);
    expect(html(en as ReceivedMail)).toContain('Call us: <a href="tel:+493023125100">030 23125 100</a>');
    expect(en?.text).toMatch(/Email: +buergercentrum@pforzheim\.example\n/);

    // An office without contact data: no empty "Fragen?" entry, no phone or email lines.
    const [saved] = await t.sql<{ phone: string; email: string }>('SELECT phone, email FROM office WHERE id = $1', [
      office.id,
    ]);
    await t.sql('UPDATE office SET phone = NULL, email = NULL WHERE id = $1', [office.id]);
    try {
      const none = uniqueEmail('ohne');
      await book(t.anonymous(), office, { start: '2027-03-03T11:00:00.000Z', email: none });
      await t.app.services.mail.dispatchDue();
      const [plain] = await smtp.waitFor(none, 1);
      expect(html(plain as ReceivedMail)).not.toContain('Fragen?');
      expect(html(plain as ReceivedMail)).not.toMatch(/tel:|mailto:/);
      expect(plain?.text).not.toMatch(/Telefon:|E-Mail:/);
      expect(plain?.text).toMatch(/Wo: +Bürgercentrum, Marktplatz 1, 75175 Pforzheim\nAnliegen:/);
    } finally {
      await t.sql('UPDATE office SET phone = $2, email = $3 WHERE id = $1', [office.id, saved?.phone, saved?.email]);
    }
  });
});

describe('reschedule and cancellation notices', () => {
  it('tell the new time (with calendar file and link) and the cancellation (without link)', async () => {
    const email = uniqueEmail('max');
    const booked = await book(t.anonymous(), office, { start: '2027-03-04T08:00:00.000Z', email });
    expect(await reschedule(t.anonymous(), booked.manageToken, '2027-03-04T09:00:00.000Z')).toBe('Appointment');
    await t.app.services.mail.dispatchDue();
    const moved = (await smtp.waitFor(email, 2)).find((m) => m.subject?.startsWith('Termin verschoben'));
    expect(moved?.subject).toBe('Termin verschoben: jetzt Donnerstag, 4. März 2027, 10:00 Uhr – Bürgercentrum');
    expect(moved?.text).toContain(`#${booked.manageToken}`);
    const ics = attachment(moved as ReceivedMail, 'text/calendar')?.content.toString('utf8') ?? '';
    expect(ics).toContain('DTSTART:20270304T090000Z');
    expect(decodeQrPng(attachment(moved as ReceivedMail, 'image/png')?.content as Buffer)).toBe(
      booked.appointment.checkInCode,
    );

    expect(await cancel(t.anonymous(), booked.manageToken)).toBe('Appointment');
    await t.app.services.mail.dispatchDue();
    const cancelled = (await smtp.waitFor(email, 3)).find((m) => m.subject?.startsWith('Termin abgesagt'));
    expect(cancelled?.subject).toBe('Termin abgesagt: Donnerstag, 4. März 2027, 10:00 Uhr – Bürgercentrum');
    expect(cancelled?.text).toMatch(/http:\/\/localhost:\d+\/booking\//);
    expect(cancelled?.text).not.toContain('verwaltung');
    // No QR code any more; only the calendar file that takes the appointment out of the calendar.
    expect(cancelled?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['termin-abgesagt.ics', 'text/calendar'],
    ]);
    // No plain token is left anywhere for this appointment.
    await settled((q) => t.sql(q));
    const rows = await mailRows(t, booked.appointment.id);
    expect(rows.filter((r) => r.manageToken !== null)).toEqual([]);
  });
});

/** The calendar file a mail carries, parsed by a real iCalendar parser, and the METHOD its MIME part names. */
function calendarOf(mail: ReceivedMail | undefined) {
  const part = mail && attachment(mail, 'text/calendar');
  if (!part) throw new Error(`no calendar file in "${mail?.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const vevent = events[0] as ICAL.Component;
  return {
    filename: part.filename,
    partMethod: part.headers.get('content-type') as { params?: { method?: string } } | undefined,
    method: calendar.getFirstPropertyValue('method'),
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    status: vevent.getFirstPropertyValue('status'),
    organizer: vevent.getFirstPropertyValue('organizer'),
    start: new ICAL.Event(vevent).startDate.toJSDate().toISOString(),
    end: new ICAL.Event(vevent).endDate.toJSDate().toISOString(),
  };
}

describe('calendar files across changes', () => {
  it('keep one UID and raise SEQUENCE on every change; the cancellation is a METHOD:CANCEL', async () => {
    const email = uniqueEmail('kalender');
    const subject = (prefix: string) => async (n: number) =>
      (await smtp.waitFor(email, n)).find((m) => m.subject?.startsWith(prefix));
    const booked = await book(t.anonymous(), office, { start: '2027-03-05T08:00:00.000Z', email });
    const confirmation = calendarOf(await subject('Terminbestätigung')(1));

    expect(await reschedule(t.anonymous(), booked.manageToken, '2027-03-05T10:00:00.000Z')).toBe('Appointment');
    const moved = calendarOf(await subject('Termin verschoben')(2));

    // What the manage page offers for download is the same event, as it is now.
    const CALENDAR = `query($t: String!) { appointmentByToken(token: $t) { ... on Appointment { calendar } } }`;
    const download = async () => {
      const r = await t
        .anonymous()
        .ok<{ appointmentByToken: { calendar: string } }>(CALENDAR, { t: booked.manageToken });
      const calendar = new ICAL.Component(ICAL.parse(r.appointmentByToken.calendar));
      const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
      return {
        method: calendar.getFirstPropertyValue('method'),
        uid: vevent.getFirstPropertyValue('uid'),
        sequence: vevent.getFirstPropertyValue('sequence'),
        status: vevent.getFirstPropertyValue('status'),
      };
    };
    const movedDownload = await download();

    expect(await cancel(t.anonymous(), booked.manageToken)).toBe('Appointment');
    const cancelled = calendarOf(await subject('Termin abgesagt')(3));
    const cancelledDownload = await download();

    expect(confirmation).toMatchObject({
      filename: 'termin.ics',
      method: 'PUBLISH',
      status: 'CONFIRMED',
      uid: `${booked.appointment.id}@localhost`,
      organizer: 'mailto:noreply@localhost',
      start: '2027-03-05T08:00:00.000Z',
      end: '2027-03-05T08:15:00.000Z',
    });
    expect(moved).toMatchObject({ method: 'PUBLISH', status: 'CONFIRMED', uid: confirmation.uid });
    expect(moved.start).toBe('2027-03-05T10:00:00.000Z');
    expect(moved.end).toBe('2027-03-05T10:15:00.000Z');
    expect(cancelled).toMatchObject({
      filename: 'termin-abgesagt.ics',
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: confirmation.uid,
      organizer: confirmation.organizer,
      start: moved.start,
    });
    expect(confirmation.sequence).toBeLessThan(moved.sequence);
    expect(moved.sequence).toBeLessThan(cancelled.sequence);
    // The MIME part names the file's METHOD, as iMIP asks.
    expect([confirmation, moved, cancelled].map((c) => c.partMethod?.params?.method)).toEqual([
      'PUBLISH',
      'PUBLISH',
      'CANCEL',
    ]);
    expect(movedDownload).toEqual({
      method: 'PUBLISH',
      uid: confirmation.uid,
      sequence: moved.sequence,
      status: 'CONFIRMED',
    });
    expect(cancelledDownload).toEqual({
      method: 'CANCEL',
      uid: confirmation.uid,
      sequence: cancelled.sequence,
      status: 'CANCELLED',
    });
  });
});

describe('dev mailbox', () => {
  it('is not served when a real SMTP server is configured', async () => {
    const res = await fetch(`${t.baseUrl}/dev/mailbox`);
    expect(res.status).toBe(404);
  });

  it('shows the mails the embedded catcher got when there is no SMTP_URL', async () => {
    const dev = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000' } });
    try {
      const email = uniqueEmail('dev');
      const booked = await book(dev.anonymous(), await loadOffice(dev), { start: '2027-03-03T09:00:00.000Z', email });
      type Listed = { id: string; to: string[]; subject: string; text: string; attachments: { filename: string }[] };
      let listed: Listed | undefined;
      for (let i = 0; i < 200 && !listed; i++) {
        await dev.app.services.mail.dispatchDue();
        const all = (await (await fetch(`${dev.baseUrl}/dev/mailbox/messages.json`)).json()) as Listed[];
        listed = all.find((m) => m.to.includes(email));
        if (!listed) await new Promise((r) => setTimeout(r, 50));
      }
      if (!listed) throw new Error('the dev mailbox got no mail');
      expect(listed.subject).toMatch(/^Terminbestätigung/);
      expect(listed.text).toContain(booked.appointment.reference);
      expect(listed.attachments.map((a) => a.filename).sort()).toEqual(['check-in-qr-code.png', 'termin.ics']);

      const list = await fetch(`${dev.baseUrl}/dev/mailbox`);
      expect(list.headers.get('cache-control')).toBe('no-store');
      expect(await list.text()).toContain(`href="/dev/mailbox/${listed.id}"`);
      const page = await (await fetch(`${dev.baseUrl}/dev/mailbox/${listed.id}`)).text();
      expect(page).toMatch(/<iframe title="HTML part of the mail" sandbox src="\/dev\/mailbox\/[^"]+\/html">/);
      const part = await fetch(`${dev.baseUrl}/dev/mailbox/${listed.id}/html`);
      expect(part.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
      // mailparser turned the inline cid: image into a data: URL the sandboxed page may show.
      expect(await part.text()).toMatch(/<img src="data:image\/png;base64,/);
    } finally {
      await dev.close();
    }
  });
});
