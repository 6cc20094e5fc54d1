/**
 * The legal pages every citizen page links to (pure: no database, no clock): Impressum (§ 5 DDG), Datenschutz
 * (Art. 13 DSGVO) and the Erklärung zur Barrierefreiheit (§ 12b BGG, BITV 2.0), which must name a feedback contact.
 * Each installation writes its own texts; until it does, the sample texts of legal-samples.ts are shown.
 */
import { z } from 'zod';
import { multiLine, singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';

export enum LegalPageKind {
  IMPRINT = 'IMPRINT',
  PRIVACY = 'PRIVACY',
  ACCESSIBILITY = 'ACCESSIBILITY',
}

/** German is the binding text and always present; English is a courtesy translation and may be left out. */
export const LEGAL_LANGUAGES = ['de', 'en'] as const;
export type LegalLanguage = (typeof LEGAL_LANGUAGES)[number];

export const LEGAL_TITLE_MAX = 120;
export const LEGAL_BODY_MAX = 30_000;

export type LegalText = { language: LegalLanguage; title: string; body: string };
export type LegalPageContent = { texts: LegalText[]; feedbackEmail: string | null };
export type LegalPageInput = {
  texts: { language: string; title: string; body: string }[];
  feedbackEmail?: string | null;
};

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const email = z.email();
const isLanguage = (l: string): l is LegalLanguage => (LEGAL_LANGUAGES as readonly string[]).includes(l);

/**
 * A page as an administrator saves it: a German text (title and body) is required, English is optional (both or
 * neither), each language once; titles are one line, bodies keep their paragraphs. The accessibility statement
 * needs the feedback email (BITV 2.0 § 7: a way to report barriers); the other pages may name one.
 */
export function checkLegalPage(kind: LegalPageKind, input: LegalPageInput): Checked<LegalPageContent> {
  const problems: FieldProblem[] = [];
  const texts: LegalText[] = [];
  const seen = new Set<string>();
  input.texts.forEach((raw, i) => {
    const at = `texts.${i}`;
    if (!isLanguage(raw.language)) {
      problems.push({
        field: `${at}.language`,
        code: 'UNSUPPORTED',
        message: 'Texts are German (de) or English (en).',
      });
      return;
    }
    if (seen.has(raw.language)) {
      problems.push({ field: `${at}.language`, code: 'DUPLICATE', message: 'Each language at most once.' });
      return;
    }
    seen.add(raw.language);
    const title = singleLine(raw.title);
    const body = multiLine(raw.body);
    // An English text left empty altogether means "no translation".
    if (raw.language !== 'de' && title === '' && body === '') return;
    if (title === '') problems.push({ field: `${at}.title`, code: 'REQUIRED', message: 'The page needs a title.' });
    else if (title.length > LEGAL_TITLE_MAX)
      problems.push({ field: `${at}.title`, code: 'TOO_LONG', message: `At most ${LEGAL_TITLE_MAX} characters.` });
    if (body === '') problems.push({ field: `${at}.body`, code: 'REQUIRED', message: 'The page needs a text.' });
    else if (body.length > LEGAL_BODY_MAX)
      problems.push({ field: `${at}.body`, code: 'TOO_LONG', message: `At most ${LEGAL_BODY_MAX} characters.` });
    texts.push({ language: raw.language, title, body });
  });
  if (!seen.has('de'))
    problems.push({ field: 'texts', code: 'GERMAN_REQUIRED', message: 'The German text is required.' });
  const mail = (input.feedbackEmail ?? '').trim().toLowerCase();
  if (mail === '' && kind === LegalPageKind.ACCESSIBILITY)
    problems.push({
      field: 'feedbackEmail',
      code: 'REQUIRED',
      message: 'The accessibility statement must name where to report barriers.',
    });
  else if (mail !== '' && (mail.length > 254 || !email.safeParse(mail).success))
    problems.push({ field: 'feedbackEmail', code: 'INVALID', message: 'This is not a valid email address.' });
  if (problems.length > 0) return { ok: false, problems };
  texts.sort((a, b) => LEGAL_LANGUAGES.indexOf(a.language) - LEGAL_LANGUAGES.indexOf(b.language));
  return { ok: true, value: { texts, feedbackEmail: mail === '' ? null : mail } };
}
