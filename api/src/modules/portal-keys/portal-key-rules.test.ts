import { describe, expect, it } from 'vitest';
import { checkKeyName, checkRequestsPerMinute, KEY_NAME_MAX, overLimit } from './portal-key-rules.js';

describe('checkKeyName', () => {
  it('trims and collapses whitespace', () => {
    expect(checkKeyName('  Service-BW   Portal ', [])).toEqual({ ok: true, value: 'Service-BW Portal' });
  });
  it('refuses an empty name', () => {
    const r = checkKeyName('   ', []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ field: 'name', code: 'REQUIRED' })]);
  });
  it('accepts 80 characters and refuses 81', () => {
    expect(checkKeyName('x'.repeat(KEY_NAME_MAX), []).ok).toBe(true);
    const r = checkKeyName('x'.repeat(KEY_NAME_MAX + 1), []);
    expect(!r.ok && r.problems[0]?.code).toBe('TOO_LONG');
  });
  it('refuses the name of another active key, ignoring case', () => {
    const r = checkKeyName('serviceportal', ['Serviceportal']);
    expect(!r.ok && r.problems[0]?.code).toBe('TAKEN');
    expect(checkKeyName('Serviceportal 2', ['Serviceportal']).ok).toBe(true);
  });
});

describe('checkRequestsPerMinute', () => {
  it('null and undefined mean the default', () => {
    expect(checkRequestsPerMinute(null)).toEqual({ ok: true, value: null });
    expect(checkRequestsPerMinute(undefined)).toEqual({ ok: true, value: null });
  });
  it.each([1, 60, 100_000])('accepts %d', (n) => {
    expect(checkRequestsPerMinute(n)).toEqual({ ok: true, value: n });
  });
  it.each([0, -5, 100_001, 1.5])('refuses %d', (n) => {
    const r = checkRequestsPerMinute(n);
    expect(!r.ok && r.problems[0]).toMatchObject({ field: 'requestsPerMinute', code: 'OUT_OF_RANGE' });
  });
});

describe('overLimit', () => {
  it('the limit-th request passes, the next does not', () => {
    expect(overLimit(3, 3)).toBe(false);
    expect(overLimit(4, 3)).toBe(true);
  });
});
