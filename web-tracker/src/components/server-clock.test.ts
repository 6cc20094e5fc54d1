import { describe, expect, it } from 'vitest';
import { clockFormat, clockOffset, msUntilNextSecond } from './server-clock';

describe('the clock of a wall screen', () => {
  it("knows how far the screen's own clock is off the server's", () => {
    const local = Date.parse('2027-03-01T09:00:00.000Z');
    expect(clockOffset('2027-03-01T09:00:02.500Z', local)).toBe(2500);
    expect(clockOffset('2027-03-01T08:59:59.000Z', local)).toBe(-1000);
    expect(clockOffset('not a time', local)).toBeUndefined();
  });

  it('flips just after each full second', () => {
    expect(msUntilNextSecond(Date.parse('2027-03-01T09:00:00.000Z'))).toBe(1005);
    expect(msUntilNextSecond(Date.parse('2027-03-01T09:00:00.999Z'))).toBe(6);
    expect(msUntilNextSecond(-250)).toBe(255);
  });

  it("shows the office's time with seconds, 24-hour, and Berlin's when the zone is unknown", () => {
    const instant = new Date('2027-03-01T13:05:09Z');
    expect(clockFormat('de', 'Europe/Berlin').format(instant)).toBe('14:05:09');
    expect(clockFormat('en', 'America/New_York').format(instant)).toBe('08:05:09');
    expect(clockFormat('de', 'Mars/Olympus_Mons').format(instant)).toBe('14:05:09');
  });
});
