import type { DataSource } from 'typeorm';
import { generateSecret, hashSecret, tokenPrefix } from '../../shared/credentials.js';
import { isUuid } from '../../shared/ids.js';
import type { DeviceKind } from '../../shared/role.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import { DeviceEntity } from '../devices/device.entity.js';
import type { PortalKeysService } from '../portal-keys/portal-keys.service.js';

/** Issues and revokes the secrets of devices and portals; the plain secret is returned once, never stored. */
export class CredentialsService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    /** Portal keys are issued and revoked by their own service (also used by the staff UI); these calls delegate. */
    private readonly portalKeys: PortalKeysService,
  ) {}

  async createDevice(input: { officeSlug: string; kind: DeviceKind; name: string }) {
    const office = await this.ds.getRepository(OfficeEntity).findOneBy({ slug: input.officeSlug });
    if (!office) throw new Error(`No office with slug "${input.officeSlug}".`);
    const token = generateSecret(tokenPrefix.device);
    const device = await this.ds.getRepository(DeviceEntity).save({
      officeId: office.id,
      kind: input.kind,
      name: input.name,
      tokenHash: hashSecret(token),
    });
    return { id: device.id, token };
  }

  async createApiKey(name: string, requestsPerMinute?: number | null) {
    const outcome = await this.portalKeys.create(name, requestsPerMinute);
    if (outcome.kind === 'invalid') throw new Error(outcome.problems.map((p) => `${p.field}: ${p.message}`).join(' '));
    return { id: outcome.value.apiKey.id, key: outcome.value.key };
  }

  /**
   * Revokes a device as the staff pages do (DeviceAdminService.revokeDevice): from its next request on, and a pending
   * pairing code goes too. Revoking twice keeps the first time. False when there is no such device.
   */
  async revokeDevice(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.ds
      .createQueryBuilder()
      .update(DeviceEntity)
      .set({ revokedAt: () => 'coalesce("revokedAt", :now)', pairingCodeHash: null, pairingCodeExpiresAt: null })
      .where('id = :id', { id, now: this.now() })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** False when there is no such key; revoking a revoked key is fine. */
  async revokeApiKey(id: string): Promise<boolean> {
    return (await this.portalKeys.revoke(id)).kind === 'ok';
  }
}
