import { describe, expect, it } from 'vitest';
import { closedDatesBetween, isValidHolidayRegion } from './holidays.js';

const sorted = (dates: Set<string>) => [...dates].sort();

describe('closedDatesBetween', () => {
  it('lists the public holidays of Baden-Württemberg over the turn of the year', () => {
    expect(sorted(closedDatesBetween('BW', '2026-12-20', '2027-01-10', []))).toEqual([
      '2026-12-25',
      '2026-12-26',
      '2027-01-01',
      '2027-01-06', // Heilige Drei Könige
    ]);
  });

  it('knows regional differences: Reformationstag in NI, Allerheiligen in BW', () => {
    expect(sorted(closedDatesBetween('BW', '2027-10-30', '2027-11-02', []))).toEqual(['2027-11-01']);
    expect(sorted(closedDatesBetween('NI', '2027-10-30', '2027-11-02', []))).toEqual(['2027-10-31']);
    expect(sorted(closedDatesBetween('NI', '2027-01-06', '2027-01-06', []))).toEqual([]);
  });

  it('includes movable feasts of the year (Easter 2027 is March 28)', () => {
    expect(sorted(closedDatesBetween('BW', '2027-03-20', '2027-06-30', []))).toEqual([
      '2027-03-26', // Karfreitag
      '2027-03-29', // Ostermontag
      '2027-05-01',
      '2027-05-06', // Christi Himmelfahrt
      '2027-05-17', // Pfingstmontag
      '2027-05-27', // Fronleichnam
    ]);
  });

  it('adds closures inside the range only, without duplicates', () => {
    expect(
      sorted(closedDatesBetween('BW', '2026-12-24', '2026-12-31', ['2026-12-24', '2026-12-25', '2027-01-02'])),
    ).toEqual(['2026-12-24', '2026-12-25', '2026-12-26']);
  });

  it('is empty for an empty range and rejects unknown regions', () => {
    expect(closedDatesBetween('BW', '2027-01-02', '2027-01-01', ['2027-01-01']).size).toBe(0);
    expect(() => closedDatesBetween('XX', '2027-01-01', '2027-12-31', [])).toThrow(RangeError);
  });
});

describe('isValidHolidayRegion', () => {
  it('accepts the federal states, BUND and AUGSBURG', () => {
    expect(['BW', 'BY', 'NI', 'TH', 'BUND', 'AUGSBURG'].map(isValidHolidayRegion)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['ALL', 'bw', '', 'DE-BW'].map(isValidHolidayRegion)).toEqual([false, false, false, false]);
  });
});
