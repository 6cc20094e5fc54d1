import { describe, expect, it } from 'vitest';
import { checkServiceChoices } from './walk-in-input.js';

const services = new Map([
  ['id-card', { active: true, walkInAllowed: true, maxPerBooking: 5 }],
  ['licence', { active: true, walkInAllowed: true, maxPerBooking: 1 }],
  ['naturalisation', { active: true, walkInAllowed: false, maxPerBooking: 1 }],
  ['old', { active: false, walkInAllowed: true, maxPerBooking: 1 }],
]);
const counters = [{ serviceIds: ['id-card'] }, { serviceIds: ['licence', 'naturalisation'] }];
const codes = (choices: { serviceId: string; count: number }[], walkIn = true) =>
  checkServiceChoices(choices, services, counters, { walkIn }).map((p) => `${p.field}:${p.code}`);

describe('service choices', () => {
  it('accepts walk-in services one counter handles together', () => {
    expect(codes([{ serviceId: 'id-card', count: 2 }])).toEqual([]);
  });

  it('names every problem by its field', () => {
    expect(codes([])).toEqual(['services:REQUIRED']);
    expect(
      codes([
        { serviceId: 'nope', count: 1 },
        { serviceId: 'old', count: 1 },
        { serviceId: 'naturalisation', count: 1 },
        { serviceId: 'id-card', count: 6 },
        { serviceId: 'licence', count: 1 },
        { serviceId: 'licence', count: 1 },
      ]),
    ).toEqual([
      'services.0:UNKNOWN_SERVICE',
      'services.1:UNKNOWN_SERVICE',
      'services.2:NOT_WALK_IN',
      'services.3.count:COUNT_OUT_OF_RANGE',
      'services.5:DUPLICATE',
    ]);
  });

  it('refuses services no single counter handles, and allows appointment-only services for transfers', () => {
    expect(
      codes([
        { serviceId: 'id-card', count: 1 },
        { serviceId: 'licence', count: 1 },
      ]),
    ).toEqual(['services:NO_COUNTER']);
    expect(codes([{ serviceId: 'naturalisation', count: 1 }], false)).toEqual([]);
  });
});
