import { afterEach, describe, expect, it, vi } from 'vitest';
import { officeHome, rememberOffice } from './offices';

const offices = [{ slug: 'nord' }, { slug: 'sued' }];

function stubStorage() {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => items.set(key, value),
  });
}

describe('where an area opens for a staff member', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens the only office straight away', () => {
    expect(officeHome('/information', [{ slug: 'nord' }])).toBe('/information/nord');
  });

  it('opens the office last worked in, if the account still works there', () => {
    stubStorage();
    expect(officeHome('/arbeitsplatz', offices)).toBe('/arbeitsplatz');
    rememberOffice('sued');
    expect(officeHome('/arbeitsplatz', offices)).toBe('/arbeitsplatz/sued');
    rememberOffice('west');
    expect(officeHome('/arbeitsplatz', offices)).toBe('/arbeitsplatz');
  });

  it('lets the person choose when the browser keeps nothing', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
    });
    expect(officeHome('/information', offices)).toBe('/information');
  });
});
