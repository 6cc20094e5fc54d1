/**
 * The closing guard (pure; see docs/queue-policy.md): before a walk-in ticket is issued, predict when its visitor
 * would be done, and refuse the ticket when that is after closing time minus a buffer. The old call system had to be
 * locked by hand before closing; this makes that unnecessary, per service and automatically, with a manual override
 * for the office manager.
 */
import { type EstimateCounter, type EstimateEntry, estimateQueue, type OpenInterval } from './estimate.js';
import { MINUTE, type OrderingRules } from './ordering.js';
import { WalkInOverride, WalkInRefusal } from './ticket-model.js';

export type WalkInPrediction = { callAt: number; finishAt: number };

export type WalkInDecision =
  | { open: true; prediction: WalkInPrediction | null }
  | { open: false; reason: WalkInRefusal; prediction: WalkInPrediction | null };

const CANDIDATE = '\u0000walk-in-candidate';

/**
 * When a new walk-in ticket `candidate` (due now) would be called and done, if it were issued now behind the waiting
 * `entries`; null when no open counter can serve it.
 */
export function predictWalkIn(
  entries: readonly EstimateEntry[],
  counters: readonly EstimateCounter[],
  now: number,
  rules: OrderingRules,
  open: readonly OpenInterval[],
  candidate: Omit<EstimateEntry, 'id' | 'dueAt' | 'arrivedAt' | 'counterId'>,
): WalkInPrediction | null {
  const entry: EstimateEntry = { ...candidate, id: CANDIDATE, dueAt: now, arrivedAt: now, counterId: null };
  const estimate = estimateQueue([...entries, entry], counters, now, rules, open).get(CANDIDATE);
  return estimate
    ? { callAt: estimate.expectedCallAt, finishAt: estimate.expectedCallAt + candidate.durationMs }
    : null;
}

/**
 * Whether a walk-in ticket may be issued now. `openInterval` is the opening-hours interval that contains now (null:
 * the office is closed). The override opens or closes walk-ins whatever the prediction; it never opens a closed
 * office.
 */
export function walkInDecision(input: {
  openInterval: OpenInterval | null;
  bufferMinutes: number;
  override: WalkInOverride | null;
  prediction: WalkInPrediction | null;
}): WalkInDecision {
  const { openInterval, override, prediction } = input;
  if (!openInterval) return { open: false, reason: WalkInRefusal.OFFICE_CLOSED, prediction };
  if (override === WalkInOverride.CLOSED) return { open: false, reason: WalkInRefusal.MANUALLY_CLOSED, prediction };
  if (override === WalkInOverride.OPEN) return { open: true, prediction };
  if (!prediction) return { open: false, reason: WalkInRefusal.NO_COUNTER, prediction };
  if (prediction.finishAt > openInterval.end - input.bufferMinutes * MINUTE)
    return { open: false, reason: WalkInRefusal.CLOSING_SOON, prediction };
  return { open: true, prediction };
}
