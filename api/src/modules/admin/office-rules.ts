/** The rules for an office's settings, opening hours and closures: plain checks over plain data. */

import { z } from 'zod';
import { singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isValidHolidayRegion } from '../catalog/holidays.js';

/** Queue and booking settings an administrator may change; absent fields stay as they are. */
export type OfficeSettingsPatch = {
  slotMinutes?: number | null;
  leadMinutes?: number | null;
  horizonDays?: number | null;
  checkInLateMinutes?: number | null;
  priorityMinutes?: number | null;
  maxCalls?: number | null;
  closingBufferMinutes?: number | null;
  holidayRegion?: string | null;
};

type NumericSetting = Exclude<keyof OfficeSettingsPatch, 'holidayRegion'>;

/** Allowed range per numeric setting (inclusive); the database's CHECKs are the outer bounds of these. */
export const SETTING_RANGES: Record<NumericSetting, readonly [number, number]> = {
  slotMinutes: [1, 60],
  leadMinutes: [0, 7 * 24 * 60],
  horizonDays: [1, 366],
  checkInLateMinutes: [0, 120],
  priorityMinutes: [0, 240],
  maxCalls: [1, 10],
  closingBufferMinutes: [0, 240],
};

/** The patch with absent (null) fields left out, or every problem by its field. */
export function checkSettings(
  patch: OfficeSettingsPatch,
): { ok: true; value: OfficeSettingsPatch } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const value: OfficeSettingsPatch = {};
  for (const [field, [min, max]] of Object.entries(SETTING_RANGES) as [NumericSetting, readonly [number, number]][]) {
    const v = patch[field];
    if (v === undefined || v === null) continue;
    if (!Number.isInteger(v) || v < min || v > max)
      problems.push({ field, code: 'OUT_OF_RANGE', message: `${field} must be a whole number from ${min} to ${max}.` });
    else value[field] = v;
  }
  if (patch.holidayRegion !== undefined && patch.holidayRegion !== null) {
    const region = patch.holidayRegion.trim().toUpperCase();
    if (!isValidHolidayRegion(region))
      problems.push({
        field: 'holidayRegion',
        code: 'UNKNOWN_REGION',
        message: 'Give a German federal state as its ISO 3166-2 suffix, e.g. "BW".',
      });
    else value.holidayRegion = region;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

export type TimeInterval = { opensAt: string; closesAt: string };

/** At most this many intervals per weekday (e.g. morning, afternoon, evening). */
export const MAX_INTERVALS = 6;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of "HH:MM" (00:00–23:59), else null. */
export function minutesOf(time: string): number | null {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * Checks one weekday's intervals: ISO weekday 1–7, times "HH:MM", each interval of positive length, none
 * overlapping another (touching is allowed: 08:00–12:00 and 12:00–16:00). An empty list closes the day.
 * Returns the intervals sorted by start.
 */
export function checkWeekdayHours(
  weekday: number,
  intervals: readonly TimeInterval[],
): { ok: true; value: TimeInterval[] } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7)
    problems.push({ field: 'weekday', code: 'OUT_OF_RANGE', message: 'weekday is 1 (Monday) to 7 (Sunday).' });
  if (intervals.length > MAX_INTERVALS)
    problems.push({
      field: 'intervals',
      code: 'TOO_MANY',
      message: `A weekday has at most ${MAX_INTERVALS} intervals.`,
    });
  const parsed: { index: number; start: number; end: number; interval: TimeInterval }[] = [];
  intervals.forEach((interval, index) => {
    const start = minutesOf(interval.opensAt);
    const end = minutesOf(interval.closesAt);
    if (start === null)
      problems.push({ field: `intervals.${index}.opensAt`, code: 'BAD_TIME', message: 'Give a time as "HH:MM".' });
    if (end === null)
      problems.push({ field: `intervals.${index}.closesAt`, code: 'BAD_TIME', message: 'Give a time as "HH:MM".' });
    if (start === null || end === null) return;
    if (end === start)
      problems.push({
        field: `intervals.${index}.closesAt`,
        code: 'EMPTY_INTERVAL',
        message: 'An interval must close later than it opens.',
      });
    else if (end < start)
      problems.push({
        field: `intervals.${index}.closesAt`,
        code: 'INVERTED_INTERVAL',
        message: 'An interval must close later than it opens.',
      });
    else parsed.push({ index, start, end, interval });
  });
  const sorted = [...parsed].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1], sorted[i]] as [(typeof sorted)[number], (typeof sorted)[number]];
    if (cur.start < prev.end) {
      const later = Math.max(prev.index, cur.index);
      problems.push({
        field: `intervals.${later}`,
        code: 'OVERLAP',
        message: `This interval overlaps interval ${Math.min(prev.index, cur.index)}.`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: sorted.map((p) => p.interval) };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date "YYYY-MM-DD". */
export function isCalendarDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

export const MAX_CLOSURE_NOTE = 200;

/** Checks a closure to add: a calendar date not before today (office-local), and a short note. */
export function checkClosure(
  date: string,
  note: string | null | undefined,
  today: string,
): { ok: true; value: { date: string; note: string } } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!isCalendarDate(date))
    problems.push({ field: 'date', code: 'BAD_DATE', message: 'Give a date as "YYYY-MM-DD".' });
  else if (date < today)
    problems.push({ field: 'date', code: 'IN_THE_PAST', message: 'A closure cannot be added for a past day.' });
  const text = singleLine(note ?? '');
  if (text.length > MAX_CLOSURE_NOTE)
    problems.push({ field: 'note', code: 'TOO_LONG', message: `A note has at most ${MAX_CLOSURE_NOTE} characters.` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { date, note: text } };
}

/** An office's name, address, time zone, visitor notice and public contact; absent (null) fields stay as they are. */
export type OfficeDetailsPatch = {
  name?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  timeZone?: string | null;
  /** An empty text removes the notice. */
  notice?: string | null;
  /** Public phone for citizens; an empty text removes it. */
  phone?: string | null;
  /** Public email for citizens; an empty text removes it. */
  email?: string | null;
  /** The languages the office's kiosk offers: German always, each once (see KIOSK_LANGUAGES). */
  languages?: readonly string[] | null;
};

/** The languages a kiosk can offer: those its screens are written in (web-booking's locales), German first. */
export const KIOSK_LANGUAGES = ['de', 'en'] as const;

/** The kiosk languages as stored: known ones, each once, German included and first; or a problem. */
export function checkLanguages(
  raw: readonly string[],
): { ok: true; value: string[] } | { ok: false; problem: FieldProblem } {
  const tags = raw.map((l) => l.trim().toLowerCase());
  const unknown = tags.find((l) => !(KIOSK_LANGUAGES as readonly string[]).includes(l));
  if (unknown !== undefined)
    return {
      ok: false,
      problem: {
        field: 'languages',
        code: 'UNSUPPORTED',
        message: `The kiosk can offer ${KIOSK_LANGUAGES.join(', ')}; not "${unknown}".`,
      },
    };
  if (!tags.includes('de'))
    return {
      ok: false,
      problem: { field: 'languages', code: 'GERMAN_REQUIRED', message: 'German is always offered.' },
    };
  return { ok: true, value: KIOSK_LANGUAGES.filter((l) => tags.includes(l)) };
}

export const MAX_NAME = 100;
export const MAX_ADDRESS_LINE = 100;
/** The live notice's limit (as `setOfficeNotice`). */
export const MAX_NOTICE = 200;

const POSTAL_CODE = /^\d{5}$/;

/** Digits with the usual separators ("07231 39-0", "+49 (7231) 39/0"); 6 to 15 digits (E.164 allows 15). */
const PHONE = /^\+?[0-9][0-9 ()/-]*$/;
const EMAIL = z.email();
export const MAX_PHONE = 30;
export const MAX_EMAIL = 254;

/** A public phone number: absent stays, empty removes (null), else the number as written, or a problem. */
export function checkPhone(raw: string): { ok: true; value: string | null } | { ok: false; problem: FieldProblem } {
  const text = singleLine(raw);
  if (text === '') return { ok: true, value: null };
  const digits = text.replace(/\D/g, '').length;
  if (text.length > MAX_PHONE || !PHONE.test(text) || digits < 6 || digits > 15)
    return {
      ok: false,
      problem: {
        field: 'phone',
        code: 'BAD_PHONE',
        message: 'Give a phone number of 6 to 15 digits, e.g. "07231 39-0" or "+49 7231 39-0".',
      },
    };
  return { ok: true, value: text };
}

/** A public email address: empty removes (null), else the address in lower case, or a problem. */
export function checkEmail(raw: string): { ok: true; value: string | null } | { ok: false; problem: FieldProblem } {
  const text = raw.trim().toLowerCase();
  if (text === '') return { ok: true, value: null };
  if (text.length > MAX_EMAIL || !EMAIL.safeParse(text).success)
    return { ok: false, problem: { field: 'email', code: 'BAD_EMAIL', message: 'This is not a valid email address.' } };
  return { ok: true, value: text };
}

/** Whether `zone` is an IANA time zone this runtime knows (e.g. "Europe/Berlin"); offsets like "+01:00" are not. */
export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks changed office details: texts trimmed (inner runs of spaces collapsed) and not empty, German five-digit
 * postal code, an IANA time zone, a notice of at most MAX_NOTICE characters (empty removes it, as null in the value).
 */
export function checkDetails(
  patch: OfficeDetailsPatch,
): { ok: true; value: OfficeDetailsPatch } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const value: OfficeDetailsPatch = {};
  const line = (field: 'name' | 'street' | 'city', max: number) => {
    const raw = patch[field];
    if (raw === undefined || raw === null) return;
    const text = singleLine(raw);
    if (text === '') problems.push({ field, code: 'REQUIRED', message: `${field} must not be empty.` });
    else if (text.length > max)
      problems.push({ field, code: 'TOO_LONG', message: `${field} has at most ${max} characters.` });
    else value[field] = text;
  };
  line('name', MAX_NAME);
  line('street', MAX_ADDRESS_LINE);
  if (patch.postalCode !== undefined && patch.postalCode !== null) {
    const code = patch.postalCode.trim();
    if (code === '') problems.push({ field: 'postalCode', code: 'REQUIRED', message: 'postalCode must not be empty.' });
    else if (!POSTAL_CODE.test(code))
      problems.push({ field: 'postalCode', code: 'BAD_POSTAL_CODE', message: 'A postal code has five digits.' });
    else value.postalCode = code;
  }
  line('city', MAX_ADDRESS_LINE);
  if (patch.timeZone !== undefined && patch.timeZone !== null) {
    const zone = patch.timeZone.trim();
    if (!isIanaTimeZone(zone))
      problems.push({
        field: 'timeZone',
        code: 'UNKNOWN_TIME_ZONE',
        message: 'Give an IANA time zone, e.g. "Europe/Berlin".',
      });
    else value.timeZone = zone;
  }
  if (patch.notice !== undefined && patch.notice !== null) {
    const text = singleLine(patch.notice);
    if (text.length > MAX_NOTICE)
      problems.push({ field: 'notice', code: 'TOO_LONG', message: `A notice has at most ${MAX_NOTICE} characters.` });
    else value.notice = text === '' ? null : text;
  }
  for (const [field, check] of [
    ['phone', checkPhone],
    ['email', checkEmail],
  ] as const) {
    const raw = patch[field];
    if (raw === undefined || raw === null) continue;
    const checked = check(raw);
    if (checked.ok) value[field] = checked.value;
    else problems.push(checked.problem);
  }
  if (patch.languages !== undefined && patch.languages !== null) {
    const checked = checkLanguages(patch.languages);
    if (checked.ok) value.languages = checked.value;
    else problems.push(checked.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** What a new office needs; the slug is its key in URLs and cannot be changed later. */
export type NewOffice = {
  name: string;
  slug: string;
  street: string;
  postalCode: string;
  city: string;
  timeZone: string;
  holidayRegion?: string | null;
};

/** 3–40 characters: lower-case letters, digits and single hyphens, starting with a letter, not ending in a hyphen. */
export const SLUG = /^[a-z](?:[a-z0-9]|-(?!-)){1,38}[a-z0-9]$/;

/**
 * Slugs that name pages beside the offices: web-booking's `/booking/kiosk`, `/booking/verwaltung` (the manage
 * link) and the legal pages sit beside `/booking/<slug>`, and web-staff's global administration sections beside `/verwaltung/<slug>`.
 * The SPAs route by the lists in `schema/src/app-paths.ts`; the test fails when a path there is missing here.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin',
  'barrierefreiheit',
  'datenschutz',
  'impressum',
  'kiosk',
  'mitarbeitende',
  'neue-dienststelle',
  'portal-schluessel',
  'protokoll',
  'rechtliches',
  'termin',
  'verwaltung',
]);

/** Checks a new office: every detail present and valid (as `checkDetails`), the slug well-formed, a known region. */
export function checkNewOffice(
  input: NewOffice,
): { ok: true; value: Required<NewOffice> } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const slug = input.slug.trim();
  if (!SLUG.test(slug))
    problems.push({
      field: 'slug',
      code: 'BAD_SLUG',
      message: 'A slug has 3–40 lower-case letters, digits and single hyphens, starting with a letter.',
    });
  else if (RESERVED_SLUGS.has(slug))
    problems.push({ field: 'slug', code: 'RESERVED_SLUG', message: 'This slug names a page of the administration.' });
  const details = checkDetails({
    name: input.name,
    street: input.street,
    postalCode: input.postalCode,
    city: input.city,
    timeZone: input.timeZone,
  });
  if (!details.ok) problems.push(...details.problems);
  const settings = checkSettings({ holidayRegion: input.holidayRegion ?? 'BW' });
  if (!settings.ok) problems.push(...settings.problems);
  if (problems.length > 0 || !details.ok || !settings.ok) return { ok: false, problems };
  const d = details.value;
  return {
    ok: true,
    value: {
      name: d.name as string,
      slug,
      street: d.street as string,
      postalCode: d.postalCode as string,
      city: d.city as string,
      timeZone: d.timeZone as string,
      holidayRegion: settings.value.holidayRegion as string,
    },
  };
}

/**
 * Checks an extra opening day: a calendar date not before today (office-local), its intervals as for a weekday
 * (an empty list removes the day), a short note.
 */
export function checkExtraDay(
  date: string,
  intervals: readonly TimeInterval[],
  note: string | null | undefined,
  today: string,
):
  | { ok: true; value: { date: string; intervals: TimeInterval[]; note: string } }
  | { ok: false; problems: FieldProblem[] } {
  const day = checkClosure(date, note, today);
  const hours = checkWeekdayHours(1, intervals);
  const problems = [...(day.ok ? [] : day.problems), ...(hours.ok ? [] : hours.problems)];
  if (!day.ok || !hours.ok) return { ok: false, problems };
  return { ok: true, value: { date, intervals: hours.value, note: day.value.note } };
}
