import { Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RequiredDocumentEntity } from './required-document.entity.js';
import type { ServiceEntity } from './service.entity.js';

/** Links a service to a document it needs; whether it is mandatory belongs to the link. */
@Entity({ name: 'service_document' })
export class ServiceDocumentEntity {
  @PrimaryColumn({ type: 'uuid' })
  serviceId: string;

  @PrimaryColumn({ type: 'uuid' })
  documentId: string;

  @ManyToOne('ServiceEntity', (s: ServiceEntity) => s.documents, { onDelete: 'CASCADE' })
  service: ServiceEntity;

  @ManyToOne('RequiredDocumentEntity', { onDelete: 'RESTRICT' })
  document: RequiredDocumentEntity;

  @Column({ type: 'boolean', default: true })
  mandatory: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;
}
