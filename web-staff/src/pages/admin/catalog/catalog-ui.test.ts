import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../../../locales/de.json';
import { codeAt, errorText, fieldCodes, refusalNotice, wholeNumber } from './catalog-ui';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({ lng: 'de', resources: { de: { translation: de } }, interpolation: { escapeValue: false } }),
);

describe('field errors of a catalog form', () => {
  it('keep the first code per field and find it for the field or anything below it', () => {
    const codes = fieldCodes([
      { field: 'name', code: 'NAME_TAKEN' },
      { field: 'name', code: 'TOO_LONG' },
      { field: 'hours.2.intervals.0.opensAt', code: 'BAD_TIME' },
    ]);
    expect(codes).toEqual({ name: 'NAME_TAKEN', 'hours.2.intervals.0.opensAt': 'BAD_TIME' });
    expect(codeAt(codes, 'name')).toBe('NAME_TAKEN');
    expect(codeAt(codes, 'hours.2')).toBe('BAD_TIME');
    expect(codeAt(codes, 'hours.1')).toBeUndefined();
    expect(codeAt(codes, 'hours.20')).toBeUndefined();
  });

  it('are told in German, with a general text for codes the page does not know', () => {
    expect(errorText(i18n.t, 'NAME_TAKEN')).toBe(de.adminCatalog.error.NAME_TAKEN);
    expect(errorText(i18n.t, 'SOMETHING_NEW')).toBe(de.adminCatalog.error.other);
  });
});

describe('a refused catalog change', () => {
  it('says how many booked appointments still need the item', () => {
    const use = { code: 'FUTURE_APPOINTMENTS', appointments: 1, tickets: 0, uploads: 0, services: 0 };
    const notice = refusalNotice(i18n.t, { __typename: 'CatalogItemInUse', ...use });
    expect(notice).toEqual({ tone: 'warning', text: de.adminCatalog.futureAppointments_one.replace('{{count}}', '1') });
  });

  it('lists what still refers to an item that cannot be deleted', () => {
    const use = { code: 'IN_USE', appointments: 4, tickets: 2, uploads: 0, services: 1 };
    const { text } = refusalNotice(i18n.t, { __typename: 'CatalogItemInUse', ...use });
    expect(text).toContain('Termine: 4, Wartemarken: 2, Hochgeladenes: 0, Dienstleistungen: 1');
  });
});

describe('a whole number typed into a field', () => {
  it('is a number, nothing when empty, and not a number otherwise', () => {
    expect(wholeNumber(' 12 ')).toBe(12);
    expect(wholeNumber('  ')).toBeNull();
    for (const text of ['1.5', '-3', '12a', '1e3']) expect(wholeNumber(text), text).toBeNaN();
  });
});
