/**
 * The LISTEN/NOTIFY channels the migrations' triggers notify on every commit: `bc_live` for a changed office queue
 * (migration "live"), `bc_revoked` for revoked sessions, devices and portal keys (migration "revocation-notices").
 */
export const LIVE_CHANNEL = 'bc_live';
export const REVOKED_CHANNEL = 'bc_revoked';
