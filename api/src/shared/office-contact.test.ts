import { describe, expect, it } from 'vitest';
import { mapUrl, phoneUri } from './office-contact.js';

describe('phoneUri', () => {
  it('turns a German number as offices write it into a global tel: link', () => {
    expect(phoneUri('07231 39-0')).toBe('tel:+497231390');
    expect(phoneUri('(07231) 39/2000')).toBe('tel:+497231392000');
    expect(phoneUri('+49 7231 39-0')).toBe('tel:+497231390');
    expect(phoneUri('0043 1 234567')).toBe('tel:+431234567');
    expect(phoneUri('115')).toBe('tel:115');
  });
  it('is null without a phone', () => {
    expect(phoneUri(null)).toBeNull();
    expect(phoneUri('')).toBeNull();
  });
});

describe('mapUrl', () => {
  it('searches the address on OpenStreetMap, encoded', () => {
    expect(mapUrl({ street: 'Östliche Karl-Friedrich-Straße 2', postalCode: '75175', city: 'Pforzheim' })).toBe(
      'https://www.openstreetmap.org/search?query=%C3%96stliche%20Karl-Friedrich-Stra%C3%9Fe%202%2C%2075175%20Pforzheim',
    );
    expect(mapUrl({ street: 'A & B 1', postalCode: '12345', city: 'X#Y' })).toBe(
      'https://www.openstreetmap.org/search?query=A%20%26%20B%201%2C%2012345%20X%23Y',
    );
  });
});
