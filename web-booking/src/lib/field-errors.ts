import type { TFunction } from 'i18next';

/**
 * One problem with one field, from the api's InvalidInput (`field` is its path, e.g. "email" or "services.0.count")
 * or from the same checks done here before sending. `code` is the api's stable code. A problem with an upload is
 * kept as `uploadIds:<documentId>`, since the index into the sent ids means nothing once the file is gone.
 */
export type FieldIssue = { field: string; code: string };

export type Step = 'services' | 'time' | 'contact' | 'review';

/** Which step of the flow asks for a field, so that an error is shown where it can be corrected. */
export function stepOfField(field: string): Step {
  const head = field.split(/[.:]/)[0];
  switch (head) {
    case 'services':
      return 'services';
    case 'start':
      return 'time';
    case 'name':
    case 'email':
    case 'phone':
    case 'language':
    case 'privacyConsent':
    case 'uploadIds':
      return 'contact';
    default:
      return 'review';
  }
}

/** The text for a problem: specific to the field where there is one, else general for the code. */
export function issueText(t: TFunction, issue: FieldIssue): string {
  const group = issue.field.split(/[.:]/)[0] ?? issue.field;
  return t([`fieldErrors.${group}.${issue.code}`, `fieldErrors.${issue.code}`, 'fieldErrors.fallback']);
}

const phonePattern = /^\+?[0-9][0-9 ()/-]{4,30}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The api's contact checks, done before sending so that the citizen hears about them at once. */
export function contactIssues(c: {
  name: string;
  email: string;
  phone: string;
  privacyConsent: boolean;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const name = c.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2) issues.push({ field: 'name', code: 'REQUIRED' });
  else if (name.length > 120) issues.push({ field: 'name', code: 'TOO_LONG' });
  const email = c.email.trim();
  if (!email) issues.push({ field: 'email', code: 'REQUIRED' });
  else if (email.length > 254 || !emailPattern.test(email)) issues.push({ field: 'email', code: 'INVALID' });
  const phone = c.phone.trim();
  if (phone && !phonePattern.test(phone)) issues.push({ field: 'phone', code: 'INVALID' });
  if (!c.privacyConsent) issues.push({ field: 'privacyConsent', code: 'REQUIRED' });
  return issues;
}
