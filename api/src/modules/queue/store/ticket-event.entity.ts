import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TicketEventType } from '../rules/ticket-model.js';
import type { TicketEntity } from './ticket.entity.js';

/**
 * One change of a ticket, appended and never updated (a trigger refuses updates): the raw material of statistics and
 * learned service durations. `data.before` keeps the ticket's state before the change, which is what undo restores.
 * No personal data.
 */
@Entity({ name: 'ticket_event' })
@Index('ticket_event_ticket', ['ticketId', 'id'])
@Index('ticket_event_office_type_at', ['officeId', 'type', 'at'])
export class TicketEventEntity {
  /** Ascending: orders events even within one millisecond. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  ticket: TicketEntity;

  @Column({ type: 'uuid' })
  officeId: string;

  @Column({ type: 'enum', enum: TicketEventType, enumName: 'ticket_event_type' })
  type: TicketEventType;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  counterId: string | null;

  /** The staff member who acted; null for devices and visitors. */
  @Column({ type: 'uuid', nullable: true })
  staffUserId: string | null;

  /** The kiosk or photo terminal that acted. */
  @Column({ type: 'uuid', nullable: true })
  deviceId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;
}
