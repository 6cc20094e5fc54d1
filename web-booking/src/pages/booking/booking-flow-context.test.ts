import { describe, expect, it } from 'vitest';
import { stepPaths } from './booking-flow-context';

describe('the addresses of the booking steps', () => {
  it('follow the office, one history entry per step', () => {
    expect(stepPaths('buergercentrum')).toEqual({
      office: '/buergercentrum',
      services: '/buergercentrum/termin',
      time: '/buergercentrum/termin/zeit',
      contact: '/buergercentrum/termin/kontakt',
      review: '/buergercentrum/termin/pruefen',
    });
  });
});
