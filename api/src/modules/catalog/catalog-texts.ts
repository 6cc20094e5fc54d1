/**
 * The catalog's texts in more than one language (pure: no database, no clock). A service's or required document's
 * German name and description are its own columns and always present; English and Leichte Sprache (easy German) are
 * optional translations the office writes. A reader asking for a language without a translation gets the German text,
 * flagged as a fallback so that a page can mark it `lang="de"` (the legal pages do the same).
 */
import { multiLine, singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';

/** Leichte Sprache as a language tag: German with a private-use subtag ("de-LS" would be German as in Lesotho). */
export const EASY_GERMAN = 'de-x-ls';
/** The languages a catalog text can be asked for: German (binding), English, Leichte Sprache. */
export const CATALOG_LANGUAGES = ['de', 'en', EASY_GERMAN] as const;
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];
/** The languages of the optional translations (German lives in the item's own name and description). */
export const TRANSLATION_LANGUAGES = ['en', EASY_GERMAN] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

export const TRANSLATED_NAME_MAX = 120;
export const TRANSLATED_DESCRIPTION_MAX = 2000;

/** One translation of a catalog item: its name and description in one language. */
export type CatalogTranslation = { language: TranslationLanguage; name: string; description: string };
/** The text a reader gets: in `language`, or German with `fallback` when there is no such translation. */
export type CatalogText = { language: CatalogLanguage; name: string; description: string; fallback: boolean };

export type TranslationDraft = { language: string; name?: string | null; description?: string | null };
type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

const isTranslationLanguage = (l: string): l is TranslationLanguage =>
  (TRANSLATION_LANGUAGES as readonly string[]).includes(l);

/**
 * The catalog language a request names: a tag as a browser or portal writes it ("en", "en-GB", "EN", "de-x-ls").
 * Leichte Sprache is asked for by its own tag only; anything else German or unknown is German.
 */
export function catalogLanguageOf(requested: string): CatalogLanguage | null {
  const tag = requested.trim().toLowerCase();
  if (tag === EASY_GERMAN) return EASY_GERMAN;
  if (tag === 'de' || tag.startsWith('de-')) return 'de';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return null;
}

/** The item's text in the requested language, or the German one marked as a fallback. */
export function catalogTextFor(
  german: { name: string; description: string },
  translations: readonly CatalogTranslation[] | null | undefined,
  requested: string,
): CatalogText {
  const language = catalogLanguageOf(requested);
  if (language !== null && language !== 'de') {
    const own = (translations ?? []).find((t) => t.language === language);
    if (own) return { language, name: own.name, description: own.description, fallback: false };
  }
  return { language: 'de', name: german.name, description: german.description, fallback: language !== 'de' };
}

/** German first, then the translations in the order of TRANSLATION_LANGUAGES (the shape of LegalPage.texts). */
export function allCatalogTexts(
  german: { name: string; description: string },
  translations: readonly CatalogTranslation[] | null | undefined,
): { language: CatalogLanguage; name: string; description: string }[] {
  return [{ language: 'de', name: german.name, description: german.description }, ...sorted(translations ?? [])];
}

const sorted = (list: readonly CatalogTranslation[]) =>
  [...list].sort((a, b) => TRANSLATION_LANGUAGES.indexOf(a.language) - TRANSLATION_LANGUAGES.indexOf(b.language));

/**
 * The translations as an administrator saves them: each language (English, Leichte Sprache) at most once; a
 * translation left empty altogether means "none" and is dropped; otherwise it needs a name, and a description when
 * the German text has one (a half-translated item would mix languages on one card). Names are one line,
 * descriptions keep their lines. Problems are reported at `translations.<i>.<field>`.
 */
export function checkTranslations(
  drafts: readonly TranslationDraft[],
  germanDescription: string,
): Checked<CatalogTranslation[]> {
  const problems: FieldProblem[] = [];
  const value: CatalogTranslation[] = [];
  const seen = new Set<string>();
  drafts.forEach((raw, i) => {
    const at = `translations.${i}`;
    if (!isTranslationLanguage(raw.language)) {
      problems.push({
        field: `${at}.language`,
        code: 'UNSUPPORTED',
        message: `Translations are English (en) or Leichte Sprache (${EASY_GERMAN}); German is the name itself.`,
      });
      return;
    }
    if (seen.has(raw.language)) {
      problems.push({ field: `${at}.language`, code: 'DUPLICATE', message: 'Each language at most once.' });
      return;
    }
    seen.add(raw.language);
    const name = singleLine(raw.name ?? '');
    const description = multiLine(raw.description ?? '');
    if (name === '' && description === '') return;
    if (name === '') problems.push({ field: `${at}.name`, code: 'REQUIRED', message: 'A translation needs a name.' });
    else if (name.length > TRANSLATED_NAME_MAX)
      problems.push({ field: `${at}.name`, code: 'TOO_LONG', message: `At most ${TRANSLATED_NAME_MAX} characters.` });
    if (description === '' && germanDescription.trim() !== '')
      problems.push({
        field: `${at}.description`,
        code: 'REQUIRED',
        message: 'The German text has a description: translate it too, or leave this translation out.',
      });
    else if (description.length > TRANSLATED_DESCRIPTION_MAX)
      problems.push({
        field: `${at}.description`,
        code: 'TOO_LONG',
        message: `At most ${TRANSLATED_DESCRIPTION_MAX} characters.`,
      });
    value.push({ language: raw.language, name, description });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: sorted(value) };
}
