import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import de from '../locales/de.json';
import { contactIssues, issueText, stepOfField } from './field-errors';

const valid = { name: 'Erika Mustermann', email: 'erika@example.de', phone: '', privacyConsent: true };

describe('contact checks before sending', () => {
  it('accepts a complete contact, with or without a phone number', () => {
    expect(contactIssues(valid)).toEqual([]);
    expect(contactIssues({ ...valid, phone: '+49 (7231) 39-0' })).toEqual([]);
  });

  it('counts the name after collapsing its spaces', () => {
    expect(contactIssues({ ...valid, name: ' E ' })).toEqual([{ field: 'name', code: 'REQUIRED' }]);
    expect(contactIssues({ ...valid, name: `${'a'.repeat(60)}   ${'b'.repeat(59)}` })).toEqual([]);
    expect(contactIssues({ ...valid, name: 'a'.repeat(121) })).toEqual([{ field: 'name', code: 'TOO_LONG' }]);
  });

  it('names every problem at once, in the order of the form', () => {
    expect(contactIssues({ name: '', email: 'erika@', phone: 'abc', privacyConsent: false })).toEqual([
      { field: 'name', code: 'REQUIRED' },
      { field: 'email', code: 'INVALID' },
      { field: 'phone', code: 'INVALID' },
      { field: 'privacyConsent', code: 'REQUIRED' },
    ]);
    expect(contactIssues({ ...valid, email: '  ' })).toEqual([{ field: 'email', code: 'REQUIRED' }]);
  });
});

describe('where a problem is shown', () => {
  it('sends each field to the step that asks for it', () => {
    expect(stepOfField('services.0.count')).toBe('services');
    expect(stepOfField('start')).toBe('time');
    expect(stepOfField('email')).toBe('contact');
    expect(stepOfField('uploadIds:doc-1')).toBe('contact');
    expect(stepOfField('somethingNew')).toBe('review');
  });

  it('takes the text of the field, else of the code, else the general one', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'de', resources: { de: { translation: de } } });
    expect(issueText(i18n.t, { field: 'email', code: 'INVALID' })).toBe(de.fieldErrors.email.INVALID);
    expect(issueText(i18n.t, { field: 'services.2.count', code: 'COUNT_OUT_OF_RANGE' })).toBe(
      de.fieldErrors.services.COUNT_OUT_OF_RANGE,
    );
    expect(issueText(i18n.t, { field: 'phone', code: 'TOO_LONG' })).toBe(de.fieldErrors.TOO_LONG);
    expect(issueText(i18n.t, { field: 'phone', code: 'NEW_CODE' })).toBe(de.fieldErrors.fallback);
  });
});
