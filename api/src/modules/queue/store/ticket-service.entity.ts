import { Check, Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ServiceEntity } from '../../catalog/service.entity.js';
import type { TicketEntity } from './ticket.entity.js';

/** A service on a ticket: how many were asked for, and (once finished) how many the clerk actually did. */
@Entity({ name: 'ticket_service' })
@Check('ticket_service_count_range', '"count" >= 0')
@Check('ticket_service_done_count_range', '"doneCount" >= 0')
export class TicketServiceEntity {
  @PrimaryColumn({ type: 'uuid' })
  ticketId: string;

  @PrimaryColumn({ type: 'uuid' })
  serviceId: string;

  @ManyToOne('TicketEntity', (t: TicketEntity) => t.services, { onDelete: 'CASCADE' })
  ticket: TicketEntity;

  @ManyToOne('ServiceEntity', { onDelete: 'RESTRICT' })
  service: ServiceEntity;

  /** Asked for; 0 for a service the clerk added when finishing. */
  @Column({ type: 'integer' })
  count: number;

  /** Done, as recorded when finishing; null before. */
  @Column({ type: 'integer', nullable: true })
  doneCount: number | null;
}
