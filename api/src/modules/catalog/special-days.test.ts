import { describe, expect, it } from 'vitest';
import { specialDays } from './special-days.js';

// Monday to Friday open; 2027-05-13 is Ascension Day (Thursday), 2027-05-16 Whit Sunday, 2027-05-17 Whit Monday.
const base = {
  from: '2027-05-10',
  to: '2027-05-31',
  openWeekdays: new Set([1, 2, 3, 4, 5]),
  holidays: new Map([
    ['2027-05-13', 'Christi Himmelfahrt'],
    ['2027-05-16', 'Pfingstsonntag'],
    ['2027-05-17', 'Pfingstmontag'],
  ]),
  closures: [],
  extraDays: [],
};

describe('specialDays', () => {
  it('lists holidays on days the office would open, not those it is closed anyway', () => {
    expect(specialDays(base)).toEqual([
      { date: '2027-05-13', closed: true, reason: 'Christi Himmelfahrt', hours: [] },
      { date: '2027-05-17', closed: true, reason: 'Pfingstmontag', hours: [] },
    ]);
  });

  it('lists closures with their reason (the holiday name when none is given) and extra days with sorted hours', () => {
    const days = specialDays({
      ...base,
      closures: [
        { date: '2027-05-14', reason: 'Brückentag' },
        { date: '2027-05-17', reason: '' },
        { date: '2027-06-01', reason: 'outside the range' },
      ],
      extraDays: [
        { date: '2027-05-22', opensAt: '13:00', closesAt: '15:00', note: 'Samstagsöffnung' },
        { date: '2027-05-22', opensAt: '09:00', closesAt: '12:00', note: 'Samstagsöffnung' },
      ],
    });
    expect(days).toEqual([
      { date: '2027-05-13', closed: true, reason: 'Christi Himmelfahrt', hours: [] },
      { date: '2027-05-14', closed: true, reason: 'Brückentag', hours: [] },
      { date: '2027-05-17', closed: true, reason: 'Pfingstmontag', hours: [] },
      {
        date: '2027-05-22',
        closed: false,
        reason: 'Samstagsöffnung',
        hours: [
          { opensAt: '09:00', closesAt: '12:00' },
          { opensAt: '13:00', closesAt: '15:00' },
        ],
      },
    ]);
  });

  it('a closure or holiday on an extra day closes it', () => {
    const days = specialDays({
      ...base,
      closures: [{ date: '2027-05-22', reason: 'Stromausfall' }],
      extraDays: [
        { date: '2027-05-22', opensAt: '09:00', closesAt: '12:00', note: '' },
        { date: '2027-05-16', opensAt: '09:00', closesAt: '12:00', note: '' },
      ],
    });
    expect(days.filter((d) => d.date === '2027-05-22' || d.date === '2027-05-16')).toEqual([
      { date: '2027-05-16', closed: true, reason: 'Pfingstsonntag', hours: [] },
      { date: '2027-05-22', closed: true, reason: 'Stromausfall', hours: [] },
    ]);
  });
});
