import { describe, expect, it } from 'vitest';
import { checkLegalPage, LEGAL_BODY_MAX, LegalPageKind } from './legal-rules.js';
import { LEGAL_SAMPLES } from './legal-samples.js';

const de = { language: 'de', title: 'Impressum', body: 'Stadt Musterstadt' };
const codes = (r: ReturnType<typeof checkLegalPage>) => (r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`));

describe('a legal page as an administrator saves it', () => {
  it('keeps a German text and tidies it: one-line title, paragraphs kept, hidden characters gone', () => {
    const r = checkLegalPage(LegalPageKind.IMPRINT, {
      texts: [
        {
          language: 'de',
          title: '  Impressum\n der Stadt ',
          body: 'Erste Zeile\u202e\r\n\r\n\r\n\r\nZweiter Absatz  ',
        },
      ],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        texts: [{ language: 'de', title: 'Impressum der Stadt', body: 'Erste Zeile\n\nZweiter Absatz' }],
        feedbackEmail: null,
      },
    });
  });

  it('requires the German text; English is optional, and an English text left empty means none', () => {
    expect(codes(checkLegalPage(LegalPageKind.IMPRINT, { texts: [{ ...de, language: 'en' }] }))).toEqual([
      'texts:GERMAN_REQUIRED',
    ]);
    const r = checkLegalPage(LegalPageKind.IMPRINT, { texts: [{ language: 'en', title: ' ', body: '' }, de] });
    expect(r.ok && r.value.texts.map((t) => t.language)).toEqual(['de']);
  });

  it('puts German first and refuses a half-filled translation, a duplicate or an unknown language', () => {
    const both = checkLegalPage(LegalPageKind.IMPRINT, {
      texts: [{ language: 'en', title: 'Legal notice', body: 'City' }, de],
    });
    expect(both.ok && both.value.texts.map((t) => t.language)).toEqual(['de', 'en']);
    expect(
      codes(
        checkLegalPage(LegalPageKind.IMPRINT, {
          texts: [de, { language: 'en', title: 'Legal notice', body: '' }, { ...de }, { ...de, language: 'fr' }],
        }),
      ),
    ).toEqual(['texts.1.body:REQUIRED', 'texts.2.language:DUPLICATE', 'texts.3.language:UNSUPPORTED']);
  });

  it('bounds title and body', () => {
    const r = checkLegalPage(LegalPageKind.PRIVACY, {
      texts: [{ language: 'de', title: 'x'.repeat(121), body: 'y'.repeat(LEGAL_BODY_MAX + 1) }],
    });
    expect(codes(r)).toEqual(['texts.0.title:TOO_LONG', 'texts.0.body:TOO_LONG']);
  });

  it('requires a feedback email for the accessibility statement only, and checks any email given', () => {
    expect(codes(checkLegalPage(LegalPageKind.ACCESSIBILITY, { texts: [de] }))).toEqual(['feedbackEmail:REQUIRED']);
    expect(codes(checkLegalPage(LegalPageKind.IMPRINT, { texts: [de], feedbackEmail: 'kein-at' }))).toEqual([
      'feedbackEmail:INVALID',
    ]);
    const ok = checkLegalPage(LegalPageKind.ACCESSIBILITY, { texts: [de], feedbackEmail: ' Barriere@Stadt.example ' });
    expect(ok.ok && ok.value.feedbackEmail).toBe('barriere@stadt.example');
  });

  it('the sample texts pass the same rules (an installation can save them unchanged)', () => {
    for (const kind of Object.values(LegalPageKind)) {
      const sample = LEGAL_SAMPLES[kind];
      expect(checkLegalPage(kind, sample)).toEqual({ ok: true, value: sample });
    }
  });
});
