import type { DataSource } from 'typeorm';
import { hashSecret, tokenPrefix } from '../../shared/credentials.js';
import type { Identity } from '../../shared/identity.js';
import { DeviceEntity } from '../devices/device.entity.js';
import { ApiKeyEntity } from '../portal-keys/api-key.entity.js';
import { StaffSessionEntity } from './staff-session.entity.js';

export type Credentials = { sessionToken?: string; bearer?: string };

/** Turns the secrets a request carries (session cookie, bearer token) into who is calling. */
export class IdentityService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  /**
   * A bearer secret that is unknown or revoked gives 'invalid' (the device or portal must be told);
   * an expired session cookie just means "signed out".
   */
  async resolve(credentials: Credentials): Promise<Identity | 'invalid'> {
    const { bearer, sessionToken } = credentials;
    if (bearer?.startsWith(tokenPrefix.device)) return (await this.device(bearer)) ?? 'invalid';
    if (bearer?.startsWith(tokenPrefix.apiKey)) return (await this.portal(bearer)) ?? 'invalid';
    if (bearer) return 'invalid';
    if (sessionToken) return (await this.staff(sessionToken)) ?? { kind: 'anonymous' };
    return { kind: 'anonymous' };
  }

  private async staff(token: string): Promise<Identity | undefined> {
    const session = await this.ds.getRepository(StaffSessionEntity).findOne({
      where: { tokenHash: hashSecret(token) },
      relations: { staffUser: true },
    });
    if (!session || session.expiresAt <= this.now() || !session.staffUser.active) return undefined;
    const { id, username, displayName, roles } = session.staffUser;
    return {
      kind: 'staff',
      sessionId: session.id,
      sessionExpiresAt: session.expiresAt,
      user: { id, username, displayName, roles },
    };
  }

  private async device(token: string): Promise<Identity | undefined> {
    const repo = this.ds.getRepository(DeviceEntity);
    const device = await repo.findOneBy({ tokenHash: hashSecret(token) });
    if (!device || device.revokedAt) return undefined;
    await repo.update(device.id, { lastSeenAt: this.now() });
    return {
      kind: 'device',
      device: { id: device.id, officeId: device.officeId, kind: device.kind, name: device.name },
    };
  }

  private async portal(key: string): Promise<Identity | undefined> {
    const repo = this.ds.getRepository(ApiKeyEntity);
    const apiKey = await repo.findOneBy({ keyHash: hashSecret(key) });
    if (!apiKey || apiKey.revokedAt) return undefined;
    await repo.update(apiKey.id, { lastUsedAt: this.now() });
    return {
      kind: 'portal',
      apiKey: { id: apiKey.id, name: apiKey.name, requestsPerMinute: apiKey.requestsPerMinute },
    };
  }
}
