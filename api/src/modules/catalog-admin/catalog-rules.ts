/** The rules for an office's services, required documents and counters: plain checks over plain data. */

import { multiLine, singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { checkWeekdayHours, type TimeInterval } from '../admin/office-rules.js';
import { type CatalogTranslation, checkTranslations, type TranslationDraft } from '../catalog/catalog-texts.js';

type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const LABEL_MAX = 20;
export const DURATION_RANGE = [1, 480] as const;
export const MAX_PER_BOOKING_RANGE = [1, 20] as const;
export const MAX_DOCUMENTS = 30;

export type ServiceDraft = {
  name: string;
  description?: string | null;
  durationMinutes?: number | null;
  leikaKey?: string | null;
  bookableOnline: boolean;
  walkInAllowed: boolean;
  maxPerBooking?: number | null;
  documents?: readonly { documentId: string; mandatory: boolean }[] | null;
  /** Null or left out: the stored translations stay. */
  translations?: readonly TranslationDraft[] | null;
};

export type ServiceFields = {
  name: string;
  description: string;
  durationMinutes: number;
  leikaKey: string | null;
  bookableOnline: boolean;
  walkInAllowed: boolean;
  maxPerBooking: number;
  documents: { documentId: string; mandatory: boolean }[];
  /** Null: keep the stored ones. */
  translations: CatalogTranslation[] | null;
};

export type DocumentDraft = {
  name: string;
  description?: string | null;
  uploadable: boolean;
  translations?: readonly TranslationDraft[] | null;
};
export type DocumentFields = {
  name: string;
  description: string;
  uploadable: boolean;
  translations: CatalogTranslation[] | null;
};

/** The translations of a draft, checked against its German description; null when the draft leaves them out. */
function translationsOf(
  problems: FieldProblem[],
  drafts: readonly TranslationDraft[] | null | undefined,
  germanDescription: string,
): CatalogTranslation[] | null {
  if (drafts === null || drafts === undefined) return null;
  const checked = checkTranslations(drafts, germanDescription);
  if (checked.ok) return checked.value;
  problems.push(...checked.problems);
  return null;
}

export type CounterDraft = {
  label: string;
  serviceIds: readonly string[];
  hours?: readonly { weekday: number; intervals: readonly TimeInterval[] }[] | null;
};
export type CounterFields = {
  label: string;
  serviceIds: string[];
  hours: { weekday: number; intervals: TimeInterval[] }[];
};

/** A LeiKa key (Leistungsschlüssel) is 14 digits. */
const LEIKA = /^\d{14}$/;

function text(
  problems: FieldProblem[],
  field: string,
  value: string | null | undefined,
  max: number,
  required: boolean,
  lines: 'single' | 'multi' = 'single',
): string {
  const v = (lines === 'multi' ? multiLine : singleLine)(value ?? '');
  if (required && v.length === 0) problems.push({ field, code: 'REQUIRED', message: `${field} must not be empty.` });
  else if (v.length > max)
    problems.push({ field, code: 'TOO_LONG', message: `${field} has at most ${max} characters.` });
  return v;
}

function whole(
  problems: FieldProblem[],
  field: string,
  value: number | null | undefined,
  [min, max]: readonly [number, number],
  fallback?: number,
): number {
  if (value === null || value === undefined) {
    if (fallback !== undefined) return fallback;
    problems.push({ field, code: 'REQUIRED', message: `${field} is required.` });
    return 0;
  }
  if (!Number.isInteger(value) || value < min || value > max)
    problems.push({ field, code: 'OUT_OF_RANGE', message: `${field} must be a whole number from ${min} to ${max}.` });
  return value;
}

/** A service's fields trimmed and checked; every problem by its field (duration is required, max count defaults to 1). */
export function checkService(draft: ServiceDraft): Checked<ServiceFields> {
  const problems: FieldProblem[] = [];
  const name = text(problems, 'name', draft.name, NAME_MAX, true);
  const description = text(problems, 'description', draft.description, DESCRIPTION_MAX, false, 'multi');
  const translations = translationsOf(problems, draft.translations, description);
  const durationMinutes = whole(problems, 'durationMinutes', draft.durationMinutes, DURATION_RANGE);
  const maxPerBooking = whole(problems, 'maxPerBooking', draft.maxPerBooking, MAX_PER_BOOKING_RANGE, 1);
  const leika = (draft.leikaKey ?? '').replace(/\s+/g, '');
  if (leika && !LEIKA.test(leika))
    problems.push({ field: 'leikaKey', code: 'BAD_LEIKA_KEY', message: 'A LeiKa key is 14 digits.' });
  const documents = [...(draft.documents ?? [])];
  if (documents.length > MAX_DOCUMENTS)
    problems.push({
      field: 'documents',
      code: 'TOO_MANY',
      message: `A service needs at most ${MAX_DOCUMENTS} documents.`,
    });
  const seen = new Set<string>();
  documents.forEach((d, i) => {
    if (seen.has(d.documentId))
      problems.push({
        field: `documents.${i}.documentId`,
        code: 'DUPLICATE',
        message: 'Each document is listed once.',
      });
    seen.add(d.documentId);
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      name,
      description,
      durationMinutes,
      leikaKey: leika || null,
      bookableOnline: draft.bookableOnline,
      walkInAllowed: draft.walkInAllowed,
      maxPerBooking,
      documents: documents.map((d) => ({ documentId: d.documentId, mandatory: d.mandatory })),
      translations,
    },
  };
}

export function checkDocument(draft: DocumentDraft): Checked<DocumentFields> {
  const problems: FieldProblem[] = [];
  const name = text(problems, 'name', draft.name, NAME_MAX, true);
  const description = text(problems, 'description', draft.description, DESCRIPTION_MAX, false, 'multi');
  const translations = translationsOf(problems, draft.translations, description);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, description, uploadable: draft.uploadable, translations } };
}

