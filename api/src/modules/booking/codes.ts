import { randomBytes, randomInt } from 'node:crypto';

/** Letters and digits a person cannot mix up when reading or typing: no 0/O, 1/I/L, U/V. */
export const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** A short reference such as "K7M4-PQ2X" (29^8 ≈ 5·10^11 values); unique by a database index. */
export function newReference(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += referenceAlphabet[randomInt(referenceAlphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, in canonical form ("k7m4 pq2x" → "K7M4-PQ2X"), or null when it cannot be a reference. */
export function normalizeReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 8 || [...compact].some((c) => !referenceAlphabet.includes(c))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The content of the confirmation's QR code: "BC1-" and 128 random bits in upper-case base32, so the QR code
 * uses the compact alphanumeric mode and no one can make up a valid code.
 */
export function newCheckInCode(): string {
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32[(value << (5 - bits)) & 31];
  return `BC1-${out}`;
}
