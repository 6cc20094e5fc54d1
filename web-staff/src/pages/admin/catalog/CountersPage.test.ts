import { describe, expect, it } from 'vitest';
import { formatIntervals, parseIntervals } from './CountersPage';

describe("a counter's appointment hours as one text per weekday", () => {
  it('reads intervals separated by commas or semicolons, with either dash, padding single-digit hours', () => {
    expect(parseIntervals('8:00-12:00, 13:00 – 15:30;16:00–17:00')).toEqual([
      { opensAt: '08:00', closesAt: '12:00' },
      { opensAt: '13:00', closesAt: '15:30' },
      { opensAt: '16:00', closesAt: '17:00' },
    ]);
  });

  it('is no interval when empty, and passes what it cannot read on as written (the api names it)', () => {
    expect(parseIntervals('  ')).toEqual([]);
    expect(parseIntervals('morgens')).toEqual([{ opensAt: 'morgens', closesAt: '' }]);
  });

  it('writes intervals back the way it reads them', () => {
    const text = formatIntervals([
      { opensAt: '08:00', closesAt: '12:00' },
      { opensAt: '13:00', closesAt: '15:00' },
    ]);
    expect(text).toBe('08:00–12:00, 13:00–15:00');
    expect(formatIntervals(parseIntervals(text))).toBe(text);
  });
});
