import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CounterEntity } from '../../catalog/counter.entity.js';
import type { StaffUserEntity } from '../../staff/staff-user.entity.js';

/**
 * A clerk working at a counter, from opening to closing it. Counters with an open session are the ones that call
 * and that the wait estimates count; a counter has at most one open session.
 */
@Entity({ name: 'counter_session' })
@Index('counter_session_open_unique', ['counterId'], { unique: true, where: '"closedAt" IS NULL' })
@Index('counter_session_staff_open', ['staffUserId'], { where: '"closedAt" IS NULL' })
export class CounterSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  counterId: string;

  @ManyToOne('CounterEntity', { onDelete: 'CASCADE' })
  counter: CounterEntity;

  @Column({ type: 'uuid' })
  staffUserId: string;

  @ManyToOne('StaffUserEntity', { onDelete: 'CASCADE' })
  staffUser: StaffUserEntity;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  /** Set while the clerk pauses (short break): the counter calls nobody but still counts for the estimates. */
  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
