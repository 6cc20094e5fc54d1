/**
 * The pure rules of citizen mails: when reminders are due, when a failed attempt is tried again, which failures
 * are final. No I/O, no clock: `now` is passed in.
 */
import { MailKind } from './mail-message.entity.js';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** How long before the start each reminder goes out. */
export const REMINDER_LEAD_MS: Readonly<Record<MailKind.REMINDER_24H | MailKind.REMINDER_4H, number>> = {
  [MailKind.REMINDER_24H]: 24 * HOUR_MS,
  [MailKind.REMINDER_4H]: 4 * HOUR_MS,
};

export type ReminderKind = keyof typeof REMINDER_LEAD_MS;
export const reminderKinds = Object.keys(REMINDER_LEAD_MS) as ReminderKind[];

export const isReminder = (kind: MailKind): kind is ReminderKind => kind in REMINDER_LEAD_MS;

/** Waits after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure is final. */
export const RETRY_DELAYS_MS: readonly number[] = [1, 5, 15, 60].map((m) => m * MINUTE_MS);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The reminders an appointment starting at `startsAt` still gets; those whose time has passed are left out. */
export function remindersFor(startsAt: Date, now: Date): { kind: ReminderKind; dueAt: Date }[] {
  return reminderKinds
    .map((kind) => ({ kind, dueAt: new Date(startsAt.getTime() - REMINDER_LEAD_MS[kind]) }))
    .filter((r) => r.dueAt.getTime() > now.getTime());
}

/**
 * Why a reminder is no longer worth sending at `now` (it was delayed, e.g. by an outage), or null to send it:
 * nothing after the start, and the 24-hour one not once the 4-hour one is due.
 */
export function staleReminderReason(kind: ReminderKind, startsAt: Date, now: Date): string | null {
  const left = startsAt.getTime() - now.getTime();
  if (left <= 0) return 'too late: the appointment has begun';
  if (kind === MailKind.REMINDER_24H && left <= REMINDER_LEAD_MS[MailKind.REMINDER_4H])
    return 'too late: the 4-hour reminder is due';
  return null;
}

/** What an SMTP server or nodemailer reports about a failed send, as far as the retry rule cares. */
export type SendError = { responseCode?: number; code?: string; message?: string };

/** A 5xx reply is a permanent rejection (unknown mailbox, refused sender): trying again cannot help. */
export function isPermanent(err: SendError): boolean {
  return typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
}

/** The row's next state after attempt number `attempts` failed. */
export function afterFailure(
  attempts: number,
  err: SendError,
  now: Date,
): { status: 'FAILED' } | { status: 'PENDING'; nextAttemptAt: Date } {
  if (isPermanent(err) || attempts >= MAX_ATTEMPTS) return { status: 'FAILED' };
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)] ?? (RETRY_DELAYS_MS.at(-1) as number);
  return { status: 'PENDING', nextAttemptAt: new Date(now.getTime() + delay) };
}

/** A short, single-line description of a send failure for the log and for staff. */
export function describeSendError(err: SendError): string {
  const text = (err.message ?? 'unknown error').replace(/\s+/g, ' ').trim().slice(0, 300);
  return err.responseCode ? `SMTP ${err.responseCode}: ${text}` : err.code ? `${err.code}: ${text}` : text;
}
