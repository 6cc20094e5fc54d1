import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DeviceKind } from '../../shared/role.js';
import type { OfficeEntity } from '../catalog/office.entity.js';

/**
 * A kiosk or call display in an office; signs in with a bearer token whose SHA-256 is stored. A device registered in
 * the administration has no token until it is paired with its one-time pairing code (stored hashed as well).
 */
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

  /** Null while the device waits for pairing (or after a new pairing code was issued: the old token is gone). */
  @Index('device_token_hash_unique', { unique: true })
  @Column({ type: 'text', nullable: true })
  tokenHash: string | null;

  /** SHA-256 of the last pairing code issued for this device; kept after use, so that a used code is told apart. */
  @Index('device_pairing_code_hash_unique', { unique: true })
  @Column({ type: 'text', nullable: true })
  pairingCodeHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pairingCodeExpiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  pairedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;
}
