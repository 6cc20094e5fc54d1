import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../booking/appointment-view.js';
import { AppointmentStatus, BookingChannel, DocumentCheckState } from '../booking/appointment-view.js';
import { mailData } from './compose.js';
import { MailKind } from './mail-message.entity.js';
import { MailTemplates, mailLanguages, TemplateError } from './templates.js';

const view: AppointmentView = {
  id: '7b0c1c53-6f39-4a53-8f43-9d0d4d0e7c11',
  officeId: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  reference: 'K7M4-PQ2X',
  status: AppointmentStatus.BOOKED,
  startsAt: new Date('2027-07-06T07:00:00Z'),
  endsAt: new Date('2027-07-06T07:30:00Z'),
  citizenName: 'Zoë <script>alert(1)</script> Öztürk',
  email: 'zoe@example.de',
  phone: null,
  language: 'de',
  channel: BookingChannel.WEB,
  checkInCode: 'BC1-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  createdAt: new Date('2027-07-01T10:00:00Z'),
  cancelledAt: null,
  calendarSequence: 0,
  services: [
    {
      serviceId: 's1',
      name: 'Personalausweis beantragen',
      description: '',
      translations: [],
      durationMinutes: 15,
      count: 2,
    },
    { serviceId: 's2', name: 'Meldebescheinigung', description: '', translations: [], durationMinutes: 5, count: 1 },
  ],
  documents: [
    {
      documentId: 'd1',
      name: 'Biometrisches Passfoto',
      description: 'Nicht älter als sechs Monate.',
      translations: [],
      mandatory: true,
      uploadable: false,
      uploads: [],
    },
    {
      documentId: 'd2',
      name: 'Wohnungsgeberbescheinigung',
      description: '',
      translations: [],
      mandatory: false,
      uploadable: true,
      uploads: [
        {
          id: 'u1',
          fileName: 'wgb.pdf',
          mediaType: 'application/pdf',
          sizeBytes: 1000,
          checkState: DocumentCheckState.REPLACE,
          checkMessage: 'Die Unterschrift <fehlt>.',
          checkedAt: new Date('2027-07-05T10:00:00Z'),
        },
      ],
    },
  ],
};
const office = {
  name: 'Bürgercentrum',
  street: 'Marktplatz 1',
  postalCode: '75175',
  city: 'Pforzheim',
  timeZone: 'Europe/Berlin',
};
const templates = new MailTemplates();

function render(
  kind: MailKind,
  language: 'de' | 'en',
  manageUrl: string | null = 'https://t.example/booking/verwaltung#bcm_x',
) {
  const {
    template,
    language: lang,
    data,
  } = mailData({
    kind,
    view: { ...view, language },
    office,
    manageUrl,
    bookingUrl: 'https://t.example/booking/',
  });
  return templates.render(lang, template, data);
}

