/** When an appointment can be checked in (pure). Instants are epoch ms. */
import { DateTime } from 'luxon';
import { MINUTE } from './ordering.js';

export type CheckInRules = {
  /** How many minutes after the start a visitor may still check in (office setting, default 10). */
  lateMinutes: number;
  /** The office's time zone: check-in opens at the start of the appointment's local day. */
  timeZone: string;
};

export type CheckInWindow =
  | { kind: 'ok'; late: boolean }
  | { kind: 'tooEarly'; comeBackAt: number }
  | { kind: 'tooLate' };

/**
 * A visitor may check in any time on the appointment's day (office time), however early: the ticket waits for its
 * start and is called before it only by a counter that would otherwise stand idle. Up to `lateMinutes` after the
 * start is fine (both edges belong to the window), a minute later is not. `late` tells that the visitor came after
 * the start. On an earlier day the visitor is asked to come back on the appointment's day (`comeBackAt`: its start,
 * 00:00 office time).
 */
export function checkInWindow(startsAt: number, now: number, rules: CheckInRules): CheckInWindow {
  const opens = DateTime.fromMillis(startsAt, { zone: rules.timeZone }).startOf('day').toMillis();
  if (now < opens) return { kind: 'tooEarly', comeBackAt: opens };
  if (now > startsAt + rules.lateMinutes * MINUTE) return { kind: 'tooLate' };
  return { kind: 'ok', late: now > startsAt };
}
