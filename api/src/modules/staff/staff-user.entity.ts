import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { StaffRole } from '../../shared/role.js';
import type { OfficeEntity } from '../catalog/office.entity.js';

@Entity({ name: 'staff_user' })
export class StaffUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'text', unique: true })
  username: string;

  @Column({ type: 'text' })
  displayName: string;

  /** argon2id hash. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: StaffRole[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Offices the account works in; ADMIN works in all. */
  @ManyToMany('OfficeEntity')
  @JoinTable({
    name: 'staff_office',
    joinColumn: { name: 'staffUserId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'officeId', referencedColumnName: 'id' },
  })
  offices: OfficeEntity[];

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
