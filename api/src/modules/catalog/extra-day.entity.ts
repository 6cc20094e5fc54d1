import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficeEntity } from './office.entity.js';

/**
 * One interval of an extra opening day (Sonderöffnungstag): on this local date the office opens at these times
 * instead of its weekly hours (e.g. a Saturday), for the queue and for appointments. A date may have several rows.
 */
@Entity({ name: 'office_extra_day' })
@Check('office_extra_day_interval_order', '"opensAt" < "closesAt"')
@Index('office_extra_day_office_date', ['officeId', 'date'])
export class ExtraDayEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', { onDelete: 'CASCADE' })
  office: OfficeEntity;

  /** Office-local date 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  date: string;

  /** Local time "HH:MM:SS". */
  @Column({ type: 'time' })
  opensAt: string;

  @Column({ type: 'time' })
  closesAt: string;

  @Column({ type: 'text', default: '' })
  note: string;
}
