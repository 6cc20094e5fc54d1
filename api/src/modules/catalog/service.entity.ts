import { Check, Column, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogTranslation } from './catalog-texts.js';
import type { OfficeEntity } from './office.entity.js';
import type { ServiceDocumentEntity } from './service-document.entity.js';

@Entity({ name: 'service' })
@Check('service_duration_positive', '"durationMinutes" > 0')
@Check('service_max_per_booking_positive', '"maxPerBooking" >= 1')
@Index('service_office_name_unique', ['officeId', 'name'], { unique: true })
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', (o: OfficeEntity) => o.services, { onDelete: 'CASCADE' })
  office: OfficeEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** English and Leichte Sprache texts, when the office wrote them (catalog-texts.ts checks them). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  translations: CatalogTranslation[];

  @Column({ type: 'integer' })
  durationMinutes: number;

  /** Key in the German federal service catalogue (Leistungskatalog, LeiKa), if known. */
  @Column({ type: 'text', nullable: true })
  leikaKey: string | null;

  @Column({ type: 'boolean', default: true })
  bookableOnline: boolean;

  @Column({ type: 'boolean', default: true })
  walkInAllowed: boolean;

  @Column({ type: 'integer', default: 1 })
  maxPerBooking: number;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @OneToMany('ServiceDocumentEntity', (sd: ServiceDocumentEntity) => sd.service)
  documents: ServiceDocumentEntity[];
}
