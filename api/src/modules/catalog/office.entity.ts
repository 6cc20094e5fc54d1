import { Check, Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CounterEntity } from './counter.entity.js';
import type { OpeningHoursEntity } from './opening-hours.entity.js';
import type { ServiceEntity } from './service.entity.js';

@Entity({ name: 'office' })
@Check('office_slot_minutes_range', '"slotMinutes" BETWEEN 1 AND 60')
@Check('office_lead_minutes_range', '"leadMinutes" >= 0')
@Check('office_horizon_days_range', '"horizonDays" BETWEEN 1 AND 366')
@Check('office_check_in_window_range', '"checkInLateMinutes" >= 0')
@Check('office_queue_settings_range', '"priorityMinutes" >= 0 AND "maxCalls" >= 1 AND "closingBufferMinutes" >= 0')
export class OfficeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable, readable key used in URLs (e.g. "buergercentrum"). */
  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'text', default: 'Europe/Berlin' })
  timeZone: string;

  /** German federal state whose public holidays close the office (ISO 3166-2 suffix, e.g. "BW"). */
  @Column({ type: 'text', default: 'BW' })
  holidayRegion: string;

  @Column({ type: 'text' })
  street: string;

  @Column({ type: 'text' })
  postalCode: string;

  @Column({ type: 'text' })
  city: string;

  /** Public phone number for citizens, as the office writes it (e.g. "07121 303-0"); null when not given. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Public email address for citizens; null when not given. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** The languages its kiosk offers, German first (office-rules.ts checks them). */
  @Column({ type: 'text', array: true, default: () => "'{de,en}'" })
  languages: string[];

  /** Live notice shown to visitors, e.g. "Two counters closed until 11:00". */
  @Column({ type: 'text', nullable: true })
  notice: string | null;

  /** Grid of bookable start times, in minutes after local midnight. */
  @Column({ type: 'integer', default: 5 })
  slotMinutes: number;

  /** Minimum time between booking and start. */
  @Column({ type: 'integer', default: 60 })
  leadMinutes: number;

  /** How many days ahead appointments can be booked. */
  @Column({ type: 'integer', default: 60 })
  horizonDays: number;

  /** Queue: check-in closes this many minutes after an appointment's start; later visitors get a walk-in ticket. */
  @Column({ type: 'integer', default: 10 })
  checkInLateMinutes: number;

  /** Queue: how far priority (biometrics captured, staff decision) moves a ticket ahead. */
  @Column({ type: 'integer', default: 15 })
  priorityMinutes: number;

  /** Queue: after this many calls a visitor who does not come is a no-show. */
  @Column({ type: 'integer', default: 3 })
  maxCalls: number;

  /** Queue: walk-ins whose visit would end later than this before closing time are refused (closing guard). */
  @Column({ type: 'integer', default: 10 })
  closingBufferMinutes: number;

  @OneToMany('ServiceEntity', (s: ServiceEntity) => s.office)
  services: ServiceEntity[];

  @OneToMany('CounterEntity', (c: CounterEntity) => c.office)
  counters: CounterEntity[];

  @OneToMany('OpeningHoursEntity', (h: OpeningHoursEntity) => h.office)
  openingHours: OpeningHoursEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
