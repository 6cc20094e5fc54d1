import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficeEntity } from './office.entity.js';

/** A whole local day on which an office is closed besides the public holidays (Schließtag). */
@Entity({ name: 'office_closure' })
@Index('office_closure_office_date_unique', ['officeId', 'date'], { unique: true })
export class ClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', { onDelete: 'CASCADE' })
  office: OfficeEntity;

  /** Office-local date 'YYYY-MM-DD'. */
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text', default: '' })
  reason: string;
}
