import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The VAPID key pair the api signs its pushes with (one row): generated at the first start, the same for every api
 * process, since browsers subscribe with the public key and the push service checks each push against it.
 */
@Entity({ name: 'push_vapid' })
@Check('push_vapid_single_row', '"id" = 1')
export class PushVapidEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  /** Uncompressed P-256 public key, base64url (what PushManager.subscribe takes as applicationServerKey). */
  @Column({ type: 'text' })
  publicKey: string;

  @Column({ type: 'text' })
  privateKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