describe('mail templates', () => {
  it('name services and documents in English where the office translated them, German marked lang="de" otherwise', () => {
    const translated = {
      ...view,
      language: 'en',
      services: view.services.map((s, i) =>
        i === 0
          ? { ...s, translations: [{ language: 'en' as const, name: 'Apply for an identity card', description: 'x' }] }
          : s,
      ),
    };
    const { template, data } = mailData({
      kind: MailKind.CONFIRMATION,
      view: translated,
      office,
      manageUrl: null,
      bookingUrl: 'https://t.example/booking/',
    });
    const mail = templates.render('en', template, data);
    expect(mail.text).toContain('Apply for an identity card');
    expect(mail.text).not.toContain('Personalausweis beantragen');
    expect(mail.html).toContain('<span lang="de">Meldebescheinigung</span>');
    expect(mail.html).toContain('<strong lang="de">Biometrisches Passfoto</strong>');
    expect(render(MailKind.CONFIRMATION, 'de').text).toContain('Personalausweis beantragen');
  });

  it('render every mail in every language with a subject, accessible HTML and plain text', () => {
    for (const language of mailLanguages) {
      for (const kind of Object.values(MailKind)) {
        const mail = render(kind, language);
        expect(mail.subject, `${language} ${kind}`).toMatch(/Bürgercentrum$/);
        expect(mail.subject).not.toMatch(/\n/);
        expect(mail.html).toContain(`<html lang="${language}" dir="ltr">`);
        expect(mail.html).toContain(`<title>${mail.subject}</title>`);
        expect(mail.html.match(/<h1>/g)).toHaveLength(1);
        expect(mail.html).not.toMatch(/\{\{|\}\}|undefined|\[object/);
        expect(mail.text).not.toMatch(/\{\{|\}\}|undefined|\[object|<\/?(p|br|a|h\d|ul|li|dl|dt|dd|img|span|strong)\b/);
        expect(mail.text).toContain('Marktplatz 1');
        expect(mail.text).toContain('K7M4-PQ2X');
      }
    }
  });

  it('show the time in the office’s zone and language (summer time)', () => {
    expect(render(MailKind.CONFIRMATION, 'de').subject).toBe(
      'Terminbestätigung: Dienstag, 6. Juli 2027, 09:00 Uhr – Bürgercentrum',
    );
    expect(render(MailKind.REMINDER_4H, 'en').subject).toBe(
      'Reminder: your appointment on Tuesday, 6 July 2027 at 09:00 – Bürgercentrum',
    );
    expect(render(MailKind.CONFIRMATION, 'de').text).toContain('Dienstag, 6. Juli 2027, 09:00 bis 09:30 Uhr');
  });

  it('list services with counts and the documents, marking optional and uploaded ones', () => {
    const { text, html } = render(MailKind.REMINDER_24H, 'de');
    expect(text).toContain('Anliegen:       2 × Personalausweis beantragen, Meldebescheinigung');
    expect(text).toContain('- Biometrisches Passfoto: Nicht älter als sechs Monate.');
    expect(text).toContain('- Wohnungsgeberbescheinigung (falls zutreffend)\n  [bereits hochgeladen: wgb.pdf]');
    expect(html).toContain('<span class="uploaded">✓ Bereits hochgeladen:</span> wgb.pdf');
    expect(render(MailKind.REMINDER_24H, 'en').text).toContain('[already uploaded: wgb.pdf]');
  });

  it('name the files the pre-check asks to replace, with the office’s message, and the manage link', () => {
    const de = render(MailKind.DOCUMENT_CHECK, 'de');
    expect(de.subject).toBe(
      'Bitte Unterlagen ersetzen oder mitbringen: Termin am Dienstag, 6. Juli 2027 um 09:00 Uhr – Bürgercentrum',
    );
    expect(de.text).toContain('- Wohnungsgeberbescheinigung (wgb.pdf): Die Unterschrift <fehlt>.');
    expect(de.html).toContain('Die Unterschrift &lt;fehlt&gt;.');
    expect(de.text).toContain('https://t.example/booking/verwaltung#bcm_x');
    const en = render(MailKind.DOCUMENT_CHECK, 'en', null);
    expect(en.text).toContain('with the link in your booking confirmation');
    expect(en.html).not.toContain('verwaltung#');
  });

  it('escape what the citizen typed in HTML, and keep it as typed in plain text', () => {
    const { html, text } = render(MailKind.CONFIRMATION, 'de');
    expect(html).toContain('Zoë &lt;script&gt;alert(1)&lt;/script&gt; Öztürk');
    expect(html).not.toContain('<script>');
    expect(text).toContain('Guten Tag Zoë <script>alert(1)</script> Öztürk,');
  });

  it('carry the QR code and the manage link where they belong, and no remote images', () => {
    const confirmation = render(MailKind.CONFIRMATION, 'en');
    expect(confirmation.html).toMatch(/<img src="cid:checkin-qr@buergercentrum" width="200" height="200" alt="QR code/);
    expect(confirmation.html).toContain('<a href="https://t.example/booking/verwaltung#bcm_x">');
    const cancelled = render(MailKind.CANCELLED, 'en');
    expect(cancelled.html).not.toContain('<img');
    expect(cancelled.text).not.toContain('verwaltung');
    expect(cancelled.text).toContain('https://t.example/booking/');
    const noLink = render(MailKind.RESCHEDULED, 'de', null);
    expect(noLink.text).toContain('über den Link in Ihrer Buchungsbestätigung ab');
    for (const kind of Object.values(MailKind)) {
      expect(render(kind, 'de').html).not.toMatch(/<img[^>]+src="(?!cid:)/);
    }
  });

  it('fail with the variable’s name when the data lacks one', () => {
    const { data } = mailData({ kind: MailKind.CONFIRMATION, view, office, manageUrl: null, bookingUrl: 'x' });
    const { reference: _missing, ...incomplete } = data;
    expect(() => templates.render('de', 'confirmation', incomplete)).toThrow(TemplateError);
    expect(() => templates.render('de', 'confirmation', incomplete)).toThrow(/"reference" not defined/);
  });
});
