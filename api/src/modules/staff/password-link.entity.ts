import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffUserEntity } from './staff-user.entity.js';

/**
 * A one-time link to set a staff account's password (invitation and reset alike). Only the SHA-256 of the code is
 * stored; the code is shown once to whoever issued it.
 */
@Entity({ name: 'staff_password_link' })
export class PasswordLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('staff_password_link_code_hash_unique', { unique: true })
  @Column({ type: 'text' })
  codeHash: string;

  @Index('staff_password_link_staff_user')
  @Column({ type: 'uuid' })
  staffUserId: string;

  @ManyToOne('StaffUserEntity', { onDelete: 'CASCADE' })
  staffUser: StaffUserEntity;

  /** Who issued it (null once that account is gone). */
  @Column({ type: 'uuid', nullable: true })
  issuedById: string | null;

  @ManyToOne('StaffUserEntity', { onDelete: 'SET NULL' })
  issuedBy: StaffUserEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
