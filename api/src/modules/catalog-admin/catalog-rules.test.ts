import { describe, expect, it } from 'vitest';
import { checkCounter, checkDocument, checkService, deletable, inUseMessage, NO_USAGE } from './catalog-rules.js';

const codes = (r: { ok: true } | { ok: false; problems: { field: string; code: string }[] }) =>
  r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);

const service = { name: 'Reisepass', durationMinutes: 20, bookableOnline: true, walkInAllowed: false };

describe('services', () => {
  it('trims text, defaults the count per booking to 1 and keeps the documents in order', () => {
    expect(
      checkService({
        ...service,
        name: '  Reisepass ',
        description: ' Für alle ',
        leikaKey: '99 0880 0500 0000',
        documents: [
          { documentId: 'b', mandatory: false },
          { documentId: 'a', mandatory: true },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        name: 'Reisepass',
        description: 'Für alle',
        durationMinutes: 20,
        leikaKey: '99088005000000',
        bookableOnline: true,
        walkInAllowed: false,
        maxPerBooking: 1,
        documents: [
          { documentId: 'b', mandatory: false },
          { documentId: 'a', mandatory: true },
        ],
        translations: null,
      },
    });
  });

  it('checks translations against the German description; left out they stay as stored (null)', () => {
    const withTexts = (translations: { language: string; name: string; description?: string }[]) =>
      checkService({ ...service, description: 'Für alle', translations });
    expect(codes(withTexts([{ language: 'en', name: 'Passport' }]))).toEqual(['translations.0.description:REQUIRED']);
    const ok = withTexts([{ language: 'en', name: 'Passport', description: 'For everyone' }]);
    expect(ok.ok && ok.value.translations).toEqual([{ language: 'en', name: 'Passport', description: 'For everyone' }]);
  });

  it('refuses a service without duration or name, naming each field', () => {
    expect(codes(checkService({ ...service, name: '  ', durationMinutes: null }))).toEqual([
      'name:REQUIRED',
      'durationMinutes:REQUIRED',
    ]);
  });

  it('checks ranges, the LeiKa key and duplicate documents', () => {
    expect(
      codes(
        checkService({
          ...service,
          name: 'x'.repeat(121),
          description: 'y'.repeat(2001),
          durationMinutes: 0,
          maxPerBooking: 21,
          leikaKey: '12345',
          documents: [
            { documentId: 'a', mandatory: true },
            { documentId: 'a', mandatory: false },
          ],
        }),
      ),
    ).toEqual([
      'name:TOO_LONG',
      'description:TOO_LONG',
      'durationMinutes:OUT_OF_RANGE',
      'maxPerBooking:OUT_OF_RANGE',
      'leikaKey:BAD_LEIKA_KEY',
      'documents.1.documentId:DUPLICATE',
    ]);
    expect(codes(checkService({ ...service, durationMinutes: 7.5 }))).toEqual(['durationMinutes:OUT_OF_RANGE']);
    expect(codes(checkService({ ...service, durationMinutes: 481 }))).toEqual(['durationMinutes:OUT_OF_RANGE']);
  });

  it('accepts the range ends and an empty LeiKa key as none', () => {
    const r = checkService({ ...service, durationMinutes: 480, maxPerBooking: 20, leikaKey: ' ' });
    expect(r.ok && r.value.leikaKey).toBeNull();
    expect(checkService({ ...service, durationMinutes: 1 }).ok).toBe(true);
  });
});

describe('documents', () => {
  it('needs a name and keeps the description short', () => {
    expect(checkDocument({ name: ' Foto ', uploadable: true })).toEqual({
      ok: true,
      value: { name: 'Foto', description: '', uploadable: true, translations: null },
    });
    expect(codes(checkDocument({ name: '', description: 'z'.repeat(2001), uploadable: false }))).toEqual([
      'name:REQUIRED',
      'description:TOO_LONG',
    ]);
  });
});

describe('counters', () => {
  it('refuses a counter with no services', () => {
    expect(codes(checkCounter({ label: '7', serviceIds: [] }))).toEqual(['serviceIds:NO_SERVICES']);
  });

  it('refuses an empty or long label, duplicate services and bad hours, by field', () => {
    expect(
      codes(
        checkCounter({
          label: 'x'.repeat(21),
          serviceIds: ['a', 'b', 'a'],
          hours: [
            { weekday: 1, intervals: [{ opensAt: '12:00', closesAt: '08:00' }] },
            { weekday: 9, intervals: [] },
            { weekday: 2, intervals: [{ opensAt: '08:00', closesAt: '12:00' }] },
            { weekday: 2, intervals: [] },
          ],
        }),
      ),
    ).toEqual([
      'label:TOO_LONG',
      'serviceIds.2:DUPLICATE',
      'hours.0.intervals.0.closesAt:INVERTED_INTERVAL',
      'hours.1.weekday:OUT_OF_RANGE',
      'hours.3.weekday:DUPLICATE',
    ]);
    expect(codes(checkCounter({ label: ' ', serviceIds: ['a'] }))).toEqual(['label:REQUIRED']);
  });

  it('sorts the weekdays and drops weekdays without intervals', () => {
    expect(
      checkCounter({
        label: ' 12 ',
        serviceIds: ['a'],
        hours: [
          { weekday: 5, intervals: [{ opensAt: '08:00', closesAt: '12:00' }] },
          { weekday: 3, intervals: [] },
          {
            weekday: 1,
            intervals: [
              { opensAt: '13:00', closesAt: '15:00' },
              { opensAt: '08:00', closesAt: '09:00' },
            ],
          },
        ],
      }),
    ).toEqual({
      ok: true,
      value: {
        label: '12',
        serviceIds: ['a'],
        hours: [
          {
            weekday: 1,
            intervals: [
              { opensAt: '08:00', closesAt: '09:00' },
              { opensAt: '13:00', closesAt: '15:00' },
            ],
          },
          { weekday: 5, intervals: [{ opensAt: '08:00', closesAt: '12:00' }] },
        ],
      },
    });
  });
});

describe('deletion', () => {
  it('is allowed only when nothing refers to the item', () => {
    expect(deletable(NO_USAGE)).toBe(true);
    expect(deletable({ ...NO_USAGE, tickets: 1 })).toBe(false);
    expect(deletable({ ...NO_USAGE, sessions: 1 })).toBe(false);
    expect(deletable({ ...NO_USAGE, services: 2 })).toBe(false);
  });

  it('says what refers to it and what to do instead', () => {
    expect(inUseMessage('service', { ...NO_USAGE, appointments: 3, tickets: 1 })).toBe(
      'The service is referred to by 3 appointment(s), 1 ticket(s); deactivate it instead.',
    );
  });
});
