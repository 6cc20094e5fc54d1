import { describe, expect, it } from 'vitest';
import { DateTimeISO, isoInstant } from './date-time-scalar.js';

describe('isoInstant', () => {
  it('writes the same text as Date#toISOString', () => {
    const samples = [
      0,
      Date.UTC(2027, 2, 1, 6, 0),
      Date.UTC(2027, 2, 28, 1, 59),
      Date.UTC(2027, 11, 31, 23, 59),
      Date.UTC(2028, 1, 29, 12, 5),
      Date.UTC(2027, 2, 1, 6, 0, 30),
      Date.UTC(2027, 2, 1, 6, 0, 0, 7),
      -1,
      -86_400_000,
      Date.UTC(9999, 11, 31, 23, 59),
    ];
    for (let t = Date.UTC(2027, 0, 1); t < Date.UTC(2027, 0, 3); t += 60_000) samples.push(t);
    for (const t of samples) expect(isoInstant(t)).toBe(new Date(t).toISOString());
  });
});

describe('DateTimeISO scalar', () => {
  it('serialises Dates and epoch milliseconds alike, and refuses invalid dates', () => {
    const t = Date.UTC(2027, 2, 1, 6, 15);
    expect(DateTimeISO.serialize(new Date(t))).toBe('2027-03-01T06:15:00.000Z');
    expect(DateTimeISO.serialize(t)).toBe('2027-03-01T06:15:00.000Z');
    expect(() => DateTimeISO.serialize(new Date(Number.NaN))).toThrow();
  });

  it('keeps the name and parsing of graphql-scalars', () => {
    expect(DateTimeISO.name).toBe('DateTimeISO');
    expect(DateTimeISO.parseValue('2027-03-01T06:15:00Z')).toEqual(new Date(Date.UTC(2027, 2, 1, 6, 15)));
  });
});
