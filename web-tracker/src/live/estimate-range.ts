/** How the tracking page states an estimated call time: honest about its spread, never more precise than it is. */

const MINUTE = 60_000;
const STEP = 5 * MINUTE;

export type CallWindow =
  /** Within the next few minutes: no clock time, just "soon". */
  | { kind: 'soon' }
  /** The spread is narrow: one time, on the five minutes. */
  | { kind: 'around'; at: number }
  /** From and to, on the five minutes; the start is at most five minutes in the past. */
  | { kind: 'between'; from: number; to: number };

type Estimate = { earliestCallAt: string; expectedCallAt: string; latestCallAt: string };

const floorTo = (ms: number) => Math.floor(ms / STEP) * STEP;
const ceilTo = (ms: number) => Math.ceil(ms / STEP) * STEP;
const roundTo = (ms: number) => Math.round(ms / STEP) * STEP;

/**
 * The estimate's 10th to 90th percentile (not before now), widened to whole five minutes. "soon" when even the late end is at most
 * five minutes away; a single time when the widened range is no more than five minutes.
 */
export function callWindow(estimate: Estimate, now: number): CallWindow {
  const earliest = Date.parse(estimate.earliestCallAt);
  const expected = Date.parse(estimate.expectedCallAt);
  const latest = Math.max(Date.parse(estimate.latestCallAt), expected, earliest);
  if (latest - now <= 5 * MINUTE) return { kind: 'soon' };
  const from = floorTo(Math.max(earliest, now));
  const to = Math.max(ceilTo(latest), from);
  if (to - from <= STEP) return { kind: 'around', at: Math.min(Math.max(roundTo(expected), from), to) };
  return { kind: 'between', from, to };
}
