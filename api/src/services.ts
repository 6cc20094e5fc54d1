import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { BookingService } from './modules/booking/booking.service.js';
import { CatalogService } from './modules/catalog/catalog.service.js';
import { ClockService } from './modules/clock/clock.service.js';
import { AuthService } from './modules/staff/auth.service.js';
import { CredentialsService } from './modules/staff/credentials.service.js';
import { IdentityService } from './modules/staff/identity.service.js';
import { PortalLimitService } from './modules/staff/portal-limit.service.js';
import { StaffService } from './modules/staff/staff.service.js';
import { UploadService } from './modules/upload/upload.service.js';

/** The domain services of one api process, wired once at start. */
export type Services = ReturnType<typeof createServices>;

export function createServices(ds: DataSource, config: Config, clock: ClockService = new ClockService()) {
  const pool = (ds.driver as unknown as { master: pg.Pool }).master;
  return {
    clock,
    catalog: new CatalogService(ds),
    identity: new IdentityService(ds, clock.now),
    auth: new AuthService(ds, pool, config.sessionTtlHours, clock.now),
    staff: new StaffService(ds),
    credentials: new CredentialsService(ds, clock.now),
    portalLimit: new PortalLimitService(pool, config.booking.portalRequestsPerMinute),
    booking: new BookingService(
      ds,
      pool,
      { ...config.booking, maxFiles: config.uploads.maxFiles },
      clock.now,
      new URL(config.publicUrl).hostname,
    ),
    uploads: new UploadService(ds, pool, config.uploads, clock.now),
  };
}
