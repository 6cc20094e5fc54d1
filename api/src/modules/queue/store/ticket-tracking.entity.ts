import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn } from 'typeorm';
import type { TicketEntity } from './ticket.entity.js';

/**
 * A tracking token of a ticket, stored as its SHA-256 only. A repeated request (double tap, retry, second check-in)
 * gets a fresh token for the same ticket, since the first one cannot be read back; all of them stay valid.
 */
@Entity({ name: 'ticket_tracking' })
@Index('ticket_tracking_ticket', ['ticketId'])
export class TicketTrackingEntity {
  @PrimaryColumn({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  ticket: TicketEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
