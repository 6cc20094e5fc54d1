import { describe, expect, it } from 'vitest';
import { intervalAt, localDate, openIntervalsOn } from './office-day.js';

const hours = [
  { weekday: 1, opensAt: '07:30:00', closesAt: '12:30:00' },
  { weekday: 1, opensAt: '13:30', closesAt: '15:30' },
  { weekday: 7, opensAt: '01:00', closesAt: '04:00' },
];

describe('office day', () => {
  it('turns a weekday’s hours into instants in the office’s zone', () => {
    const open = openIntervalsOn('2027-03-01', 'Europe/Berlin', 'BW', hours, []);
    expect(open.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])).toEqual([
      ['2027-03-01T06:30:00.000Z', '2027-03-01T11:30:00.000Z'],
      ['2027-03-01T12:30:00.000Z', '2027-03-01T14:30:00.000Z'],
    ]);
    expect(intervalAt(open, Date.parse('2027-03-01T11:29:59Z'))).toBe(open[0]);
    expect(intervalAt(open, Date.parse('2027-03-01T11:30:00Z'))).toBeNull();
    expect(intervalAt(open, Date.parse('2027-03-01T06:29:59Z'))).toBeNull();
  });

  it('is closed on public holidays of the region and on closures', () => {
    expect(openIntervalsOn('2027-03-29', 'Europe/Berlin', 'BW', hours, [])).toEqual([]); // Easter Monday
    expect(openIntervalsOn('2027-03-01', 'Europe/Berlin', 'BW', hours, ['2027-03-01'])).toEqual([]);
    expect(openIntervalsOn('2027-03-02', 'Europe/Berlin', 'BW', hours, [])).toEqual([]); // no Tuesday hours here
  });

  it('opens on an extra opening day at its own hours, unless the day is closed', () => {
    // Saturday 6 March 2027 has no weekly hours; the extra day opens it 09:00–12:00 local.
    const extra = [{ opensAt: '09:00:00', closesAt: '12:00:00' }];
    expect(openIntervalsOn('2027-03-06', 'Europe/Berlin', 'BW', hours, [])).toEqual([]);
    expect(openIntervalsOn('2027-03-06', 'Europe/Berlin', 'BW', hours, [], extra)).toEqual([
      { start: Date.parse('2027-03-06T08:00:00Z'), end: Date.parse('2027-03-06T11:00:00Z') },
    ]);
    // On a Monday it replaces the weekly hours; a closure still wins.
    expect(openIntervalsOn('2027-03-01', 'Europe/Berlin', 'BW', hours, [], extra)).toHaveLength(1);
    expect(openIntervalsOn('2027-03-06', 'Europe/Berlin', 'BW', hours, ['2027-03-06'], extra)).toEqual([]);
  });

  it('knows the local date around midnight and across the change to summer time', () => {
    expect(localDate(Date.parse('2027-03-01T22:59:59Z'), 'Europe/Berlin')).toBe('2027-03-01');
    expect(localDate(Date.parse('2027-03-01T23:00:00Z'), 'Europe/Berlin')).toBe('2027-03-02');
    // Sunday 28 March 2027: 02:00 CET becomes 03:00 CEST; 01:00–04:00 local is two hours long.
    const [spring] = openIntervalsOn('2027-03-28', 'Europe/Berlin', 'BW', hours, []);
    expect(spring && (spring.end - spring.start) / 3_600_000).toBe(2);
  });
});
