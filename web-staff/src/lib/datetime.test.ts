import { describe, expect, it } from 'vitest';
import { formatDayTime } from './datetime';

describe('next free appointments on the desk', () => {
  it('show day and time on the office clock, 24-hour in both languages', () => {
    const instant = '2027-03-05T13:30:00Z'; // a Friday, 14:30 in Berlin
    expect(formatDayTime(instant, 'Europe/Berlin', 'de')).toBe('Fr., 05.03., 14:30');
    expect(formatDayTime(instant, 'Europe/Berlin', 'en')).toMatch(/^Fri,? 05\/03,? 14:30$/);
    expect(formatDayTime('2027-03-05T23:30:00Z', 'Europe/Berlin', 'de')).toBe('Sa., 06.03., 00:30');
  });
});
