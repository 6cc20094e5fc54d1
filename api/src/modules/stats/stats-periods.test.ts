import { describe, expect, it } from 'vitest';
import { checkRange, datesOf, Granularity, periodsOf } from './stats-periods.js';

describe('statistics periods', () => {
  it('checks ranges', () => {
    expect(checkRange('2027-03-01', '2027-03-01')).toBeNull();
    expect(checkRange('2027-03-02', '2027-03-01')?.code).toBe('TO_BEFORE_FROM');
    expect(checkRange('2027-02-30', '2027-03-01')?.code).toBe('INVALID_DATE');
    expect(checkRange('1.3.2027', '2027-03-01')?.code).toBe('INVALID_DATE');
    expect(checkRange('2027-01-01', '2028-01-01')).toBeNull(); // 366 days
    expect(checkRange('2027-01-01', '2028-01-02')?.code).toBe('TOO_LONG');
  });

  it('counts calendar days across the change to summer time', () => {
    // 28 March 2027 has 23 hours in Berlin; dates are still one day apart.
    expect(datesOf('2027-03-27', '2027-03-29')).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
  });

  it('makes day, ISO week and month buckets clipped to the range', () => {
    expect(periodsOf('2027-03-01', '2027-03-03', Granularity.DAY).map((p) => p.from)).toEqual([
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
    ]);
    // Wed 3 March to Tue 16 March 2027: weeks start on Monday.
    expect(periodsOf('2027-03-03', '2027-03-16', Granularity.WEEK)).toEqual([
      { from: '2027-03-03', to: '2027-03-07' },
      { from: '2027-03-08', to: '2027-03-14' },
      { from: '2027-03-15', to: '2027-03-16' },
    ]);
    expect(periodsOf('2027-01-15', '2027-03-02', Granularity.MONTH)).toEqual([
      { from: '2027-01-15', to: '2027-01-31' },
      { from: '2027-02-01', to: '2027-02-28' },
      { from: '2027-03-01', to: '2027-03-02' },
    ]);
  });
});
