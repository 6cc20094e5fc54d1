import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { AppointmentEntity } from '../../booking/appointment.entity.js';
import type { CounterEntity } from '../../catalog/counter.entity.js';
import type { OfficeEntity } from '../../catalog/office.entity.js';
import { TicketOrigin, TicketPriority, TicketStatus } from '../rules/ticket-model.js';
import type { TicketServiceEntity } from './ticket-service.entity.js';

/**
 * A visitor in the queue (Wartenummer). Its number is unique per office and local day; an appointment has at most one
 * ticket; a client's request id (one tap at the kiosk) makes at most one ticket. Every change raises `version`, so a
 * client acting on an old state is refused instead of overwriting a colleague's change.
 */
@Entity({ name: 'ticket' })
@Index('ticket_office_day_number_unique', ['officeId', 'serviceDay', 'number'], { unique: true })
@Index('ticket_appointment_unique', ['appointmentId'], { unique: true })
@Index('ticket_request_key_unique', ['requestKey'], { unique: true })
@Index('ticket_office_day_status', ['officeId', 'serviceDay', 'status'])
@Check('ticket_call_count_range', '"callCount" >= 0')
@Check('ticket_version_positive', '"version" >= 1')
export class TicketEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', { onDelete: 'RESTRICT' })
  office: OfficeEntity;

  /** Office-local date 'YYYY-MM-DD' the ticket belongs to; numbers start again each day. */
  @Column({ type: 'date' })
  serviceDay: string;

  /** What the display shows and the announcement says, e.g. "W017". */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'enum', enum: TicketOrigin, enumName: 'ticket_origin' })
  origin: TicketOrigin;

  /** The checked-in appointment; null for walk-ins (and once the appointment is deleted after the retention period). */
  @Column({ type: 'uuid', nullable: true })
  appointmentId: string | null;

  @ManyToOne('AppointmentEntity', { onDelete: 'SET NULL' })
  appointment: AppointmentEntity | null;

  @Column({ type: 'enum', enum: TicketStatus, enumName: 'ticket_status', default: TicketStatus.WAITING })
  status: TicketStatus;

  @Column({ type: 'enum', enum: TicketPriority, enumName: 'ticket_priority', nullable: true })
  priority: TicketPriority | null;

  /** Why staff gave priority; staff-only. */
  @Column({ type: 'text', nullable: true })
  priorityNote: string | null;

  /** When the ticket is due in the queue (see ordering.ts), without priority. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** When the visitor got the ticket. */
  @Column({ type: 'timestamptz' })
  arrivedAt: Date;

  /**
   * What the visitor was told when the ticket was issued: the expected call time and its range (10th–90th
   * percentile), from the same estimate the screens show. Null when no open counter could serve the ticket then.
   * Statistics compare it with the first call (estimate calibration).
   */
  @Column({ type: 'timestamptz', nullable: true })
  issuedExpectedCallAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedEarliestCallAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedLatestCallAt: Date | null;

  /** The counter that called or serves the ticket, or (while WAITING) the only counter that may call it. */
  @Column({ type: 'uuid', nullable: true })
  counterId: string | null;

  @ManyToOne('CounterEntity', { onDelete: 'SET NULL' })
  counter: CounterEntity | null;

  /** How often the ticket was called at its current counter (first call and recalls). */
  @Column({ type: 'integer', default: 0 })
  callCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  calledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  /** When the ticket was finished, marked a no-show or cancelled. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  /** "device:<id>:<requestId>" or "staff:<id>:<requestId>": a repeated request returns this ticket. */
  @Column({ type: 'text', nullable: true })
  requestKey: string | null;

  @OneToMany('TicketServiceEntity', (s: TicketServiceEntity) => s.ticket)
  services: TicketServiceEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
