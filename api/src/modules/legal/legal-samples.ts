/**
 * The sample texts shown until an administrator saves the installation's own (pure data). They say that they are
 * samples, so that no office goes live with them unnoticed; the administration page warns as well. Body format: see
 * docs/decisions.md ("Legal pages"): paragraphs separated by an empty line, "## " starts a heading, "- " a list item.
 */
import { type LegalPageContent, LegalPageKind } from './legal-rules.js';

const SAMPLE_NOTE_DE =
  'Dies ist ein Mustertext. Die Verwaltung ersetzt ihn unter Verwaltung › Rechtliche Seiten durch ihre eigenen Angaben.';
const SAMPLE_NOTE_EN =
  'This is a sample text. The administration replaces it with its own details under Administration › Legal pages.';

export const LEGAL_SAMPLES: Record<LegalPageKind, LegalPageContent> = {
  [LegalPageKind.IMPRINT]: {
    feedbackEmail: null,
    texts: [
      {
        language: 'de',
        title: 'Impressum',
        body: `${SAMPLE_NOTE_DE}

## Anbieterin
Stadt Musterstadt
Der Oberbürgermeister
Bürgercentrum
Marktplatz 1
12345 Musterstadt

## Kontakt
Telefon: 0123 456-0
E-Mail: buergercentrum@musterstadt.example

## Vertretungsberechtigt
Die Stadt Musterstadt ist eine Körperschaft des öffentlichen Rechts. Sie wird vertreten durch den Oberbürgermeister.

## Umsatzsteuer-Identifikationsnummer
DE 000 000 000

## Verantwortlich für den Inhalt
Leitung des Bürgercentrums, Anschrift wie oben.`,
      },
      {
        language: 'en',
        title: 'Legal notice',
        body: `${SAMPLE_NOTE_EN}

## Provider
City of Musterstadt
The Lord Mayor
Bürgercentrum (citizen office)
Marktplatz 1
12345 Musterstadt, Germany

## Contact
Phone: +49 123 456-0
Email: buergercentrum@musterstadt.example

## Responsible for the content
Head of the Bürgercentrum, address as above.`,
      },
    ],
  },
  [LegalPageKind.PRIVACY]: {
    feedbackEmail: null,
    texts: [
      {
        language: 'de',
        title: 'Datenschutzerklärung',
        body: `${SAMPLE_NOTE_DE}

## Verantwortliche Stelle
Stadt Musterstadt, Bürgercentrum, Marktplatz 1, 12345 Musterstadt.
Die oder der Datenschutzbeauftragte ist erreichbar unter datenschutz@musterstadt.example.

## Was wir speichern und wozu
- Bei einer Terminbuchung: Name, E-Mail-Adresse, auf Wunsch Telefonnummer, gewählte Sprache und den Zeitpunkt Ihrer Einwilligung, um den Termin zu vergeben, Ihnen Bestätigung und Erinnerungen zu senden und Sie am Schalter aufzurufen.
- Hochgeladene Unterlagen, damit die Sachbearbeitung Ihren Besuch vorbereiten kann. Das Hochladen ist freiwillig.
- Bei einer Wartenummer: keine Namen, nur die Nummer, die Anliegen und die Zeiten des Besuchs.

## Rechtsgrundlage
Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit den Vorschriften über die jeweilige Verwaltungsleistung; für freiwillige Angaben Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO), die Sie jederzeit widerrufen können.

## Wie lange
Ihre persönlichen Angaben und Unterlagen werden 14 Tage nach dem Termin gelöscht, bei einer Absage 14 Tage nach der Absage. Übrig bleiben nur Angaben ohne Personenbezug für die Statistik.

## Ihre Rechte
Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch. Sie können sich bei der Aufsichtsbehörde für den Datenschutz Ihres Landes beschweren.

## Technik
Diese Seiten setzen keine Cookies zur Analyse und binden keine Inhalte Dritter ein. In Ihrem Browser bleiben nur: die Sprache, die Leseeinstellungen und bei einer Wartenummer der Link zu Ihrer Nummer für den Tag, damit Sie sie wiederfinden. Nichts davon wird an uns gesendet.`,
      },
      {
        language: 'en',
        title: 'Privacy notice',
        body: `${SAMPLE_NOTE_EN}

## Controller
City of Musterstadt, Bürgercentrum, Marktplatz 1, 12345 Musterstadt, Germany.
The data protection officer: datenschutz@musterstadt.example.

## What we store and why
- For an appointment: name, email address, phone number if you give one, your language and the time of your consent, to give you the appointment, send the confirmation and reminders and call you at the counter.
- Documents you upload, so that the clerk can prepare your visit. Uploading is voluntary.
- For a walk-in ticket: no names, only the number, the services and the times of the visit.

## How long
Your personal details and documents are deleted 14 days after the appointment, or 14 days after a cancellation. Only data that identifies nobody stays, for statistics.

## Legal basis
Article 6(1)(e) GDPR together with the rules of the administrative service concerned; for voluntary details your consent (Article 6(1)(a) GDPR), which you may withdraw at any time.

## Your rights
You may ask for access, correction, deletion or restriction, and object. You may complain to your state's data protection authority.

## Technology
These pages set no analytics cookies and embed nothing from third parties. Your browser keeps only your language, your reading settings and, for a walk-in ticket, the link to your ticket for the day, so that you find it again. None of this is sent to us.`,
      },
    ],
  },
  [LegalPageKind.ACCESSIBILITY]: {
    feedbackEmail: 'barrierefreiheit@musterstadt.example',
    texts: [
      {
        language: 'de',
        title: 'Erklärung zur Barrierefreiheit',
        body: `${SAMPLE_NOTE_DE}

Die Stadt Musterstadt ist bemüht, ihre Websites im Einklang mit § 12a des Behindertengleichstellungsgesetzes (BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.

## Stand der Vereinbarkeit mit den Anforderungen
Die Terminbuchung, die Sendungsverfolgung der Wartenummer und die Aufrufanzeige sind mit den Anforderungen der BITV 2.0 (WCAG 2.1, Stufe AA) vereinbar. Jede Seite wird bei jeder Änderung automatisch mit axe-core geprüft und mit der Tastatur bedient.

## Erstellung dieser Erklärung
Diese Erklärung wurde am 1. Dezember 2026 erstellt. Grundlage ist eine Selbstbewertung.

## Barrieren melden
Wenn Ihnen Barrieren auffallen oder Sie Informationen in einer anderen Form brauchen, schreiben Sie uns an die unten genannte Adresse. Wir antworten innerhalb von zwei Wochen.

## Schlichtungsverfahren
Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungsstelle nach § 16 BGG oder die zuständige Stelle Ihres Landes wenden.`,
      },
      {
        language: 'en',
        title: 'Accessibility statement',
        body: `${SAMPLE_NOTE_EN}

The City of Musterstadt strives to make its websites accessible in accordance with § 12a of the German Disability Equality Act (BGG) and the BITV 2.0.

## Compliance status
Booking, ticket tracking and the call display comply with BITV 2.0 (WCAG 2.1, level AA). Every page is checked with axe-core and used by keyboard on every change.

## Report a barrier
If you find a barrier or need information in another form, write to the address below. We answer within two weeks.

## Conciliation procedure
If you do not get a satisfactory answer, you can turn to the conciliation body under § 16 BGG or the body responsible in your state.`,
      },
    ],
  },
};
