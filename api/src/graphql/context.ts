import type { Logger } from '../logger.js';
import type { CatalogLoaders } from '../modules/catalog/catalog.service.js';
import type { Services } from '../services.js';
import type { DeviceKind, Role, StaffRole } from '../shared/role.js';

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

/** What every resolver gets; built once per HTTP request or per WebSocket connection. */
export type Context = {
  identity: Identity;
  services: Services;
  loaders: CatalogLoaders;
  log: Logger;
  clientIp: string;
  /** Set on HTTP requests only: lets login and logout write the session cookie. */
  cookies?: { set: (value: string, maxAgeSeconds: number) => void; clear: () => void };
};
