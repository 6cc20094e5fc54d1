/** When an appointment can be checked in (pure). Instants are epoch ms. */
import { MINUTE } from './ordering.js';

export type CheckInRules = {
  /** How many minutes before the start a visitor may check in (office setting, default 30). */
  earlyMinutes: number;
  /** How many minutes after the start a visitor may still check in (office setting, default 10). */
  lateMinutes: number;
};

export type CheckInWindow =
  | { kind: 'ok'; late: boolean }
  | { kind: 'tooEarly'; comeBackAt: number }
  | { kind: 'tooLate' };

/**
 * Both edges belong to the window: with 30/10, exactly 30 minutes before the start and exactly 10 minutes after it
 * are fine, a minute earlier or later is not. `late` tells that the visitor came after the start.
 */
export function checkInWindow(startsAt: number, now: number, rules: CheckInRules): CheckInWindow {
  const opens = startsAt - rules.earlyMinutes * MINUTE;
  if (now < opens) return { kind: 'tooEarly', comeBackAt: opens };
  if (now > startsAt + rules.lateMinutes * MINUTE) return { kind: 'tooLate' };
  return { kind: 'ok', late: now > startsAt };
}
