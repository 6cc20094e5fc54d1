import { Check, Column, Entity, Generated, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketEntity } from '../queue/store/ticket.entity.js';

export enum PushKind {
  /** N or fewer people are ahead (the visitor's threshold). */
  AHEAD = 'AHEAD',
  CALLED = 'CALLED',
  RECALLED = 'RECALLED',
  /** The office cancelled the ticket (not the holder). */
  CANCELLED = 'CANCELLED',
}

export enum PushStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Refused for good or out of attempts. */
  FAILED = 'FAILED',
  /** The push service answered 404/410: the subscription is gone and was deleted. */
  GONE = 'GONE',
}

/**
 * One push to one browser: the outbox row written in the queue change's own transaction, sent by the push dispatch
 * job (push.service.ts). It copies the subscription's endpoint, keys and tracking token, so that the notice of a cancellation still
 * goes out after the subscription itself was deleted with the ended ticket; they are cleared once the row is settled.
 * The text is rendered when it is sent.
 */
@Entity({ name: 'push_message' })
@Index('push_message_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Check('push_message_target_while_pending', `"status" <> 'PENDING' OR "endpoint" IS NOT NULL`)
@Check('push_message_token_only_unsent', `"trackingToken" IS NULL OR "status" = 'PENDING'`)
export class PushMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The order the messages were written in: a subscription's pushes go out one after the other in this order. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Index('push_message_ticket')
  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  ticket: TicketEntity;

  /** The subscription it was written for; it may be deleted meanwhile (no foreign key). */
  @Column({ type: 'uuid' })
  subscriptionId: string;

  @Column({ type: 'enum', enum: PushKind, enumName: 'push_kind' })
  kind: PushKind;

  @Column({ type: 'enum', enum: PushStatus, enumName: 'push_status', default: PushStatus.PENDING })
  status: PushStatus;

  @Column({ type: 'text', nullable: true })
  endpoint: string | null;

  @Column({ type: 'text', nullable: true })
  p256dh: string | null;

  @Column({ type: 'text', nullable: true })
  auth: string | null;

  /** For the link in the push; cleared with the endpoint and keys once the row is settled. */
  @Column({ type: 'text', nullable: true })
  trackingToken: string | null;

  @Column({ type: 'text' })
  language: string;

  /** What the text needs: the ticket number, the counter's label, how many are ahead. No personal data. */
  @Column({ type: 'jsonb' })
  data: { number: string; counterLabel?: string | null; ahead?: number };

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
