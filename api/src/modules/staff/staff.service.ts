import type { DataSource } from 'typeorm';
import { Role } from '../../shared/role.js';
import { toOffice } from '../catalog/catalog.service.js';
import type { Office } from '../catalog/catalog.types.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import type { StaffUser } from './staff.types.js';
import { StaffUserEntity } from './staff-user.entity.js';

export class StaffService {
  constructor(private readonly ds: DataSource) {}

  async profile(staffUserId: string): Promise<StaffUser> {
    const user = await this.ds
      .getRepository(StaffUserEntity)
      .findOneOrFail({ where: { id: staffUserId }, relations: { offices: true } });
    const offices: Office[] = user.roles.includes(Role.ADMIN)
      ? (await this.ds.getRepository(OfficeEntity).find({ order: { name: 'ASC' } })).map(toOffice)
      : user.offices.map(toOffice).sort((a, b) => a.name.localeCompare(b.name, 'de'));
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles as unknown as Role[],
      offices,
    };
  }
}
