import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficeEntity } from '../../catalog/office.entity.js';
import { WalkInRefusal } from '../rules/ticket-model.js';

/**
 * One walk-in request that was refused (kiosk or information desk), appended and never changed: the recorded fact
 * behind "walk-ins turned away" in the statistics. No personal data; the device or staff member is not kept either.
 */
@Entity({ name: 'walk_in_refusal' })
@Index('walk_in_refusal_office_day', ['officeId', 'serviceDay'])
export class WalkInRefusalEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', { onDelete: 'CASCADE' })
  office: OfficeEntity;

  /** Office-local date of the request. */
  @Column({ type: 'date' })
  serviceDay: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'enum', enum: WalkInRefusal, enumName: 'walk_in_refusal_reason' })
  reason: WalkInRefusal;

  /** The services asked for. */
  @Column({ type: 'uuid', array: true })
  serviceIds: string[];
}
