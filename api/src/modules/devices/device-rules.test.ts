import { describe, expect, it } from 'vitest';
import {
  checkDeviceName,
  DeviceStatus,
  deviceStatus,
  formatPairingCode,
  newPairingCode,
  normalizePairingCode,
  PAIRING_ALPHABET,
  PairingRefusal,
  pairingCodeExpiry,
  pairingRefusal,
} from './device-rules.js';

const now = new Date('2027-03-01T08:00:00Z');
const later = new Date('2027-03-01T08:10:00Z');
const earlier = new Date('2027-03-01T07:50:00Z');

describe('pairing codes', () => {
  it('are ten characters of the unambiguous alphabet', () => {
    let i = 0;
    const code = newPairingCode((n) => i++ % n);
    expect(code).toBe('ACEFHJKMNP');
    expect(PAIRING_ALPHABET).not.toMatch(/[0O1IL2Z5S8B6GQD]/);
    expect(newPairingCode((n) => n - 1)).toBe('9999999999');
  });

  it('are shown in two groups and read back in any case, with spaces or hyphens', () => {
    expect(formatPairingCode('ACEFHJKMNP')).toBe('ACEFH-JKMNP');
    expect(normalizePairingCode('acefh-jkmnp')).toBe('ACEFHJKMNP');
    expect(normalizePairingCode(' ACE FHJ KMNP ')).toBe('ACEFHJKMNP');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizePairingCode('')).toBeNull();
    expect(normalizePairingCode('ACEFH-JKMN')).toBeNull();
    expect(normalizePairingCode('ACEFH-JKMNPP')).toBeNull();
    expect(normalizePairingCode('ACEFH-JKMN0')).toBeNull();
    expect(normalizePairingCode('ÄCEFH-JKMNP')).toBeNull();
  });

  it('expire after 15 minutes', () => {
    expect(pairingCodeExpiry(now).toISOString()).toBe('2027-03-01T08:15:00.000Z');
  });
});

describe('device names', () => {
  it('are trimmed with inner whitespace collapsed', () => {
    expect(checkDeviceName('  Kiosk   Eingang ')).toEqual({ ok: true, value: 'Kiosk Eingang' });
  });

  it('are required and at most 60 characters', () => {
    expect(checkDeviceName('   ')).toMatchObject({ ok: false, problem: { field: 'name', code: 'REQUIRED' } });
    expect(checkDeviceName('x'.repeat(61))).toMatchObject({ ok: false, problem: { code: 'TOO_LONG' } });
    expect(checkDeviceName('x'.repeat(60)).ok).toBe(true);
  });
});

describe('device status', () => {
  const base = { tokenHash: null, revokedAt: null, pairingCodeExpiresAt: null };
  it('tells paired, waiting, expired and revoked apart', () => {
    expect(deviceStatus({ ...base, tokenHash: 'h' }, now)).toBe(DeviceStatus.PAIRED);
    expect(deviceStatus({ ...base, pairingCodeExpiresAt: later }, now)).toBe(DeviceStatus.WAITING);
    expect(deviceStatus({ ...base, pairingCodeExpiresAt: now }, now)).toBe(DeviceStatus.CODE_EXPIRED);
    expect(deviceStatus(base, now)).toBe(DeviceStatus.CODE_EXPIRED);
    expect(deviceStatus({ ...base, tokenHash: 'h', revokedAt: earlier }, now)).toBe(DeviceStatus.REVOKED);
  });
});

describe('pairing refusals', () => {
  const waiting = { tokenHash: null, revokedAt: null, pairingCodeExpiresAt: later, pairedAt: null };
  it('accept a waiting device with a valid code', () => {
    expect(pairingRefusal(waiting, now)).toBeNull();
  });
  it('name the reason otherwise', () => {
    expect(pairingRefusal(null, now)).toBe(PairingRefusal.UNKNOWN);
    expect(pairingRefusal({ ...waiting, revokedAt: earlier }, now)).toBe(PairingRefusal.UNKNOWN);
    expect(pairingRefusal({ ...waiting, pairingCodeExpiresAt: earlier }, now)).toBe(PairingRefusal.EXPIRED);
    expect(pairingRefusal({ ...waiting, pairingCodeExpiresAt: now }, now)).toBe(PairingRefusal.EXPIRED);
    expect(pairingRefusal({ ...waiting, tokenHash: 'h', pairedAt: earlier }, now)).toBe(PairingRefusal.USED);
    // A used code stays used after it expired.
    expect(pairingRefusal({ ...waiting, tokenHash: 'h', pairedAt: earlier, pairingCodeExpiresAt: earlier }, now)).toBe(
      PairingRefusal.USED,
    );
  });
});
