import { describe, expect, it } from 'vitest';
import { endOf } from './AppointmentTime';

describe('the end of an appointment', () => {
  it('is its start plus its length, and unknown without a length', () => {
    expect(endOf('2027-03-01T08:45:00.000Z', 30)).toBe('2027-03-01T09:15:00.000Z');
    expect(endOf('2027-03-01T08:45:00.000Z', null)).toBeNull();
    expect(endOf('2027-03-01T08:45:00.000Z', undefined)).toBeNull();
  });
});
