import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketEntity } from '../queue/store/ticket.entity.js';

/**
 * A browser's Web Push subscription for one ticket, made on the tracking page by whoever holds its link. It names no
 * person: the push service's endpoint and the browser's public keys, and when to push. Deleted when the ticket ends
 * (done, no-show, cancelled, closed at night) and when the push service says the endpoint is gone.
 */
@Entity({ name: 'push_subscription' })
@Index('push_subscription_ticket_endpoint', ['ticketId', 'endpoint'], { unique: true })
@Check('push_subscription_ahead_range', '"aheadThreshold" BETWEEN 1 AND 10')
export class PushSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  ticket: TicketEntity;

  /** The push service's URL for this browser (https; only hosts of PUSH_ENDPOINT_HOSTS are accepted). */
  @Column({ type: 'text' })
  endpoint: string;

  /** The browser's P-256 public key (base64url) and auth secret (base64url): what the payload is encrypted for. */
  @Column({ type: 'text' })
  p256dh: string;

  @Column({ type: 'text' })
  auth: string;

  /**
   * The plain tracking token, for the link in the pushes (the ticket itself keeps only its hash). Lives only as long as
   * the subscription, which ends with the ticket, as the mail outbox keeps a manage token only until the mail is sent.
   */
  @Column({ type: 'text' })
  trackingToken: string;

  /** Push once when this many people or fewer are ahead ("wenn noch N vor mir sind"). */
  @Column({ type: 'integer' })
  aheadThreshold: number;

  /** The tracking page's language when subscribing: 'de', 'en' or 'de-ls'. */
  @Column({ type: 'text', default: 'de' })
  language: string;

  /** When the "N ahead" push was queued (or found unnecessary); null while still to come. */
  @Column({ type: 'timestamptz', nullable: true })
  aheadNotifiedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
