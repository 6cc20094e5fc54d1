import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CounterEntity } from '../catalog/counter.entity.js';
import type { OfficeEntity } from '../catalog/office.entity.js';
import type { AppointmentServiceEntity } from './appointment-service.entity.js';
import { AppointmentStatus, BookingChannel } from './appointment-view.js';

/**
 * A booked time at one counter (Termin). The exclusion constraint is the last word on capacity: two booked
 * appointments never overlap on one counter, whatever the application does.
 */
@Entity({ name: 'appointment' })
@Exclusion(
  'appointment_counter_no_overlap',
  `USING gist ("counterId" WITH =, tstzrange("startsAt", "endsAt") WITH &&) WHERE ("status" = 'BOOKED')`,
)
@Check('appointment_interval_order', '"startsAt" < "endsAt"')
// An appointment lies within one local day's hours, and a local day lasts at most 25 hours: the reads of booked
// times rely on it to look back no further (LONGEST_APPOINTMENT_MS in office-plan.store.ts).
@Check('appointment_within_a_day', `"endsAt" <= "startsAt" + interval '25 hours'`)
@Index('appointment_office_starts', ['officeId', 'startsAt'])
@Index('appointment_email_status', ['email', 'status'])
export class AppointmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  officeId: string;

  @ManyToOne('OfficeEntity', { onDelete: 'RESTRICT' })
  office: OfficeEntity;

  @Column({ type: 'uuid' })
  counterId: string;

  @ManyToOne('CounterEntity', { onDelete: 'RESTRICT' })
  counter: CounterEntity;

  /** Short code a person can read out and type, e.g. "K7M4-PQ2X". */
  @Index('appointment_reference_unique', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  /** SHA-256 of the manage token; the token itself is only in the citizen's link. */
  @Index('appointment_manage_token_unique', { unique: true })
  @Column({ type: 'text' })
  manageTokenHash: string;

  /** What the confirmation's QR code holds; shown at the kiosk scanner. */
  @Index('appointment_check_in_code_unique', { unique: true })
  @Column({ type: 'text' })
  checkInCode: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'enum', enum: AppointmentStatus, enumName: 'appointment_status', default: AppointmentStatus.BOOKED })
  status: AppointmentStatus;

  @Column({ type: 'text' })
  citizenName: string;

  /** Lower-cased; the per-email limit compares it. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** 'de' or 'en': mails and pages for this booking use it. */
  @Column({ type: 'text', default: 'de' })
  language: string;

  @Column({ type: 'enum', enum: BookingChannel, enumName: 'booking_channel' })
  channel: BookingChannel;

  /** The portal's name for PORTAL, the clerk's username for INFO_DESK. */
  @Column({ type: 'text', nullable: true })
  channelName: string | null;

  @Column({ type: 'timestamptz' })
  consentAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /**
   * The SEQUENCE of the appointment's calendar event (confirmation.ts): raised by every change a citizen's calendar
   * must take over (a new time, the cancellation), so that the newer file replaces the older one.
   */
  @Column({ type: 'integer', default: 0 })
  calendarSequence: number;

  /** When the visitor captured photo, signature and fingerprints at the photo terminal; their ticket gets priority. */
  @Column({ type: 'timestamptz', nullable: true })
  biometricsCapturedAt: Date | null;

  @OneToMany('AppointmentServiceEntity', (s: AppointmentServiceEntity) => s.appointment)
  services: AppointmentServiceEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
