import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { OfficeAdminResolver } from '../modules/admin/office-admin.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import {
  AppointmentDocumentTextResolver,
  BookedServiceTextResolver,
  BookingConfirmedResolver,
  BookingResolver,
} from '../modules/booking/booking.resolver.js';
import {
  CatalogResolver,
  ServiceDocumentTextResolver,
  ServiceTextResolver,
} from '../modules/catalog/catalog.resolver.js';
import { CatalogAdminResolver } from '../modules/catalog-admin/catalog-admin.resolver.js';
import { ClockResolver } from '../modules/clock/clock.resolver.js';
import { DeviceResolver } from '../modules/devices/device.resolver.js';
import { DeviceAdminResolver } from '../modules/devices/device-admin.resolver.js';
import { DocumentCheckResolver } from '../modules/document-check/document-check.resolver.js';
import { LegalResolver } from '../modules/legal/legal.resolver.js';
import { LiveResolver, ServiceWaitTextResolver } from '../modules/live/live.resolver.js';
import { MailResolver } from '../modules/mail/mail.resolver.js';
import { PortalKeysResolver } from '../modules/portal-keys/portal-keys.resolver.js';
import { PushResolver } from '../modules/push/push.resolver.js';
import { QueueIssueResolver } from '../modules/queue/graphql/issue.resolver.js';
import { QueueDeskResolver, TicketServiceLineTextResolver } from '../modules/queue/graphql/queue-desk.resolver.js';
import { WorkstationResolver } from '../modules/queue/graphql/workstation.resolver.js';
import { StaffResolver } from '../modules/staff/staff.resolver.js';
import { StaffAccountsResolver } from '../modules/staff/staff-accounts.resolver.js';
import { StatsResolver } from '../modules/stats/stats.resolver.js';
import { UploadResolver } from '../modules/upload/upload.resolver.js';
import { authChecker } from './access.js';
import { DateTimeISO } from './date-time-scalar.js';

export const resolvers = [
  AuditResolver,
  CatalogResolver,
  CatalogAdminResolver,
  ClockResolver,
  DeviceAdminResolver,
  DeviceResolver,
  DocumentCheckResolver,
  BookingResolver,
  BookingConfirmedResolver,
  BookedServiceTextResolver,
  AppointmentDocumentTextResolver,
  ServiceTextResolver,
  ServiceDocumentTextResolver,
  LegalResolver,
  LiveResolver,
  ServiceWaitTextResolver,
  OfficeAdminResolver,
  MailResolver,
  PortalKeysResolver,
  PushResolver,
  QueueIssueResolver,
  QueueDeskResolver,
  TicketServiceLineTextResolver,
  WorkstationResolver,
  StaffResolver,
  StaffAccountsResolver,
  StatsResolver,
  UploadResolver,
] as const;

/**
 * type-graphql's topic PubSub stays in-process and unused by the product's streams: live updates cross processes
 * through PostgreSQL LISTEN/NOTIFY (modules/live) and are returned by each subscription's own `subscribe`.
 */
export function buildAppSchema(pubSub: PubSub = createPubSub()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    pubSub,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  });
}

/** The SDL committed as schema/schema.graphql: sorted, so that diffs show real changes only. */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
