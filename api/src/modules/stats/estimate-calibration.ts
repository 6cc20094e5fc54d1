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
  /** Share of them first called inside the range the tracking page showed at issue (shownRange), edges included. */
  insideRange: number | null;
};

const MINUTE = 60_000;
const STEP = 5 * MINUTE;

/**
 * The range the visitor saw at issue, as the tracking page states an estimate (web-tracker `callWindow`): the
 * estimate's range widened to whole five minutes and not before the issue; "in a few minutes" (the late end at most
 * five minutes away) is the next five minutes. The estimator's own range can be a single instant (a free counter), so
 * "called inside the range" means inside what was shown, not inside that instant.
 */
export function shownRange(told: IssuedEstimate, issuedAt: number): { from: number; to: number } {
  const latest = Math.max(told.latestCallAt, told.expectedCallAt, told.earliestCallAt);
  if (latest - issuedAt <= STEP) return { from: issuedAt, to: issuedAt + STEP };
  const from = Math.floor(Math.max(told.earliestCallAt, issuedAt) / STEP) * STEP;
  return { from, to: Math.max(Math.ceil(latest / STEP) * STEP, from) };
}

/** The accuracy over the tickets that had an estimate at issue and were called; the others do not count. */
export function estimateAccuracy(
  tickets: readonly { issuedEstimate: IssuedEstimate | null; firstCalledAt: number | null; arrivedAt: number }[],
): EstimateAccuracy {
  const errors: number[] = [];
  let inside = 0;
  for (const t of tickets) {
    if (t.issuedEstimate === null || t.firstCalledAt === null) continue;
    const told = t.issuedEstimate;
    errors.push((t.firstCalledAt - told.expectedCallAt) / MINUTE);
    const shown = shownRange(told, t.arrivedAt);
    if (t.firstCalledAt >= shown.from && t.firstCalledAt <= shown.to) inside += 1;
  }
  return {
    count: errors.length,
    meanAbsoluteError: round(mean(errors.map(Math.abs))),
    bias: round(mean(errors)),
    insideRange: round(rate(inside, errors.length), 3),
  };
}
