import { describe, expect, it } from 'vitest';
import { catalogLanguage, catalogTextFor } from '../src/catalog-text.js';

const service = {
  name: 'Meldebescheinigung',
  description: 'Bescheinigung über Ihre Wohnung.',
  texts: [
    { language: 'de', name: 'Meldebescheinigung', description: 'Bescheinigung über Ihre Wohnung.' },
    { language: 'en', name: 'Certificate of registration', description: 'Confirms your address.' },
  ],
};

describe('catalog texts in the reader’s language', () => {
  it('asks for Leichte Sprache only while German is the interface language', () => {
    expect(catalogLanguage('de', true)).toBe('de-x-ls');
    expect(catalogLanguage('de', false)).toBe('de');
    expect(catalogLanguage('en', true)).toBe('en');
  });

  it('gives the translation, or German marked lang="de" for other languages', () => {
    expect(catalogTextFor(service, 'en')).toEqual({
      name: 'Certificate of registration',
      description: 'Confirms your address.',
      lang: undefined,
    });
    expect(catalogTextFor(service, 'en-GB').name).toBe('Certificate of registration');
    expect(catalogTextFor(service, 'de')).toEqual({
      name: 'Meldebescheinigung',
      description: 'Bescheinigung über Ihre Wohnung.',
      lang: undefined,
    });
    // No Leichte Sprache text: standard German, marked (the page is German anyway).
    expect(catalogTextFor(service, 'de-x-ls')).toMatchObject({ name: 'Meldebescheinigung', lang: 'de' });
    // Without texts (not asked for) the item's own German name stands in.
    expect(catalogTextFor({ name: 'Geburtsurkunde' }, 'en')).toEqual({
      name: 'Geburtsurkunde',
      description: '',
      lang: 'de',
    });
  });
});
