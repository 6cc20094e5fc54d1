import { Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficeEntity } from './office.entity.js';
import type { ServiceEntity } from './service.entity.js';

/** A place where a clerk serves visitors (Schalter); handles some of the office's services. */
@Entity({ name: 'counter' })
@Index('counter_office_label_unique', ['officeId', 'label'], { unique: true })
export class CounterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', (o: OfficeEntity) => o.counters, { onDelete: 'CASCADE' })
  office: OfficeEntity;

  /** What the display and the announcement say, e.g. "5". */
  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @ManyToMany('ServiceEntity')
  @JoinTable({
    name: 'counter_service',
    joinColumn: { name: 'counterId', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'serviceId', referencedColumnName: 'id' },
  })
  services: ServiceEntity[];
}
