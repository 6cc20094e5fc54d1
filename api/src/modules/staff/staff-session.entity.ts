import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StaffUserEntity } from './staff-user.entity.js';

/** A signed-in browser; the cookie holds the secret, the table only its SHA-256. */
@Entity({ name: 'staff_session' })
export class StaffSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('staff_session_token_hash_unique', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid' })
  staffUserId: string;

  @ManyToOne('StaffUserEntity', { onDelete: 'CASCADE' })
  staffUser: StaffUserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index('staff_session_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
