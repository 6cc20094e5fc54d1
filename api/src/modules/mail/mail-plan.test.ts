import { describe, expect, it } from 'vitest';
import { MailKind } from './mail-message.entity.js';
import {
  afterFailure,
  describeSendError,
  isPermanent,
  MAX_ATTEMPTS,
  remindersFor,
  staleReminderReason,
} from './mail-plan.js';

const start = new Date('2027-03-03T08:00:00Z');
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);

describe('remindersFor', () => {
  it('plans both reminders for an appointment more than a day ahead', () => {
    expect(remindersFor(start, hoursBefore(48))).toEqual([
      { kind: MailKind.REMINDER_24H, dueAt: hoursBefore(24) },
      { kind: MailKind.REMINDER_4H, dueAt: hoursBefore(4) },
    ]);
  });

  it('leaves out a reminder whose time has passed, including the exact moment', () => {
    expect(remindersFor(start, hoursBefore(10)).map((r) => r.kind)).toEqual([MailKind.REMINDER_4H]);
    expect(remindersFor(start, hoursBefore(24)).map((r) => r.kind)).toEqual([MailKind.REMINDER_4H]);
    expect(remindersFor(start, hoursBefore(3))).toEqual([]);
  });

  it('counts real hours across the change to summer time (night of 28 March 2027)', () => {
    const afterChange = new Date('2027-03-29T07:00:00Z'); // Monday 09:00 summer time
    const [r24] = remindersFor(afterChange, new Date('2027-03-26T00:00:00Z'));
    expect(r24?.dueAt.toISOString()).toBe('2027-03-28T07:00:00.000Z'); // Sunday 09:00 local: 24 real hours
  });
});

describe('staleReminderReason', () => {
  it('sends a reminder up to the start, the 24 h one only until the 4 h one is due', () => {
    expect(staleReminderReason(MailKind.REMINDER_24H, start, hoursBefore(23))).toBeNull();
    expect(staleReminderReason(MailKind.REMINDER_24H, start, hoursBefore(4))).toMatch(/4-hour/);
    expect(staleReminderReason(MailKind.REMINDER_4H, start, hoursBefore(0.5))).toBeNull();
    expect(staleReminderReason(MailKind.REMINDER_4H, start, start)).toMatch(/begun/);
  });
});

describe('afterFailure', () => {
  const now = new Date('2027-03-01T10:00:00Z');
  const refused = { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' };
  const minutesLater = (m: number) => new Date(now.getTime() + m * 60_000);

  it('retries temporary failures after 1, 5, 15 and 60 minutes, then gives up', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => afterFailure(attempt, refused, now))).toEqual([
      { status: 'PENDING', nextAttemptAt: minutesLater(1) },
      { status: 'PENDING', nextAttemptAt: minutesLater(5) },
      { status: 'PENDING', nextAttemptAt: minutesLater(15) },
      { status: 'PENDING', nextAttemptAt: minutesLater(60) },
      { status: 'FAILED' },
    ]);
    expect(MAX_ATTEMPTS).toBe(5);
    expect(afterFailure(9, refused, now)).toEqual({ status: 'FAILED' });
  });

  it('treats 4xx replies as temporary and 5xx replies as final at once', () => {
    expect(afterFailure(1, { responseCode: 451, message: 'try later' }, now).status).toBe('PENDING');
    expect(afterFailure(1, { responseCode: 550, message: 'no such user' }, now)).toEqual({ status: 'FAILED' });
    expect(isPermanent({ responseCode: 554 })).toBe(true);
    expect(isPermanent({ code: 'ETIMEDOUT' })).toBe(false);
  });
});

describe('describeSendError', () => {
  it('gives one short line with the SMTP code or the error code', () => {
    expect(describeSendError({ responseCode: 550, message: '550 5.1.1\n  Mailbox unavailable' })).toBe(
      'SMTP 550: 550 5.1.1 Mailbox unavailable',
    );
    expect(describeSendError({ code: 'ESOCKET', message: 'connect ECONNREFUSED' })).toBe(
      'ESOCKET: connect ECONNREFUSED',
    );
    expect(describeSendError({ message: 'x'.repeat(500) })).toHaveLength(300);
  });
});
