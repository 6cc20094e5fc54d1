import { Check, Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CounterEntity } from './counter.entity.js';

/**
 * When a counter takes appointments, one interval of one weekday in office-local time. A counter without any
 * takes appointments whenever the office's appointment hours allow.
 */
@Entity({ name: 'counter_hours' })
@Check('counter_hours_weekday_range', '"weekday" BETWEEN 1 AND 7')
@Check('counter_hours_interval_order', '"opensAt" < "closesAt"')
@Index('counter_hours_counter_weekday', ['counterId', 'weekday'])
export class CounterHoursEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  counterId: string;

  @ManyToOne('CounterEntity', { onDelete: 'CASCADE' })
  counter: CounterEntity;

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  @Column({ type: 'smallint' })
  weekday: number;

  @Column({ type: 'time' })
  opensAt: string;

  @Column({ type: 'time' })
  closesAt: string;
}
