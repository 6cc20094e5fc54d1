import { z } from 'zod';
import { singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';

/** One problem with one input field; `code` is stable for clients to translate, `message` is for developers. */

export type ServiceChoice = { serviceId: string; count: number };

/** What the catalog says about a chosen service, as far as booking cares. */
export type ServiceFacts = {
  id: string;
  officeId: string;
  active: boolean;
  bookableOnline: boolean;
  maxPerBooking: number;
  durationMinutes: number;
  /** Documents of this service that may be uploaded. */
  uploadableDocumentIds: readonly string[];
};

export type ContactInput = {
  name: string;
  email: string;
  phone?: string | null;
  language: string;
  privacyConsent: boolean;
};

const email = z.email();
const phone = /^\+?[0-9][0-9 ()/-]{4,30}$/;

/** Checks name, email, phone, language and consent; returns the cleaned values or the problems. */
export function checkContact(
  input: ContactInput,
): { ok: true; value: ContactInput } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = singleLine(input.name);
  if (name.length < 2)
    problems.push({ field: 'name', code: 'REQUIRED', message: 'Give the name of the person who comes.' });
  else if (name.length > 120)
    problems.push({ field: 'name', code: 'TOO_LONG', message: 'The name may have at most 120 characters.' });
  const mail = input.email.trim().toLowerCase();
  if (!mail)
    problems.push({ field: 'email', code: 'REQUIRED', message: 'Give an email address for the confirmation.' });
  else if (mail.length > 254 || !email.safeParse(mail).success)
    problems.push({ field: 'email', code: 'INVALID', message: 'This is not a valid email address.' });
  // An empty phone is no phone; one of only spaces (or invisible characters) is a mistake the citizen should see.
  const tel = input.phone ? singleLine(input.phone) : null;
  if (tel !== null && !phone.test(tel))
    problems.push({ field: 'phone', code: 'INVALID', message: 'This is not a valid phone number.' });
  if (input.language !== 'de' && input.language !== 'en')
    problems.push({ field: 'language', code: 'INVALID', message: 'The language must be "de" or "en".' });
  if (input.privacyConsent !== true)
    problems.push({ field: 'privacyConsent', code: 'REQUIRED', message: 'The privacy notice must be accepted.' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { name, email: mail, phone: tel, language: input.language, privacyConsent: true } };
}

/**
 * Checks the chosen services against the catalog: known, of this office, bookable online, counts within limits,
 * no service twice. `facts` holds what was found for the ids (unknown ids are missing from it).
 */
export function checkServices(
  officeId: string,
  choices: readonly ServiceChoice[],
  facts: ReadonlyMap<string, ServiceFacts>,
): FieldProblem[] {
  if (choices.length === 0) return [{ field: 'services', code: 'REQUIRED', message: 'Choose at least one service.' }];
  if (choices.length > 10) return [{ field: 'services', code: 'TOO_MANY', message: 'Choose at most 10 services.' }];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  choices.forEach((choice, i) => {
    const field = `services.${i}`;
    const service = facts.get(choice.serviceId);
    if (seen.has(choice.serviceId)) {
      problems.push({ field, code: 'DUPLICATE', message: 'A service is chosen twice; raise its count instead.' });
    } else if (!service || service.officeId !== officeId || !service.active) {
      problems.push({ field, code: 'UNKNOWN_SERVICE', message: 'This office does not offer this service.' });
    } else if (!service.bookableOnline) {
      problems.push({ field, code: 'NOT_BOOKABLE', message: 'This service cannot be booked as an appointment.' });
    } else if (!Number.isInteger(choice.count) || choice.count < 1 || choice.count > service.maxPerBooking) {
      problems.push({
        field: `${field}.count`,
        code: 'COUNT_OUT_OF_RANGE',
        message: `The count must be between 1 and ${service.maxPerBooking}.`,
      });
    }
    seen.add(choice.serviceId);
  });
  return problems;
}

/** What the booking knows about one upload id. */
export type UploadFacts = { id: string; documentId: string; attached: boolean };

/**
 * Checks the upload ids: known, not attached to another booking, for a document one of the chosen services asks
 * for, each once, at most `maxFiles`.
 */
export function checkUploads(
  ids: readonly string[],
  found: ReadonlyMap<string, UploadFacts>,
  allowedDocumentIds: ReadonlySet<string>,
  maxFiles: number,
): FieldProblem[] {
  if (ids.length > maxFiles)
    return [{ field: 'uploadIds', code: 'TOO_MANY', message: `At most ${maxFiles} files can be attached.` }];
  const problems: FieldProblem[] = [];
  ids.forEach((id, i) => {
    const field = `uploadIds.${i}`;
    const upload = found.get(id);
    if (ids.indexOf(id) !== i) problems.push({ field, code: 'DUPLICATE', message: 'This file is attached twice.' });
    else if (!upload || upload.attached)
      problems.push({
        field,
        code: 'UNKNOWN_UPLOAD',
        message: 'This upload does not exist or has expired; upload it again.',
      });
    else if (!allowedDocumentIds.has(upload.documentId))
      problems.push({ field, code: 'NOT_REQUESTED', message: 'None of the chosen services asks for this document.' });
  });
  return problems;
}
