/** Plain number helpers for statistics (pure, no I/O). */

export type Summary = { count: number; mean: number | null; median: number | null; p90: number | null };

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (the "type 7" of R and numpy's default),
 * or null for no values. The median is the 50th percentile.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 100) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const low = sorted[lo] as number;
  const high = sorted[hi] as number;
  return low + (high - low) * (rank - lo);
}

export const median = (values: readonly number[]): number | null => percentile(values, 50);

/** Count, mean, median and 90th percentile of the values. */
export function summarize(values: readonly number[]): Summary {
  return { count: values.length, mean: mean(values), median: median(values), p90: percentile(values, 90) };
}

/** part / whole, or null when the whole is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Rounded to `digits` decimals (null stays null): numbers in results are for people. */
export function round(value: number | null, digits = 1): number | null {
  if (value === null) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
