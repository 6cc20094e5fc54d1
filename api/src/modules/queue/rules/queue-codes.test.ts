import { describe, expect, it } from 'vitest';
import { newTrackingToken, parseScannedCode, ticketNumber, ticketPrefix, trackingLink } from './queue-codes.js';
import { TicketOrigin } from './ticket-model.js';

describe('queue codes', () => {
  it('numbers tickets with a letter per kind', () => {
    expect(ticketPrefix(TicketOrigin.APPOINTMENT)).toBe('T');
    expect(ticketPrefix(TicketOrigin.KIOSK)).toBe('W');
    expect(ticketPrefix(TicketOrigin.INFO_DESK)).toBe('W');
    expect(ticketNumber('W', 7)).toBe('W007');
    expect(ticketNumber('T', 1234)).toBe('T1234');
  });

  it('makes tracking tokens with 128 random bits', () => {
    const token = newTrackingToken();
    expect(token).toMatch(/^bct_[A-Za-z0-9_-]{22}$/);
    expect(newTrackingToken()).not.toBe(token);
    expect(trackingLink('https://termine.example.de', token)).toBe(`https://termine.example.de/track/t/${token}`);
  });

  it('reads tracking links and tokens, check-in codes and typed references', () => {
    const token = newTrackingToken();
    expect(parseScannedCode(`https://x.de/track/t/${token}`)).toEqual({ kind: 'tracking', token });
    expect(parseScannedCode(` ${token}\n`)).toEqual({ kind: 'tracking', token });
    expect(parseScannedCode('bc1-abcdefghijklmnopqrstuvwxyz')).toEqual({
      kind: 'checkIn',
      code: 'BC1-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    });
    expect(parseScannedCode('k7m4 pq2x')).toEqual({ kind: 'reference', reference: 'K7M4-PQ2X' });
    expect(parseScannedCode('https://x.de/track/t/nope')).toBeNull();
    expect(parseScannedCode('hello')).toBeNull();
    expect(parseScannedCode('')).toBeNull();
  });
});
