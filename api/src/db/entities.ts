import { AppointmentEntity } from '../modules/booking/appointment.entity.js';
import { AppointmentServiceEntity } from '../modules/booking/appointment-service.entity.js';
import { ClosureEntity } from '../modules/catalog/closure.entity.js';
import { CounterEntity } from '../modules/catalog/counter.entity.js';
import { CounterHoursEntity } from '../modules/catalog/counter-hours.entity.js';
import { ExtraDayEntity } from '../modules/catalog/extra-day.entity.js';
import { OfficeEntity } from '../modules/catalog/office.entity.js';
import { OpeningHoursEntity } from '../modules/catalog/opening-hours.entity.js';
import { RequiredDocumentEntity } from '../modules/catalog/required-document.entity.js';
import { ServiceEntity } from '../modules/catalog/service.entity.js';
import { ServiceDocumentEntity } from '../modules/catalog/service-document.entity.js';
import { DeviceEntity } from '../modules/devices/device.entity.js';
import { LegalPageEntity } from '../modules/legal/legal-page.entity.js';
import { MailMessageEntity } from '../modules/mail/mail-message.entity.js';
import { ApiKeyEntity } from '../modules/portal-keys/api-key.entity.js';
import { PushMessageEntity } from '../modules/push/push-message.entity.js';
import { PushSubscriptionEntity } from '../modules/push/push-subscription.entity.js';
import { PushVapidEntity } from '../modules/push/push-vapid.entity.js';
import { CounterSessionEntity } from '../modules/queue/store/counter-session.entity.js';
import { TicketEntity } from '../modules/queue/store/ticket.entity.js';
import { TicketEventEntity } from '../modules/queue/store/ticket-event.entity.js';
import { TicketSequenceEntity } from '../modules/queue/store/ticket-sequence.entity.js';
import { TicketServiceEntity } from '../modules/queue/store/ticket-service.entity.js';
import { TicketTrackingEntity } from '../modules/queue/store/ticket-tracking.entity.js';
import { WalkInRefusalEntity } from '../modules/queue/store/walk-in-refusal.entity.js';
import { WalkInStateEntity } from '../modules/queue/store/walk-in-state.entity.js';
import { PasswordLinkEntity } from '../modules/staff/password-link.entity.js';
import { StaffSessionEntity } from '../modules/staff/staff-session.entity.js';
import { StaffUserEntity } from '../modules/staff/staff-user.entity.js';
import { UploadEntity } from '../modules/upload/upload.entity.js';
import { UploadBlobEntity } from '../modules/upload/upload-blob.entity.js';

/** Every persisted entity; the migration drift check compares these with the migrations. */
export const entities = [
  OfficeEntity,
  ServiceEntity,
  RequiredDocumentEntity,
  ServiceDocumentEntity,
  OpeningHoursEntity,
  CounterEntity,
  CounterHoursEntity,
  ClosureEntity,
  ExtraDayEntity,
  AppointmentEntity,
  AppointmentServiceEntity,
  UploadEntity,
  UploadBlobEntity,
  MailMessageEntity,
  LegalPageEntity,
  TicketEntity,
  TicketServiceEntity,
  TicketEventEntity,
  TicketTrackingEntity,
  TicketSequenceEntity,
  CounterSessionEntity,
  WalkInStateEntity,
  WalkInRefusalEntity,
  StaffUserEntity,
  StaffSessionEntity,
  DeviceEntity,
  ApiKeyEntity,
  PasswordLinkEntity,
  PushVapidEntity,
  PushSubscriptionEntity,
  PushMessageEntity,
];
