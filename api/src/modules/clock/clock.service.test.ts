import { describe, expect, it } from 'vitest';
import { runningFrom } from './clock.service.js';

describe('runningFrom', () => {
  it('shows the start at the anchor and runs on in real time', () => {
    const anchor = Date.now() - 5_000;
    const now = runningFrom(new Date('2027-03-01T08:30:00Z'), anchor)().getTime();
    const expected = Date.parse('2027-03-01T08:30:05Z');
    expect(now).toBeGreaterThanOrEqual(expected);
    expect(now).toBeLessThan(expected + 1_000);
  });
});
