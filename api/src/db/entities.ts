import { CounterEntity } from '../modules/catalog/counter.entity.js';
import { OfficeEntity } from '../modules/catalog/office.entity.js';
import { OpeningHoursEntity } from '../modules/catalog/opening-hours.entity.js';
import { RequiredDocumentEntity } from '../modules/catalog/required-document.entity.js';
import { ServiceEntity } from '../modules/catalog/service.entity.js';
import { ServiceDocumentEntity } from '../modules/catalog/service-document.entity.js';
import { ApiKeyEntity } from '../modules/staff/api-key.entity.js';
import { DeviceEntity } from '../modules/staff/device.entity.js';
import { StaffSessionEntity } from '../modules/staff/staff-session.entity.js';
import { StaffUserEntity } from '../modules/staff/staff-user.entity.js';

/** Every persisted entity; the migration drift check compares these with the migrations. */
export const entities = [
  OfficeEntity,
  ServiceEntity,
  RequiredDocumentEntity,
  ServiceDocumentEntity,
  OpeningHoursEntity,
  CounterEntity,
  StaffUserEntity,
  StaffSessionEntity,
  DeviceEntity,
  ApiKeyEntity,
];
