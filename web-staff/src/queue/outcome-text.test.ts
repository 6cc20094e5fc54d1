import { CombinedGraphQLErrors } from '@apollo/client';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../locales/de.json';
import { failureNotice, fieldProblemText, refusalNotice } from './outcome-text';

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({ lng: 'de', resources: { de: { translation: de } }, interpolation: { escapeValue: false } }),
);
const t = i18n.t;

describe('what staff read after a refused queue action', () => {
  it('says how many wait for other counters when none waits for this one', () => {
    const empty = (waiting: number) => refusalNotice(t, { __typename: 'QueueEmpty', message: 'x', waiting });
    expect(empty(0)).toEqual({ tone: 'info', text: de.outcome.queueEmpty });
    expect(empty(1).text).toBe('Niemand wartet auf diesen Schalter. 1 Person wartet auf andere Schalter.');
    expect(empty(3).text).toBe('Niemand wartet auf diesen Schalter. 3 Personen warten auf andere Schalter.');
  });

  it('names the action and the status in German, never the api words', () => {
    const notice = refusalNotice(t, { __typename: 'NotAllowed', message: 'x', action: 'RECALL', status: 'DONE' });
    expect(notice.tone).toBe('info');
    expect(notice.text).toContain(`„${de.actions.RECALL}“`);
    expect(notice.text).toContain(`„${de.status.DONE}“`);
    expect(notice.text).not.toMatch(/RECALL|DONE/);
  });

  it('keeps danger for what staff cannot fix here', () => {
    expect(refusalNotice(t, { __typename: 'OfficeNotAllowed', message: 'x' })).toEqual({
      tone: 'danger',
      text: de.outcome.officeNotAllowed,
    });
    expect(
      refusalNotice(t, { __typename: 'CounterTaken', message: 'x', openedBy: 'Anna Admin', openedAt: '' }),
    ).toEqual({
      tone: 'info',
      text: 'Diesen Schalter hat gerade Anna Admin geöffnet.',
    });
  });

  it('turns field problems into sentences, each once, with a general one for unknown codes', () => {
    const fields = [{ code: 'REQUIRED' }, { code: 'REQUIRED' }, { code: 'SOMETHING_NEW' }];
    expect(fieldProblemText(t, fields)).toBe(`${de.fieldCodes.REQUIRED} ${de.fieldCodes.other}`);
    const invalid = refusalNotice(t, {
      __typename: 'InvalidInput',
      message: 'services.0.count: out of range',
      fields: [{ field: 'services.0.count', code: 'COUNT_OUT_OF_RANGE', message: 'out of range' }],
    });
    expect(invalid).toEqual({
      tone: 'warning',
      text: `Das wurde nicht angenommen. ${de.fieldCodes.COUNT_OUT_OF_RANGE}`,
    });
  });
});

describe('what staff read when something broke', () => {
  it('quotes the error reference of an unexpected server error, and asks to retry otherwise', () => {
    const reference = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    const error = new CombinedGraphQLErrors({
      errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: reference } }],
    });
    expect(failureNotice(t, error)).toEqual({ tone: 'danger', text: expect.stringContaining(reference) });
    expect(failureNotice(t, new TypeError('Failed to fetch'))).toEqual({ tone: 'danger', text: de.outcome.failed });
  });
});
