import { Check, Column, Entity, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ServiceEntity } from '../catalog/service.entity.js';
import type { AppointmentEntity } from './appointment.entity.js';

/** A service asked for in an appointment, and for how many persons. */
@Entity({ name: 'appointment_service' })
@Check('appointment_service_count_positive', '"count" >= 1')
export class AppointmentServiceEntity {
  @PrimaryColumn({ type: 'uuid' })
  appointmentId: string;

  @PrimaryColumn({ type: 'uuid' })
  serviceId: string;

  @ManyToOne('AppointmentEntity', (a: AppointmentEntity) => a.services, { onDelete: 'CASCADE' })
  appointment: AppointmentEntity;

  @ManyToOne('ServiceEntity', { onDelete: 'RESTRICT' })
  service: ServiceEntity;

  @Column({ type: 'integer' })
  count: number;
}
