import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { UploadEntity } from './upload.entity.js';

/** The bytes of an upload, for the PostgreSQL storage; every api process reads the same. */
@Entity({ name: 'upload_blob' })
export class UploadBlobEntity {
  @PrimaryColumn({ type: 'uuid' })
  uploadId: string;

  @OneToOne('UploadEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'uploadId' })
  upload: UploadEntity;

  @Column({ type: 'bytea' })
  data: Buffer;
}
