import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CatalogTranslation } from './catalog-texts.js';

/** Something a visitor must or may bring (Unterlage); shared by the services that need it. */
@Entity({ name: 'required_document' })
@Index('required_document_office_name_unique', ['officeId', 'name'], { unique: true })
export class RequiredDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** English and Leichte Sprache texts, when the office wrote them (catalog-texts.ts checks them). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  translations: CatalogTranslation[];

  /** Whether citizens can upload it ahead of the visit. */
  @Column({ type: 'boolean', default: false })
  uploadable: boolean;

  /** Inactive documents are kept (uploads and past appointments name them) but no longer listed to citizens. */
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
