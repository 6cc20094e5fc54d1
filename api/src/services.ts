import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { OfficeAdminService } from './modules/admin/office-admin.service.js';
import { AuditService, auditRetentionStep } from './modules/audit/audit.service.js';
import { BookingService } from './modules/booking/booking.service.js';
import { calendarSender } from './modules/booking/confirmation.js';
import { ManageLinkService } from './modules/booking/manage-link.service.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
import { CatalogAdminService } from './modules/catalog-admin/catalog-admin.service.js';
import { ClockService } from './modules/clock/clock.service.js';
import { DeviceAdminService } from './modules/devices/device-admin.service.js';
import { DocumentCheckService } from './modules/document-check/document-check.service.js';
import { JOB, productJobs } from './modules/jobs/jobs.js';
import { JobScheduler } from './modules/jobs/scheduler.js';
import { LegalService } from './modules/legal/legal.service.js';
import { LiveService } from './modules/live/live.service.js';
import { LiveListener } from './modules/live/live-listener.js';
import { OfficeFeeds, officeSnapshot } from './modules/live/office-feeds.js';
import { MailService } from './modules/mail/mail.service.js';
import { PortalKeysService } from './modules/portal-keys/portal-keys.service.js';
import { PushService } from './modules/push/push.service.js';
import { DayCloseService } from './modules/queue/day-close.service.js';
import { QueueService } from './modules/queue/queue.service.js';
import { ticketRetentionStep } from './modules/queue/store/ticket-retention.store.js';
import { RetentionService } from './modules/retention/retention.service.js';
import { AuthService } from './modules/staff/auth.service.js';
import { CredentialsService } from './modules/staff/credentials.service.js';
import { IdentityService } from './modules/staff/identity.service.js';
import { PortalLimitService } from './modules/staff/portal-limit.service.js';
import { StaffService } from './modules/staff/staff.service.js';
import { passwordLinkRetentionStep, StaffAccountsService } from './modules/staff/staff-accounts.service.js';
import { StatsService } from './modules/stats/stats.service.js';
import { UploadService } from './modules/upload/upload.service.js';
import { PostgresUploadStorage } from './modules/upload/upload-storage.store.js';

/** The domain services of one api process, wired once at start. */
export type Services = ReturnType<typeof createServices>;

export function createServices(
  ds: DataSource,
  config: Config,
  clock: ClockService = new ClockService(),
  log: Logger = createLogger('silent'),
) {
  const pool = (ds.driver as unknown as { master: pg.Pool }).master;
  const storage = new PostgresUploadStorage(ds);
  // A mail shows its appointment as the booking module reads it (booking itself queues mails, so it comes later).
  const mail = new MailService(ds, pool, { ...config.mail, publicUrl: config.publicUrl }, clock.now, log, (id) =>
    booking.findView(id),
  );
  const uploads = new UploadService(ds, pool, config.uploads, clock.now, storage);
  const retention = new RetentionService(ds, clock.now, config.retentionDays, storage, [
    ticketRetentionStep,
    auditRetentionStep,
    passwordLinkRetentionStep,
  ]);
  // Pushes are written by the queue's transactions (its hooks) and read the ticket as the queue shows it.
  const push = new PushService(ds, { ...config.push, publicUrl: config.publicUrl }, clock.now, log, () => queue.views);
  const dayClose = new DayCloseService(ds, clock.now, push.outbox);
  // Started and stopped by app.ts; a booking's mails are dispatched at once through it.
  const jobs = new JobScheduler(pool, log, productJobs({ mail, uploads, retention, dayClose, push, log }));
  mail.onQueued(() => jobs.runSoon(JOB.mailDispatchNow));
  push.onQueued(() => jobs.runSoon(JOB.pushDispatchNow, 50));
  const booking = new BookingService(
    ds,
    pool,
    { ...config.booking, maxFiles: config.uploads.maxFiles },
    clock.now,
    calendarSender(config.publicUrl, config.mail.from),
    mail.outbox,
  );
  const documentCheck = new DocumentCheckService(ds, booking, uploads, clock.now, mail.outbox);
  const queue = new QueueService(ds, { publicUrl: config.publicUrl }, clock.now, booking, push.outbox);
  // Started and stopped by app.ts: the LISTEN connection that tells this process about changes made anywhere.
  const liveListener = new LiveListener(pool.options as pg.ClientConfig, log);
  const feeds = new OfficeFeeds(async (officeId) => {
    const state = await queue.views.state(officeId);
    return state && officeSnapshot(state);
  }, log);
  const portalKeys = new PortalKeysService(ds, clock.now, config.booking.portalRequestsPerMinute);
  const catalog = new CatalogService(ds, clock.now);
  return {
    clock,
    audit: new AuditService(ds, clock.now),
    catalog,
    identity: new IdentityService(ds, clock.now),
    auth: new AuthService(ds, pool, config.sessionTtlHours, clock.now),
    staff: new StaffService(ds),
    staffAccounts: new StaffAccountsService(ds, pool, config.publicUrl, clock.now),
    credentials: new CredentialsService(ds, clock.now, portalKeys),
    portalKeys,
    manageLink: new ManageLinkService(ds, pool, clock.now, mail.outbox),
    legal: new LegalService(ds, clock.now),
    portalLimit: new PortalLimitService(pool, config.booking.portalRequestsPerMinute),
    booking,
    officeAdmin: new OfficeAdminService(ds, booking, clock.now, mail.outbox),
    catalogAdmin: new CatalogAdminService(ds, booking, catalog, clock.now),
    devices: new DeviceAdminService(ds, pool, clock.now),
    queue,
    live: new LiveService(ds, queue.views, feeds),
    liveListener,
    uploads,
    documentCheck,
    mail,
    push,
    retention,
    dayClose,
    jobs,
    stats: new StatsService(ds, clock.now),
  };
}
