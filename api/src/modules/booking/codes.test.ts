import { describe, expect, it } from 'vitest';
import { newCheckInCode, newReference, normalizeReference, referenceAlphabet } from './codes.js';

describe('reference codes', () => {
  it('are two groups of four unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const ref = newReference();
      expect(ref).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      expect(ref).not.toMatch(/[01OILUV]/);
    }
    expect(referenceAlphabet).toHaveLength(29);
  });

  it('normalises what a person typed and refuses what cannot be a reference', () => {
    expect(normalizeReference(' k7m4 pq2x ')).toBe('K7M4-PQ2X');
    expect(normalizeReference('K7M4-PQ2X')).toBe('K7M4-PQ2X');
    expect(normalizeReference('K7M4-PQ2')).toBeNull();
    expect(normalizeReference('K7M4-PQ20')).toBeNull(); // 0 is never issued
    expect(normalizeReference('')).toBeNull();
  });
});

describe('check-in codes', () => {
  it('carry 128 random bits in QR alphanumeric characters', () => {
    const codes = new Set(Array.from({ length: 500 }, newCheckInCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^BC1-[A-Z2-7]{26}$/);
  });
});
