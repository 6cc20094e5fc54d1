import { describe, expect, it } from 'vitest';
import { mean, median, percentile, rate, round, summarize } from './stats-math.js';

describe('stats math', () => {
  it('gives null for no values', () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(rate(0, 0)).toBeNull();
    expect(round(null)).toBeNull();
  });

  it('computes mean, median and p90 with linear interpolation', () => {
    const v = [10, 1, 4, 7, 2, 8, 3, 6, 5, 9];
    expect(mean(v)).toBe(5.5);
    expect(median(v)).toBe(5.5);
    expect(percentile(v, 90)).toBeCloseTo(9.1, 10);
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 100)).toBe(10);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([42], 90)).toBe(42);
  });

  it('does not reorder the caller’s values', () => {
    const v = [3, 1, 2];
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });

  it('refuses a percentile outside 0–100', () => {
    expect(() => percentile([1], 101)).toThrow();
  });

  it('rates and rounds', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(round(2 / 3, 3)).toBe(0.667);
    expect(round(12.25, 1)).toBe(12.3);
  });
});
