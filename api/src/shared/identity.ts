/** Who calls the api, as the request's credentials say (resolved by the staff module's identity service). */
import type { DeviceKind, Role, StaffRole } from './role.js';

export type StaffIdentity = {
  kind: 'staff';
  sessionId: string;
  /** When the session ends by itself (sign-in time + SESSION_TTL_HOURS). */
  sessionExpiresAt: Date;
  user: { id: string; username: string; displayName: string; roles: StaffRole[] };
};
export type DeviceIdentity = {
  kind: 'device';
  device: { id: string; officeId: string; kind: DeviceKind; name: string };
};
export type PortalIdentity = {
  kind: 'portal';
  /** requestsPerMinute: the key's own limit, null for the configured default; read on every request (no cache). */
  apiKey: { id: string; name: string; requestsPerMinute: number | null };
};
export type Identity = { kind: 'anonymous' } | StaffIdentity | DeviceIdentity | PortalIdentity;

export function rolesOf(identity: Identity): Role[] {
  switch (identity.kind) {
    case 'staff':
      return identity.user.roles;
    case 'device':
      return [identity.device.kind];
    case 'portal':
      return ['PORTAL' as Role];
    case 'anonymous':
      return [];
  }
}
