import { describe, expect, it } from 'vitest';
import { callAnnouncement, spokenLabel } from './speech';

describe('spoken call', () => {
  it('spells letters one by one and says numbers as numbers, without leading zeros', () => {
    expect(spokenLabel('W017')).toBe('W 17');
    expect(spokenLabel('T100')).toBe('T 100');
    expect(spokenLabel('AB7')).toBe('A B 7');
    expect(spokenLabel('z1')).toBe('Z 1');
    expect(spokenLabel('12')).toBe('12');
    expect(spokenLabel('W000')).toBe('W 0');
    expect(spokenLabel(' A-42 ')).toBe('A 42');
  });

  it('says where to go, in German', () => {
    expect(callAnnouncement('W017', '5')).toBe('Nummer W 17, bitte zu Schalter 5');
    expect(callAnnouncement('A42', 'Z1')).toBe('Nummer A 42, bitte zu Schalter Z 1');
  });
});
