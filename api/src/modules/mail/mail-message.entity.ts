import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AppointmentEntity } from '../booking/appointment.entity.js';

export enum MailKind {
  CONFIRMATION = 'CONFIRMATION',
  RESCHEDULED = 'RESCHEDULED',
  CANCELLED = 'CANCELLED',
  REMINDER_24H = 'REMINDER_24H',
  REMINDER_4H = 'REMINDER_4H',
  /** The appointment was cancelled because the office closed that day (see notifyClosureAffected). */
  OFFICE_CLOSED = 'OFFICE_CLOSED',
  /** The manage link mailed again on request ("Termin wiederfinden", booking/manage-link.service.ts). */
  MANAGE_LINK = 'MANAGE_LINK',
  /** The office's pre-check asks for documents to be brought or replaced (document-check module). */
  DOCUMENT_CHECK = 'DOCUMENT_CHECK',
}

export enum MailStatus {
  /** Waiting for `nextAttemptAt`. */
  PENDING = 'PENDING',
  /**
   * Claimed by one api process, whose database session holds the row's advisory lock while it sends (MailClaims);
   * once that session is gone (the process died), any process takes it over.
   */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Rejected for good, out of attempts, or not renderable; shown to staff. */
  FAILED = 'FAILED',
  /** Not needed any more (appointment cancelled or moved, too late, data removed). */
  CANCELLED = 'CANCELLED',
}

/**
 * One mail to a citizen: the outbox row written in the booking's transaction, and afterwards the log of what was
 * sent. The body is rendered when it is sent and never stored. The plain manage token lives here only while the
 * mail is still to be sent (the appointment keeps only its hash); the check keeps that true in the database too.
 */
@Entity({ name: 'mail_message' })
@Index('mail_message_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('mail_message_sending', ['nextAttemptAt'], { where: `"status" = 'SENDING'` })
@Check('mail_message_token_only_unsent', `"manageToken" IS NULL OR "status" IN ('PENDING', 'SENDING')`)
@Check('mail_message_attempts_not_negative', '"attempts" >= 0')
export class MailMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('mail_message_appointment')
  @Column({ type: 'uuid' })
  appointmentId: string;

  @ManyToOne('AppointmentEntity', { onDelete: 'CASCADE' })
  appointment: AppointmentEntity;

  @Column({ type: 'enum', enum: MailKind, enumName: 'mail_kind' })
  kind: MailKind;

  @Column({ type: 'enum', enum: MailStatus, enumName: 'mail_status', default: MailStatus.PENDING })
  status: MailStatus;

  /** The citizen's address; null once the retention job removed the appointment's personal data. */
  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  /** 'de' or 'en', from the appointment. */
  @Column({ type: 'text' })
  language: string;

  /** Plain manage token for the link in this mail; null as soon as the mail is sent, failed or cancelled. */
  @Column({ type: 'text', nullable: true })
  manageToken: string | null;

  /** When the mail is meant to go out (reminders: 24 h or 4 h before the start). */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  /** When the next attempt may start: `dueAt` at first, later after a backoff. */
  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  /** Claims so far; also the fencing number of the current claim. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  /** Why the last attempt failed or why the mail was not sent. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
