import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficeEntity } from '../catalog/office.entity.js';
import type { DeviceKind } from './role.js';

/** A kiosk or call display in an office; signs in with a bearer token whose SHA-256 is stored. */
@Entity({ name: 'device' })
export class DeviceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', { onDelete: 'CASCADE' })
  office: OfficeEntity;

  @Column({ type: 'text' })
  kind: DeviceKind;

  @Column({ type: 'text' })
  name: string;

  @Index('device_token_hash_unique', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;
}
