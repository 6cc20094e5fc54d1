import { createHash, randomBytes } from 'node:crypto';

/** Prefixes tell the kind of a bearer secret at a glance (and in secret scanners). */
export const tokenPrefix = { session: 'bcs_', device: 'bcd_', apiKey: 'bck_', passwordLink: 'bcp_' } as const;

/** A new secret with 256 random bits. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Secrets are high-entropy, so a fast hash is enough; only the hash is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