/**
 * A counter's label, services (at least one, each once) and appointment hours (each weekday at most once, its
 * intervals as for an office; a weekday with no intervals is left out, a counter without any hours takes
 * appointments whenever the office does).
 */
export function checkCounter(draft: CounterDraft): Checked<CounterFields> {
  const problems: FieldProblem[] = [];
  const label = text(problems, 'label', draft.label, LABEL_MAX, true);
  if (draft.serviceIds.length === 0)
    problems.push({ field: 'serviceIds', code: 'NO_SERVICES', message: 'A counter handles at least one service.' });
  const seen = new Set<string>();
  draft.serviceIds.forEach((id, i) => {
    if (seen.has(id))
      problems.push({ field: `serviceIds.${i}`, code: 'DUPLICATE', message: 'Each service is listed once.' });
    seen.add(id);
  });
  const days = new Set<number>();
  const hours: CounterFields['hours'] = [];
  (draft.hours ?? []).forEach((day, i) => {
    const checked = checkWeekdayHours(day.weekday, day.intervals);
    if (!checked.ok) {
      for (const p of checked.problems) problems.push({ ...p, field: `hours.${i}.${p.field}` });
      return;
    }
    if (days.has(day.weekday)) {
      problems.push({ field: `hours.${i}.weekday`, code: 'DUPLICATE', message: 'Each weekday is listed once.' });
      return;
    }
    days.add(day.weekday);
    if (checked.value.length > 0) hours.push({ weekday: day.weekday, intervals: checked.value });
  });
  if (problems.length > 0) return { ok: false, problems };
  hours.sort((a, b) => a.weekday - b.weekday);
  return { ok: true, value: { label, serviceIds: [...seen], hours } };
}

/** Why an item cannot go: what still refers to it. */
export type Usage = { appointments: number; tickets: number; sessions: number; uploads: number; services: number };

export const NO_USAGE: Usage = { appointments: 0, tickets: 0, sessions: 0, uploads: 0, services: 0 };

/**
 * Whether an item can be deleted: only one nothing refers to (appointments, tickets, counter sessions and uploads,
 * past or future, and for a document the services that need it). Everything else is deactivated instead, so that history keeps
 * its names.
 */
export function deletable(usage: Usage): boolean {
  return usage.appointments + usage.tickets + usage.sessions + usage.uploads + usage.services === 0;
}

/** The message of a refused deletion, telling what to do instead. */
export function inUseMessage(kind: 'service' | 'document' | 'counter', usage: Usage): string {
  const parts = [
    usage.appointments > 0 ? `${usage.appointments} appointment(s)` : null,
    usage.tickets > 0 ? `${usage.tickets} ticket(s)` : null,
    usage.sessions > 0 ? `${usage.sessions} counter session(s)` : null,
    usage.uploads > 0 ? `${usage.uploads} upload(s)` : null,
    usage.services > 0 ? `${usage.services} service(s)` : null,
  ].filter((p) => p !== null);
  return `The ${kind} is referred to by ${parts.join(', ')}; deactivate it instead.`;
}
