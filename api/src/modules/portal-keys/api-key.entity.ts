import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A municipal portal's key; only its SHA-256 and a short prefix (to recognise it in lists) are stored. */
@Entity({ name: 'api_key' })
@Check('api_key_requests_per_minute_positive', '"requestsPerMinute" IS NULL OR "requestsPerMinute" > 0')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The portal's name; recorded as the booking channel. */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  prefix: string;

  @Index('api_key_hash_unique', { unique: true })
  @Column({ type: 'text' })
  keyHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** Requests per minute this key may make; null = the configured default (PORTAL_REQUESTS_PER_MINUTE). */
  @Column({ type: 'integer', nullable: true })
  requestsPerMinute: number | null;
}
