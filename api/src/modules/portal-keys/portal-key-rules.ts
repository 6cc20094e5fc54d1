/** The rules for portal API keys' names and limits (pure: no database, no clock). */

import { singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';

export const KEY_NAME_MAX = 80;
export const REQUESTS_PER_MINUTE_MAX = 100_000;

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** A key's name: one line of plain text (see plain-text.ts), 1–80 characters, not the name of another active key. */
export function checkKeyName(raw: string, activeNames: readonly string[]): Checked<string> {
  const name = singleLine(raw);
  if (name.length === 0)
    return { ok: false, problems: [{ field: 'name', code: 'REQUIRED', message: 'The key needs a name.' }] };
  if (name.length > KEY_NAME_MAX)
    return {
      ok: false,
      problems: [{ field: 'name', code: 'TOO_LONG', message: `At most ${KEY_NAME_MAX} characters.` }],
    };
  const lower = name.toLocaleLowerCase('de');
  if (activeNames.some((n) => n.toLocaleLowerCase('de') === lower))
    return {
      ok: false,
      problems: [{ field: 'name', code: 'TAKEN', message: 'Another active key has this name.' }],
    };
  return { ok: true, value: name };
}

/** Requests per minute: null (the configured default) or a whole number 1–100000. */
export function checkRequestsPerMinute(value: number | null | undefined): Checked<number | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (!Number.isInteger(value) || value < 1 || value > REQUESTS_PER_MINUTE_MAX)
    return {
      ok: false,
      problems: [
        {
          field: 'requestsPerMinute',
          code: 'OUT_OF_RANGE',
          message: `A whole number from 1 to ${REQUESTS_PER_MINUTE_MAX}, or none for the default.`,
        },
      ],
    };
  return { ok: true, value };
}

/** Whether a request that is the `consumed`-th of its minute is over the key's limit. */
export function overLimit(consumed: number, requestsPerMinute: number): boolean {
  return consumed > requestsPerMinute;
}
