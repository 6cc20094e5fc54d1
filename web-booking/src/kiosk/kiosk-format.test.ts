import { describe, expect, it } from 'vitest';
import {
  callRange,
  dayLabel,
  deleteLast,
  formatTypedCode,
  isCompleteCode,
  newRequestId,
  typeKey,
} from './kiosk-format';

const checkIn = `BC1-${'A2'.repeat(13)}`;

describe('the code field of the kiosk', () => {
  it('shapes a typed reference as XXXX-XXXX, dropping characters a reference never has', () => {
    expect(formatTypedCode('k7m4')).toBe('K7M4');
    expect(formatTypedCode('k7m4p')).toBe('K7M4-P');
    expect(formatTypedCode('K7M4-PQ2X')).toBe('K7M4-PQ2X');
    expect(formatTypedCode('k 7 m 4 0 1 o i p q 2 x z z')).toBe('K7M4-PQ2X');
  });

  it('keeps a scanned check-in code whole and cut to its length', () => {
    expect(formatTypedCode(checkIn.toLowerCase())).toBe(checkIn);
    expect(formatTypedCode(`bc1${'A2'.repeat(13)}`)).toBe(checkIn);
    expect(formatTypedCode(`${checkIn}AAAA`)).toBe(checkIn);
  });

  it('is complete with eight reference characters or a whole check-in code', () => {
    expect(isCompleteCode('K7M4-PQ2X')).toBe(true);
    expect(isCompleteCode('K7M4-PQ2')).toBe(false);
    expect(isCompleteCode(checkIn)).toBe(true);
    expect(isCompleteCode(checkIn.slice(0, -1))).toBe(false);
  });

  it('types and deletes one key at a time, the dash coming and going by itself', () => {
    expect(typeKey('K7M4', 'P')).toBe('K7M4-P');
    expect(typeKey('K7M4-PQ2X', 'Z')).toBe('K7M4-PQ2X');
    expect(deleteLast('K7M4-P')).toBe('K7M4');
    expect(deleteLast('K7M4')).toBe('K7M');
    expect(deleteLast('BC1-')).toBe('');
    expect(deleteLast('')).toBe('');
  });
});

describe('times on the kiosk', () => {
  const at = (hhmm: string) => `2027-03-01T${hhmm}:00Z`;
  const now = Date.parse(at('09:00'));

  it('widens the estimated call to five minutes on either side, never before now', () => {
    expect(callRange(at('09:22'), at('09:31'), now, 'Europe/Berlin', 'de')).toEqual({ from: '10:20', to: '10:35' });
    expect(callRange(at('08:50'), at('09:04'), now, 'Europe/Berlin', 'de')).toEqual({ from: '10:00', to: '10:05' });
    expect(callRange(at('09:20'), at('09:20'), now, 'Europe/Berlin', 'de')).toEqual({ from: '10:20', to: null });
  });

  it('calls a day today, tomorrow, or by its weekday and date', () => {
    const words = { today: 'heute', tomorrow: 'morgen', on: (date: string) => `am ${date}` };
    const monday = new Date(at('09:00'));
    expect(dayLabel(at('15:00'), 'Europe/Berlin', 'de', words, monday)).toBe('heute');
    expect(dayLabel('2027-03-01T23:30:00Z', 'Europe/Berlin', 'de', words, monday)).toBe('morgen');
    expect(dayLabel('2027-03-05T09:00:00Z', 'Europe/Berlin', 'de', words, monday)).toBe('am Freitag, 5. März');
    expect(dayLabel('2027-03-05T09:00:00Z', 'Europe/Berlin', 'en', words, monday)).toBe('am Friday 5 March');
  });

  it('gives each tap its own request id', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newRequestId()));
    expect(ids.size).toBe(50);
  });
});
