/** Pure helpers of the kiosk: request ids, the typed reference, and times as visitors read them. */
import { addDays, formatDayMonth, formatTime, formatWeekday, localDateOf, todayIn } from '../lib/datetime';

/** A fresh id for one tap on "draw a ticket"; also outside secure contexts, where randomUUID is missing. */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The characters of a booking reference (no 0/O, 1/I/L, U/V), in the order of the on-screen keyboard. */
export const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const REFERENCE_LENGTH = 8;
const CHECK_IN_PREFIX = 'BC1-';
const CHECK_IN_LENGTH = 26;

/**
 * What the code field shows for what was typed: a reference grows as "K7M4-PQ2X" (other characters are dropped,
 * the dash comes by itself); a hand scanner that types the QR code's "BC1-…" keeps it whole.
 */
export function formatTypedCode(raw: string): string {
  const upper = raw.toUpperCase().replace(/\s+/g, '');
  if (upper.startsWith('BC1')) {
    const rest = upper.slice(3).replace(/^-/, '');
    return CHECK_IN_PREFIX + rest.replace(/[^A-Z2-7]/g, '').slice(0, CHECK_IN_LENGTH);
  }
  const chars = [...upper].filter((c) => referenceAlphabet.includes(c)).slice(0, REFERENCE_LENGTH);
  return chars.length > 4 ? `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}` : chars.join('');
}

/** Typed far enough to be sent: eight reference characters, or a whole check-in code. */
export function isCompleteCode(code: string): boolean {
  if (code.startsWith(CHECK_IN_PREFIX)) return code.length === CHECK_IN_PREFIX.length + CHECK_IN_LENGTH;
  return code.replace('-', '').length === REFERENCE_LENGTH;
}

/** The code field after one key of the on-screen keyboard. */
export function typeKey(code: string, key: string): string {
  return formatTypedCode(code + key);
}

/** The code field after the delete key: the last character goes (and a dash left at the end with it). */
export function deleteLast(code: string): string {
  if (code.startsWith(CHECK_IN_PREFIX) && code.length <= CHECK_IN_PREFIX.length) return '';
  return formatTypedCode(code.slice(0, -1).replace(/-$/, ''));
}

const FIVE_MINUTES = 5 * 60_000;

/**
 * The estimated call as a range for people to read: the early end rounded down and the late end rounded up to five
 * minutes ("10:20"–"10:35"), never before now; one time when both ends meet.
 */
export function callRange(
  earliest: string,
  latest: string,
  now: number,
  timeZone: string,
  language: string,
): { from: string; to: string | null } {
  const start = Math.max(Math.floor(Date.parse(earliest) / FIVE_MINUTES) * FIVE_MINUTES, now);
  const end = Math.max(Math.ceil(Date.parse(latest) / FIVE_MINUTES) * FIVE_MINUTES, start);
  const from = formatTime(new Date(start), timeZone, language);
  const to = formatTime(new Date(end), timeZone, language);
  return { from, to: to === from ? null : to };
}

/**
 * A day relative to today in the office's zone, through the caller's words: "heute", "morgen", or "am Freitag,
 * 27. November" (the date part formatted here).
 */
export function dayLabel(
  instant: string,
  timeZone: string,
  language: string,
  words: { today: string; tomorrow: string; on: (date: string) => string },
  now: Date = new Date(),
): string {
  const day = localDateOf(instant, timeZone);
  const today = todayIn(timeZone, now);
  if (day === today) return words.today;
  if (day === addDays(today, 1)) return words.tomorrow;
  const separator = language === 'en' ? ' ' : ', ';
  return words.on(`${formatWeekday(day, language)}${separator}${formatDayMonth(day, language, today.slice(0, 4))}`);
}
