import { describe, expect, it } from 'vitest';
import { toWebSocketUrl } from '../src/apollo.js';
import { describedBy } from '../src/components/FieldError.js';
import { formatTime } from '../src/datetime.js';

describe('the WebSocket address of /graphql', () => {
  it('is the same place with ws: or wss:, relative to the page', () => {
    expect(toWebSocketUrl('/graphql', 'https://termine.example.de/booking/kiosk')).toBe(
      'wss://termine.example.de/graphql',
    );
    expect(toWebSocketUrl('/graphql', 'http://localhost:4000/track/')).toBe('ws://localhost:4000/graphql');
    expect(toWebSocketUrl('https://api.example.de/graphql', 'http://localhost:5173/')).toBe(
      'wss://api.example.de/graphql',
    );
  });
});

describe('clock times in all three apps', () => {
  it("are 24-hour on the office's clock in both languages", () => {
    expect(formatTime('2027-03-01T13:05:00Z', 'Europe/Berlin', 'de')).toBe('14:05');
    expect(formatTime('2027-03-01T13:05:00Z', 'Europe/Berlin', 'en')).toBe('14:05');
    expect(formatTime('2027-07-01T22:30:00Z', 'Europe/Berlin', 'de')).toBe('00:30');
  });
});

describe('aria-describedby of a field', () => {
  it('names the hint and the error that are there, and nothing when neither is', () => {
    expect(describedBy('email-hint', 'email-error')).toBe('email-hint email-error');
    expect(describedBy('email-hint', false, null, undefined)).toBe('email-hint');
    expect(describedBy(false, undefined)).toBeUndefined();
  });
});
