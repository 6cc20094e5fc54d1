/**
 * What the tracking page remembers on the visitor's own phone, per tracking link: the reminder ("tell me when N are
 * ahead", and whether it went off) and the call already signalled (so a reload does not ring again); and the day's
 * last tracking link, so that the tracker opened from the home screen (its start is /track/) finds the ticket again.
 * Nothing leaves the phone; a browser without storage just forgets.
 */

export type Reminder = { ahead: number; done: boolean };

const reminderKey = (token: string) => `bc.track.reminder.${token}`;
const calledKey = (token: string) => `bc.track.called.${token}`;
const pushKey = (token: string) => `bc.track.push.${token}`;
const lastTicketKey = 'bc.track.last';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode or full: the page still works, it only forgets
  }
}

export function loadReminder(token: string): Reminder | null {
  try {
    const value = JSON.parse(read(reminderKey(token)) ?? 'null') as Partial<Reminder> | null;
    if (!value || typeof value.ahead !== 'number' || value.ahead < 0) return null;
    return { ahead: Math.floor(value.ahead), done: value.done === true };
  } catch {
    return null;
  }
}

export function saveReminder(token: string, reminder: Reminder | null) {
  write(reminderKey(token), reminder ? JSON.stringify(reminder) : null);
}

/** Push notifications on for this ticket on this phone, and at how many people ahead. */
export type PushChoice = { ahead: number };

export function loadPushChoice(token: string): PushChoice | null {
  try {
    const value = JSON.parse(read(pushKey(token)) ?? 'null') as Partial<PushChoice> | null;
    return value && typeof value.ahead === 'number' ? { ahead: value.ahead } : null;
  } catch {
    return null;
  }
}

export function savePushChoice(token: string, choice: PushChoice | null) {
  write(pushKey(token), choice ? JSON.stringify(choice) : null);
}

/** The calledAt of the call the visitor was last alerted to (a recall has a new one). */
export function loadAlertedCall(token: string): string | null {
  return read(calledKey(token));
}

export function saveAlertedCall(token: string, calledAt: string) {
  write(calledKey(token), calledAt);
}

/** Remembers the tracking link opened on `day` (the phone's local date, YYYY-MM-DD). */
export function saveLastTicket(token: string, day: string) {
  write(lastTicketKey, JSON.stringify({ token, day }));
}

/** The tracking link opened on `day`, or null: a ticket is for one day, yesterday's is forgotten. */
export function loadLastTicket(day: string): string | null {
  try {
    const value = JSON.parse(read(lastTicketKey) ?? 'null') as { token?: unknown; day?: unknown } | null;
    return value && value.day === day && typeof value.token === 'string' ? value.token : null;
  } catch {
    return null;
  }
}

/** The phone's local date as YYYY-MM-DD. */
export const localDay = (at: Date = new Date()) =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
