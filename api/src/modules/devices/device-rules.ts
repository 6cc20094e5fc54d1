/** Pure rules of device administration and pairing: names, pairing codes, a device's status. */

import { singleLine } from '../../plain-text.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { type DeviceKind, deviceRoles } from '../../shared/role.js';

/**
 * Letters and digits that cannot be mistaken for one another when read off a screen and typed on a kiosk: no 0/O/Q/D,
 * 1/I/L, 2/Z, 5/S, 6/G, 8/B.
 */
export const PAIRING_ALPHABET = 'ACEFHJKMNPRTUVWXY3479';
export const PAIRING_CODE_LENGTH = 10;
/** A pairing code is valid this long after it was issued. */
export const PAIRING_CODE_MINUTES = 15;
export const DEVICE_NAME_MAX = 60;

/** A new pairing code; `randomIndex(n)` must return a uniformly random integer in [0, n). */
export function newPairingCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomIndex(PAIRING_ALPHABET.length)];
  return code;
}

/** Shown in two groups of five (`ACEFH-JKMNP`), easier to read aloud and to type. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The code as typed (any case, spaces and hyphens anywhere) in its stored form, or null when it cannot be a pairing
 * code at all.
 */
export function normalizePairingCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== PAIRING_CODE_LENGTH) return null;
  for (const ch of code) if (!PAIRING_ALPHABET.includes(ch)) return null;
  return code;
}

export function pairingCodeExpiry(now: Date): Date {
  return new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
}

/** A device name: one line of plain text (see plain-text.ts), 1–60 characters. */
export function checkDeviceName(raw: string): { ok: true; value: string } | { ok: false; problem: FieldProblem } {
  const value = singleLine(raw);
  if (value.length === 0)
    return { ok: false, problem: { field: 'name', code: 'REQUIRED', message: 'Give the device a name.' } };
  if (value.length > DEVICE_NAME_MAX)
    return {
      ok: false,
      problem: { field: 'name', code: 'TOO_LONG', message: `A device name has at most ${DEVICE_NAME_MAX} characters.` },
    };
  return { ok: true, value };
}

export function isDeviceKind(kind: string): kind is DeviceKind {
  return (deviceRoles as readonly string[]).includes(kind);
}

export const badKind: FieldProblem = {
  field: 'kind',
  code: 'NOT_A_DEVICE_KIND',
  message: `A device is one of ${deviceRoles.join(', ')}.`,
};

export const nameTaken: FieldProblem = {
  field: 'name',
  code: 'NAME_TAKEN',
  message: 'Another device of this office has this name.',
};

export const unknownDevice: FieldProblem = {
  field: 'deviceId',
  code: 'UNKNOWN_DEVICE',
  message: 'There is no such device.',
};

export const deviceRevoked: FieldProblem = {
  field: 'deviceId',
  code: 'REVOKED',
  message: 'This device has been revoked; register a new one instead.',
};

export enum DeviceStatus {
  /** Has a token and may call the api. */
  PAIRED = 'PAIRED',
  /** Waits for its pairing code to be entered; the code is still valid. */
  WAITING = 'WAITING',
  /** Waits for pairing, but its code has expired: a new code is needed. */
  CODE_EXPIRED = 'CODE_EXPIRED',
  /** Refused for good. */
  REVOKED = 'REVOKED',
}

export type DeviceFacts = {
  tokenHash: string | null;
  revokedAt: Date | null;
  pairingCodeExpiresAt: Date | null;
};

export function deviceStatus(d: DeviceFacts, now: Date): DeviceStatus {
  if (d.revokedAt) return DeviceStatus.REVOKED;
  if (d.tokenHash) return DeviceStatus.PAIRED;
  if (d.pairingCodeExpiresAt && d.pairingCodeExpiresAt > now) return DeviceStatus.WAITING;
  return DeviceStatus.CODE_EXPIRED;
}

export enum PairingRefusal {
  UNKNOWN = 'UNKNOWN',
  EXPIRED = 'EXPIRED',
  USED = 'USED',
}

export type PairingFacts = DeviceFacts & { pairedAt: Date | null };

/**
 * Why a device found by its pairing code may not be paired now, or null when it may. A code is used up once a
 * token was issued for it (`pairedAt`); a revoked device's code is unknown (it was dropped on revocation).
 */
export function pairingRefusal(d: PairingFacts | null, now: Date): PairingRefusal | null {
  if (!d || d.revokedAt) return PairingRefusal.UNKNOWN;
  if (d.pairedAt || d.tokenHash) return PairingRefusal.USED;
  if (!d.pairingCodeExpiresAt || d.pairingCodeExpiresAt <= now) return PairingRefusal.EXPIRED;
  return null;
}

export const pairingRefusalMessage: Record<PairingRefusal, string> = {
  UNKNOWN: 'There is no such pairing code. Check the code or ask for a new one.',
  EXPIRED: 'This pairing code has expired. Ask for a new one.',
  USED: 'This pairing code has already been used. Ask for a new one.',
};
