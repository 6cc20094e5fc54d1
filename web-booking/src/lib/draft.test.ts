import { describe, expect, it } from 'vitest';
import { type BookingDraft, emptyDraft, parseDraft, withServices } from './draft';

const upload = (id: string, documentId: string) => ({ id, documentId, fileName: `${id}.pdf`, sizeBytes: 1000 });

const draft: BookingDraft = {
  ...emptyDraft,
  services: [{ serviceId: 's1', count: 2 }],
  start: '2027-03-01T08:30:00.000Z',
  durationMinutes: 30,
  name: 'Erika Mustermann',
  email: 'erika@example.de',
  language: 'en',
  privacyConsent: true,
  uploads: [upload('u1', 'passport'), upload('u2', 'photo')],
};

describe('a stored draft', () => {
  it('comes back as it was saved', () => {
    expect(parseDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it('is empty when nothing or no JSON object is stored', () => {
    for (const raw of [null, '', '{', '[]', '"text"', 'null', '42'])
      expect(parseDraft(raw), String(raw)).toEqual(emptyDraft);
  });

  it('keeps only what fits the shape', () => {
    const stored = {
      services: [
        { serviceId: 's1', count: 1 },
        { serviceId: 's2', count: 0 },
        { count: 1 },
        'x',
        { serviceId: 's3', count: 1.5 },
      ],
      start: 'tomorrow',
      durationMinutes: -5,
      name: 42,
      language: 'fr',
      privacyConsent: 'yes',
      uploads: [upload('u1', 'passport'), { id: 'u2' }, { id: 'u3', documentId: 'photo', sizeBytes: 'big' }],
    };
    expect(parseDraft(JSON.stringify(stored))).toEqual({
      ...emptyDraft,
      services: [{ serviceId: 's1', count: 1 }],
      uploads: [upload('u1', 'passport'), { id: 'u3', documentId: 'photo', fileName: '', sizeBytes: 0 }],
    });
  });
});

describe('choosing other services', () => {
  it('changes nothing when the choice is the same', () => {
    expect(withServices(draft, [{ serviceId: 's1', count: 2 }], new Set())).toBe(draft);
  });

  it('forgets the chosen time and the files no new service asks for', () => {
    const next = withServices(draft, [{ serviceId: 's1', count: 1 }], new Set(['photo']));
    expect(next).toEqual({
      ...draft,
      services: [{ serviceId: 's1', count: 1 }],
      start: null,
      durationMinutes: null,
      uploads: [upload('u2', 'photo')],
    });
  });
});
