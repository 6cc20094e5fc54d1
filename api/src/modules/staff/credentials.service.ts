import type { DataSource } from 'typeorm';
import { isUuid } from '../catalog/catalog.service.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { generateSecret, hashSecret, tokenPrefix } from './credentials.js';
import { DeviceEntity } from './device.entity.js';
import type { DeviceKind } from './role.js';

/** Issues and revokes the secrets of devices and portals; the plain secret is returned once, never stored. */
export class CredentialsService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
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

  async createApiKey(name: string) {
    const key = generateSecret(tokenPrefix.apiKey);
    const row = await this.ds.getRepository(ApiKeyEntity).save({
      name,
      prefix: key.slice(0, 10),
      keyHash: hashSecret(key),
    });
    return { id: row.id, key };
  }

  async revokeDevice(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.ds.getRepository(DeviceEntity).update({ id }, { revokedAt: this.now() });
    return (result.affected ?? 0) > 0;
  }

  async revokeApiKey(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.ds.getRepository(ApiKeyEntity).update({ id }, { revokedAt: this.now() });
    return (result.affected ?? 0) > 0;
  }
}
