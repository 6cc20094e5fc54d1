/** Ticket numbers, tracking tokens and what a scanner reads (pure, apart from the random token). */
import { randomBytes } from 'node:crypto';
import { normalizeReference } from '../../booking/codes.js';
import { TicketOrigin } from './ticket-model.js';

/** The displayed number's letter: T for a checked-in appointment (Termin), W for a walk-in (Wartende). */
export function ticketPrefix(origin: TicketOrigin): 'T' | 'W' {
  return origin === TicketOrigin.APPOINTMENT ? 'T' : 'W';
}

/** "W007": the letter and the day's running number of that letter, at least three digits. */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

export const TRACKING_PREFIX = 'bct_';

/** A tracking token: 128 random bits; only its SHA-256 is stored. */
export function newTrackingToken(): string {
  return `${TRACKING_PREFIX}${randomBytes(16).toString('base64url')}`;
}

/** The page that follows a ticket live; it is what the ticket's QR code holds. */
export function trackingLink(publicUrl: string, token: string): string {
  return `${publicUrl}/track/t/${token}`;
}

export type ScannedCode =
  | { kind: 'tracking'; token: string }
  | { kind: 'checkIn'; code: string }
  | { kind: 'reference'; reference: string };

const TOKEN = /^bct_[A-Za-z0-9_-]{22}$/;

/**
 * What a scanner or a person entered: a ticket's tracking link or token, an appointment's check-in code (the QR code
 * of the confirmation, "BC1-…") or its typed reference ("k7m4 pq2x"); null when it is none of them.
 */
export function parseScannedCode(input: string): ScannedCode | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 300) return null;
  const fromLink = /\/track\/t\/([^/?#\s]+)/.exec(text)?.[1];
  const token = fromLink ?? text;
  if (TOKEN.test(token)) return { kind: 'tracking', token };
  if (fromLink) return null;
  if (/^bc1-[a-z2-7]{26}$/i.test(text)) return { kind: 'checkIn', code: text.toUpperCase() };
  const reference = normalizeReference(text);
  return reference ? { kind: 'reference', reference } : null;
}
