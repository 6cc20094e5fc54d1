import { describe, expect, it } from 'vitest';
import { type DocumentInfo, mergeDocuments } from './DocumentList';

const doc = (documentId: string, mandatory: boolean): DocumentInfo => ({
  documentId,
  name: documentId,
  description: '',
  mandatory,
  uploadable: false,
});

describe('the documents of several services', () => {
  it('lists each document once, required when any service requires it, required ones first', () => {
    const passport = [doc('photo', false), doc('passport', true)];
    const registration = [doc('photo', true), doc('rental-contract', false), doc('passport', false)];
    expect(mergeDocuments([passport, registration])).toEqual([
      doc('photo', true),
      doc('passport', true),
      doc('rental-contract', false),
    ]);
  });

  it('keeps the catalogue order among equals', () => {
    expect(
      mergeDocuments([[doc('a', false), doc('b', true), doc('c', false), doc('d', true)]]).map((d) => d.documentId),
    ).toEqual(['b', 'd', 'a', 'c']);
  });
});
