import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import type { OfficeEntity } from '../../catalog/office.entity.js';
import type { ServiceEntity } from '../../catalog/service.entity.js';
import { WalkInOverride } from '../rules/ticket-model.js';

/**
 * Walk-ins for one service of an office on one local day: since when the closing guard refuses them (null while it
 * does not), and the office manager's override for the day.
 */
@Entity({ name: 'walk_in_state' })
export class WalkInStateEntity {
  @PrimaryColumn({ type: 'uuid' })
  officeId: string;

  @PrimaryColumn({ type: 'date' })
  serviceDay: string;

  @PrimaryColumn({ type: 'uuid' })
  serviceId: string;

  @ManyToOne('OfficeEntity', { onDelete: 'CASCADE' })
  office: OfficeEntity;

  @ManyToOne('ServiceEntity', { onDelete: 'CASCADE' })
  service: ServiceEntity;

  @Column({ type: 'timestamptz', nullable: true })
  guardClosedSince: Date | null;

  @Column({ type: 'enum', enum: WalkInOverride, enumName: 'walk_in_override', nullable: true })
  override: WalkInOverride | null;

  @Column({ type: 'uuid', nullable: true })
  overrideBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  overrideAt: Date | null;
}
