import { describe, expect, it } from 'vitest';
import { longDate } from './ClosuresPage';

describe('a closing day as the page names it', () => {
  it('is the calendar date itself, whatever the time zone of the browser', () => {
    expect(longDate('2027-03-04', 'de')).toBe('Donnerstag, 4. März 2027');
    expect(longDate('2027-03-04', 'en')).toMatch(/^Thursday,? 4 March 2027$/);
    expect(longDate('2027-01-01', 'de')).toBe('Freitag, 1. Januar 2027');
  });
});
