import { buildSchema, specifiedRules } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DocumentCache } from './document-cache.js';

const schema = buildSchema('type Query { a: Int b: Int } type Subscription { tick: Int }');

describe('DocumentCache', () => {
  it('parses and validates a text once and shares its document', () => {
    const cache = new DocumentCache(schema, specifiedRules);
    const first = cache.get('subscription { tick }');
    expect('kind' in first && first.kind).toBe('Document');
    expect(cache.get('subscription { tick }')).toBe(first);
  });

  it('answers parse and validation errors and does not keep them', () => {
    const cache = new DocumentCache(schema, specifiedRules, 1);
    const broken = cache.get('subscription { tick');
    expect(Array.isArray(broken) && broken[0]?.message).toMatch(/Syntax Error/);
    const unknown = cache.get('subscription { nope }');
    expect(Array.isArray(unknown) && unknown[0]?.message).toMatch(/Cannot query field "nope"/);
    // Room for one: a valid text fills it, the broken ones never did.
    const valid = cache.get('{ a }');
    expect(cache.get('{ a }')).toBe(valid);
  });

  it('keeps at most `max` documents, dropping the oldest', () => {
    const cache = new DocumentCache(schema, specifiedRules, 1);
    const a = cache.get('{ a }');
    cache.get('{ b }');
    const again = cache.get('{ a }');
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
  });

  it('refuses texts over the token limit', () => {
    const cache = new DocumentCache(schema, specifiedRules);
    const huge = `{ ${Array.from({ length: 1200 }, (_, i) => `x${i}: a`).join(' ')} }`;
    const result = cache.get(huge);
    expect(Array.isArray(result) && result[0]?.message).toMatch(/more that 2000 tokens/);
  });
});
