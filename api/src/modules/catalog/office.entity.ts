import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CounterEntity } from './counter.entity.js';
import type { OpeningHoursEntity } from './opening-hours.entity.js';
import type { ServiceEntity } from './service.entity.js';

@Entity({ name: 'office' })
export class OfficeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable, readable key used in URLs (e.g. "buergercentrum"). */
  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'text', default: 'Europe/Berlin' })
  timeZone: string;

  /** German federal state whose public holidays close the office (ISO 3166-2 suffix, e.g. "BW"). */
  @Column({ type: 'text', default: 'BW' })
  holidayRegion: string;

  @Column({ type: 'text' })
  street: string;

  @Column({ type: 'text' })
  postalCode: string;

  @Column({ type: 'text' })
  city: string;

  /** Live notice shown to visitors, e.g. "Two counters closed until 11:00". */
  @Column({ type: 'text', nullable: true })
  notice: string | null;

  @OneToMany('ServiceEntity', (s: ServiceEntity) => s.office)
  services: ServiceEntity[];

  @OneToMany('CounterEntity', (c: CounterEntity) => c.office)
  counters: CounterEntity[];

  @OneToMany('OpeningHoursEntity', (h: OpeningHoursEntity) => h.office)
  openingHours: OpeningHoursEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
