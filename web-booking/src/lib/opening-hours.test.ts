import { describe, expect, it } from 'vitest';
import { type Interval, weekOf } from './opening-hours';

const open = (weekday: number, opensAt: string, closesAt: string): Interval => ({
  kind: 'OPEN',
  weekday,
  opensAt,
  closesAt,
});

describe('the week as visitors read it', () => {
  it('lists Monday to Friday always, closed days without intervals, the day in time order', () => {
    const week = weekOf([open(1, '13:00', '15:00'), open(1, '08:00', '12:00'), open(3, '08:00', '18:00')]);
    expect(week).toEqual([
      {
        weekday: 1,
        intervals: [
          { opensAt: '08:00', closesAt: '12:00' },
          { opensAt: '13:00', closesAt: '15:00' },
        ],
      },
      { weekday: 2, intervals: [] },
      { weekday: 3, intervals: [{ opensAt: '08:00', closesAt: '18:00' }] },
      { weekday: 4, intervals: [] },
      { weekday: 5, intervals: [] },
    ]);
  });

  it('adds Saturday or Sunday only when the office opens then, and reads one kind of hours', () => {
    const hours = [open(6, '09:00', '12:00'), { ...open(7, '10:00', '11:00'), kind: 'APPOINTMENTS' as const }];
    expect(weekOf(hours).map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(weekOf(hours, 'APPOINTMENTS').map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 7]);
  });
});
