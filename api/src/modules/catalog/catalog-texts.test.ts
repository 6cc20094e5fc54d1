import { describe, expect, it } from 'vitest';
import { catalogLanguageOf, catalogTextFor, checkTranslations } from './catalog-texts.js';

const german = { name: 'Meldebescheinigung', description: 'Bescheinigung über Ihre Wohnung.' };
const translations = [
  { language: 'en' as const, name: 'Certificate of registration', description: 'Confirms your address.' },
];

describe('catalogLanguageOf', () => {
  it('reads the tags browsers and portals send', () => {
    expect(catalogLanguageOf('en-GB')).toBe('en');
    expect(catalogLanguageOf(' EN ')).toBe('en');
    expect(catalogLanguageOf('de-AT')).toBe('de');
    expect(catalogLanguageOf('de-x-ls')).toBe('de-x-ls');
    expect(catalogLanguageOf('DE-X-LS')).toBe('de-x-ls');
    expect(catalogLanguageOf('fr')).toBeNull();
    expect(catalogLanguageOf('english')).toBeNull();
  });
});

describe('catalogTextFor', () => {
  it('gives the translation, or German flagged as a fallback', () => {
    expect(catalogTextFor(german, translations, 'en')).toEqual({ language: 'en', ...translations[0], fallback: false });
    expect(catalogTextFor(german, translations, 'de-x-ls')).toEqual({ language: 'de', ...german, fallback: true });
    expect(catalogTextFor(german, translations, 'fr')).toEqual({ language: 'de', ...german, fallback: true });
    expect(catalogTextFor(german, null, 'de')).toEqual({ language: 'de', ...german, fallback: false });
    expect(catalogTextFor(german, translations, 'de-CH')).toEqual({ language: 'de', ...german, fallback: false });
  });
});

describe('checkTranslations', () => {
  it('drops empty translations, tidies the text and sorts English before Leichte Sprache', () => {
    expect(
      checkTranslations(
        [
          { language: 'de-x-ls', name: ' Eine  Bescheinigung ', description: 'Zeile 1\r\n\r\n\r\nZeile 2' },
          { language: 'en', name: '', description: '   ' },
        ],
        'x',
      ),
    ).toEqual({
      ok: true,
      value: [{ language: 'de-x-ls', name: 'Eine Bescheinigung', description: 'Zeile 1\n\nZeile 2' }],
    });
  });

  it('needs a description only when German has one', () => {
    expect(checkTranslations([{ language: 'en', name: 'Photo' }], '').ok).toBe(true);
    expect(checkTranslations([{ language: 'en', name: 'Photo' }], 'Nicht älter als 6 Monate.')).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'translations.0.description', code: 'REQUIRED' })],
    });
  });

  it('refuses German, unknown and doubled languages and over-long texts', () => {
    const checked = checkTranslations(
      [
        { language: 'de', name: 'A', description: 'B' },
        { language: 'en', name: 'x'.repeat(121), description: 'y'.repeat(2001) },
        { language: 'en', name: 'A', description: 'B' },
      ],
      '',
    );
    expect(checked.ok ? [] : checked.problems.map((p) => `${p.field} ${p.code}`)).toEqual([
      'translations.0.language UNSUPPORTED',
      'translations.1.name TOO_LONG',
      'translations.1.description TOO_LONG',
      'translations.2.language DUPLICATE',
    ]);
  });
});
