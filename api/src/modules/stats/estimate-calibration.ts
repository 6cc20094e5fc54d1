/**
 * How honest the estimates were (pure): what visitors were told when their ticket was issued against when they were
 * first called. docs/decisions.md ("Statistics") defines the numbers.
 */
import { mean, rate, round } from './stats-math.js';

/** What a visitor was told at issue, in epoch milliseconds. */
export type IssuedEstimate = { expectedCallAt: number; earliestCallAt: number; latestCallAt: number };

export type EstimateAccuracy = {
  /** Tickets with an estimate at issue and a first call. */
  count: number;
  /** Mean of |first call − expected|, minutes. */
  meanAbsoluteError: number | null;
  /** Mean of (first call − expected), minutes: positive when visitors were called later than told. */
  bias: number | null;
  /** Share of them first called inside [earliest, latest], edges included. */
  insideRange: number | null;
};

const MINUTE = 60_000;

/** The accuracy over the tickets that had an estimate at issue and were called; the others do not count. */
export function estimateAccuracy(
  tickets: readonly { issuedEstimate: IssuedEstimate | null; firstCalledAt: number | null }[],
): EstimateAccuracy {
  const errors: number[] = [];
  let inside = 0;
  for (const t of tickets) {
    if (t.issuedEstimate === null || t.firstCalledAt === null) continue;
    const told = t.issuedEstimate;
    errors.push((t.firstCalledAt - told.expectedCallAt) / MINUTE);
    if (t.firstCalledAt >= told.earliestCallAt && t.firstCalledAt <= told.latestCallAt) inside += 1;
  }
  return {
    count: errors.length,
    meanAbsoluteError: round(mean(errors.map(Math.abs))),
    bias: round(mean(errors)),
    insideRange: round(rate(inside, errors.length), 3),
  };
}
