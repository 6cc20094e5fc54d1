import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDayMonth,
  formatLongDate,
  formatShortWeekday,
  formatWeekday,
  formatWeekRange,
  groupByDayPeriod,
  localDateOf,
  todayIn,
  weekStartOf,
} from './datetime';

describe('calendar dates on the office clock', () => {
  it('takes the date of an instant in the office zone, not in UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (summer time, UTC+2) but still 31 March in New York.
    expect(localDateOf('2027-03-31T23:30:00Z', 'Europe/Berlin')).toBe('2027-04-01');
    expect(localDateOf('2027-03-31T23:30:00Z', 'America/New_York')).toBe('2027-03-31');
    expect(todayIn('Europe/Berlin', new Date('2027-12-31T23:15:00Z'))).toBe('2028-01-01');
  });

  it('adds days across months, years, leap days and the change to summer time', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(() => addDays('27.03.2027', 1)).toThrow('not a date');
  });

  it('counts whole days between two dates, negative backwards', () => {
    expect(daysBetween('2027-03-01', '2027-04-01')).toBe(31);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    expect(daysBetween('2027-03-05', '2027-03-01')).toBe(-4);
  });
});

describe('dates as citizens read them', () => {
  it('names the weekday of a date in German or English', () => {
    expect(formatWeekday('2027-03-01', 'de')).toBe('Montag');
    expect(formatWeekday('2027-03-01', 'en')).toBe('Monday');
  });

  it('adds the year only when the date is not in the current year', () => {
    expect(formatDayMonth('2027-03-04', 'de', '2027')).toBe('4. März');
    expect(formatDayMonth('2027-03-04', 'en', '2027')).toBe('4 March');
    expect(formatDayMonth('2028-01-03', 'de', '2027')).toBe('3. Januar 2028');
    expect(formatDayMonth('2028-01-03', 'de')).toBe('3. Januar');
  });

  it('writes the full date of an instant on the office clock', () => {
    expect(formatLongDate('2027-03-31T23:30:00Z', 'Europe/Berlin', 'de')).toBe('Donnerstag, 1. April 2027');
    // CLDR versions differ in the comma after the English weekday.
    expect(formatLongDate('2027-03-31T23:30:00Z', 'Europe/Berlin', 'en')).toMatch(/^Thursday,? 1 April 2027$/);
  });
});

describe('weeks and parts of the day for the time chooser', () => {
  it('finds the Monday of a week, across months and years', () => {
    expect(weekStartOf('2027-03-01')).toBe('2027-03-01'); // a Monday
    expect(weekStartOf('2027-03-07')).toBe('2027-03-01'); // its Sunday
    expect(weekStartOf('2027-03-31')).toBe('2027-03-29');
    expect(weekStartOf('2028-01-01')).toBe('2027-12-27');
  });

  it('names a week and a short weekday in both languages', () => {
    // Spacing around the dash differs between ICU versions.
    expect(formatWeekRange('2027-03-01', 'de', '2027')).toMatch(/^1\.\s?–\s?7\. März$/);
    expect(formatWeekRange('2027-03-01', 'en', '2027')).toMatch(/^1\s?–\s?7 March$/);
    expect(formatWeekRange('2027-03-29', 'de', '2027')).toMatch(/^29\. März\s?–\s?4\. April$/);
    expect(formatWeekRange('2027-12-27', 'de', '2027')).toMatch(/2027.*2028/);
    expect(formatShortWeekday('2027-03-01', 'de')).toBe('Mo');
    expect(formatShortWeekday('2027-03-01', 'en')).toBe('Mon');
  });

  it('groups starts into morning, afternoon and evening on the office clock, whatever the viewer’s zone', () => {
    const starts = ['2027-03-01T06:30:00Z', '2027-03-01T10:55:00Z', '2027-03-01T11:00:00Z', '2027-03-01T16:00:00Z'];
    // Berlin is UTC+1 in March: 07:30, 11:55, 12:00, 17:00.
    expect(groupByDayPeriod(starts, 'Europe/Berlin')).toEqual([
      { period: 'morning', starts: starts.slice(0, 2) },
      { period: 'afternoon', starts: [starts[2]] },
      { period: 'evening', starts: [starts[3]] },
    ]);
    expect(groupByDayPeriod([], 'Europe/Berlin')).toEqual([]);
  });
});
