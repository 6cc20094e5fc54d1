import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficeEntity } from './office.entity.js';

export enum HoursKind {
  /** The building is open and the queue runs. */
  OPEN = 'OPEN',
  /** Appointments can be booked (may differ from opening hours). */
  APPOINTMENTS = 'APPOINTMENTS',
}

/** One interval of one weekday in office-local time; a day may have several (e.g. a lunch break). */
@Entity({ name: 'opening_hours' })
@Check('opening_hours_weekday_range', '"weekday" BETWEEN 1 AND 7')
@Check('opening_hours_interval_order', '"opensAt" < "closesAt"')
@Index('opening_hours_office_weekday', ['officeId', 'kind', 'weekday'])
export class OpeningHoursEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', (o: OfficeEntity) => o.openingHours, { onDelete: 'CASCADE' })
  office: OfficeEntity;

  @Column({ type: 'enum', enum: HoursKind, enumName: 'hours_kind' })
  kind: HoursKind;

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint' })
  weekday: number;

  /** Local time "HH:MM:SS". */
  @Column({ type: 'time' })
  opensAt: string;

  @Column({ type: 'time' })
  closesAt: string;
}
