import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LEGAL_PAGES } from '../src/app-paths.js';
import { LegalPageQuery } from '../src/legal.js';
import { legalBlocks, legalTextFor } from '../src/legal-text.js';

describe('the legal pages in the kit', () => {
  it('their query is valid against schema.graphql, and the routes cover every LegalPageKind', async () => {
    const schema = buildSchema(await readFile(path.resolve(import.meta.dirname, '..', 'schema.graphql'), 'utf8'));
    expect(validate(schema, LegalPageQuery)).toEqual([]);
    const kinds = schema.getType('LegalPageKind')?.toConfig() as { values: Record<string, unknown> };
    expect(Object.keys(LEGAL_PAGES).sort()).toEqual(Object.keys(kinds.values).sort());
  });

  it('reads headings, lists and paragraphs (line breaks kept) from the plain text', () => {
    expect(
      legalBlocks('Stadt Musterstadt\nMarktplatz 1\n\n## Rechte\n- Auskunft\n- Löschung\nSie können\n\n\n'),
    ).toEqual([
      { kind: 'paragraph', lines: ['Stadt Musterstadt', 'Marktplatz 1'] },
      { kind: 'heading', text: 'Rechte' },
      { kind: 'list', items: ['Auskunft', 'Löschung'] },
      { kind: 'paragraph', lines: ['Sie können'] },
    ]);
  });

  it('takes the reader’s language, else the German text marked as a fallback', () => {
    const texts = [
      { language: 'de', title: 'Impressum' },
      { language: 'en', title: 'Legal notice' },
    ];
    expect(legalTextFor(texts, 'en')).toEqual({ text: texts[1], fallback: false });
    expect(legalTextFor(texts, 'de')).toEqual({ text: texts[0], fallback: false });
    expect(legalTextFor(texts.slice(0, 1), 'en')).toEqual({ text: texts[0], fallback: true });
  });
});
