import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DocumentCheckState } from '../booking/appointment-view.js';
import type { RequiredDocumentEntity } from '../catalog/required-document.entity.js';

/**
 * A document a citizen uploaded ahead of the visit. Created unattached; the booking attaches it. The bytes live
 * in the upload storage (see upload-storage.store.ts), never under the file's own name.
 */
@Entity({ name: 'upload' })
@Check('upload_size_positive', '"sizeBytes" > 0')
@Index('upload_unattached_created', ['createdAt'], { where: '"appointmentId" IS NULL' })
export class UploadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Which required document this is. */
  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne('RequiredDocumentEntity', { onDelete: 'CASCADE' })
  document: RequiredDocumentEntity;

  @Index('upload_appointment')
  @Column({ type: 'uuid', nullable: true })
  appointmentId: string | null;

  /**
   * The appointment it is attached to, named rather than imported: booking attaches uploads and knows this module,
   * not the other way round. The relation is here for the foreign key; nothing loads it.
   */
  @ManyToOne('AppointmentEntity', { onDelete: 'CASCADE' })
  appointment: unknown;

  /** The name the citizen's device gave, cleaned; shown to staff only, never used as a path. */
  @Column({ type: 'text' })
  fileName: string;

  /** Detected from the content: application/pdf, image/jpeg or image/png. */
  @Column({ type: 'text' })
  mediaType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /**
   * The office's pre-check of this file (document-check module); a replacement is a new row, so it starts at
   * TO_CHECK again. Goes with the row (retention, replacement).
   */
  @Column({
    type: 'enum',
    enum: DocumentCheckState,
    enumName: 'document_check_state',
    default: DocumentCheckState.TO_CHECK,
  })
  checkState: DocumentCheckState;

  /** What the citizen is asked to do (with REPLACE); shown to the citizen, in their mail and at the counter. */
  @Column({ type: 'text', nullable: true })
  checkMessage: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  checkedAt: Date | null;
}
