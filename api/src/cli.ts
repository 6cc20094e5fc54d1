/**
 * Administration from the shell (portal keys can also be managed on the staff UI's "Portal-Schlüssel" page):
 *   pnpm --filter @bc/api cli device:create <office-slug> <KIOSK|DISPLAY|PHOTO_TERMINAL> "<name>"
 *   pnpm --filter @bc/api cli device:revoke <device-id>
 *   pnpm --filter @bc/api cli api-key:create "<portal name>"
 *   pnpm --filter @bc/api cli api-key:revoke <key-id>
 *   pnpm --filter @bc/api cli admin:invite <username> "<name>"
 * Uses the same configuration as the server (DATABASE_URL, or the embedded PostgreSQL — then the server must be stopped).
 */
import 'reflect-metadata';
import type pg from 'pg';
import { EMBEDDED_DATABASE } from './app.js';
import { parseConfig } from './config.js';
import { createDataSource, runMigrations } from './db/data-source.js';
import { startEmbeddedPostgres } from './db/embedded-postgres.js';
import { createLogger } from './logger.js';
import { AuditService } from './modules/audit/audit.service.js';
import { PortalKeysService } from './modules/portal-keys/portal-keys.service.js';
import { CredentialsService } from './modules/staff/credentials.service.js';
import { StaffAccountsService } from './modules/staff/staff-accounts.service.js';
import { type DeviceKind, deviceRoles } from './shared/role.js';

const [command, ...args] = process.argv.slice(2);
const usage =
  'Usage: cli device:create <office-slug> <KIOSK|DISPLAY|PHOTO_TERMINAL> "<name>" | device:revoke <id> | api-key:create "<name>" | api-key:revoke <id> | admin:invite <username> "<name>"';
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(`Configuration: ${parsed.errors.join('; ')}`);
  process.exit(1);
}
const { config } = parsed;
const log = createLogger('warn');
const cluster =
  config.database.kind === 'embedded'
    ? await startEmbeddedPostgres({ dir: config.database.dir, port: config.database.port, log })
    : undefined;
const ds = createDataSource(cluster ? cluster.url(EMBEDDED_DATABASE) : (config.database as { url: string }).url);
let exitCode = 0;
try {
  await ds.initialize();
  await runMigrations(ds);
  const now = () => new Date();
  const credentials = new CredentialsService(
    ds,
    now,
    new PortalKeysService(ds, now, config.booking.portalRequestsPerMinute),
  );
  // Device and key changes made here are audited like those made on the staff pages (actor kind "cli").
  const audit = new AuditService(ds, now);
  switch (command) {
    case 'device:create': {
      const [slug, kind, name] = args;
      if (!slug || !name || !deviceRoles.includes(kind as DeviceKind)) throw new Error(usage);
      const { id, token } = await credentials.createDevice({ officeSlug: slug, kind: kind as DeviceKind, name });
      await audit.recordCommandLine({ operation: 'registerDevice', ids: { id }, outcome: 'ManagedDevice' });
      if (kind === 'PHOTO_TERMINAL') {
        // The photo terminal is a third-party device: it calls reportBiometricsCaptured with this bearer token.
        console.log(`Device ${id} created. Its bearer token (shown once):\n  ${token}`);
        break;
      }
      const path = kind === 'DISPLAY' ? '/track/display' : '/booking/kiosk';
      console.log(
        `Device ${id} created. Open on the device (shown once):\n  ${config.publicUrl}${path}#device=${token}`,
      );
      break;
    }
    case 'api-key:create': {
      const [name] = args;
      if (!name) throw new Error(usage);
      const { id, key } = await credentials.createApiKey(name);
      await audit.recordCommandLine({ operation: 'createPortalApiKey', ids: { id }, outcome: 'CreatedPortalApiKey' });
      console.log(`API key ${id} for "${name}" (shown once; send as "Authorization: Bearer <key>"):\n  ${key}`);
      break;
    }
    case 'device:revoke':
    case 'api-key:revoke': {
      const [id] = args;
      if (!id) throw new Error(usage);
      const done =
        command === 'device:revoke' ? await credentials.revokeDevice(id) : await credentials.revokeApiKey(id);
      const [operation, outcome] =
        command === 'device:revoke' ? ['revokeDevice', 'ManagedDevice'] : ['revokePortalApiKey', 'PortalApiKey'];
      await audit.recordCommandLine({ operation, ids: { id }, outcome: done ? outcome : 'InvalidInput' });
      console.log(done ? `Revoked ${id}.` : `Nothing found with id ${id}.`);
      if (!done) exitCode = 1;
      break;
    }
    case 'admin:invite': {
      const [username, name] = args;
      if (!username || !name) throw new Error(usage);
      const pool = (ds.driver as unknown as { master: pg.Pool }).master;
      const outcome = await new StaffAccountsService(ds, pool, config.publicUrl, () => new Date()).inviteAdminFromShell(
        username,
        name,
      );
      if (outcome.kind !== 'ok') {
        const problems = outcome.kind === 'invalid' ? outcome.problems.map((p) => `${p.field}: ${p.message}`) : [];
        throw new Error(`Not invited. ${problems.join(' ')}`);
      }
      console.log(
        `Administrator "${username.trim().toLowerCase()}": open this link to set the password (shown once, valid until ${outcome.value.expiresAt.toISOString()}):\n  ${outcome.value.url}`,
      );
      break;
    }
    default:
      throw new Error(usage);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  exitCode = 1;
} finally {
  await ds.destroy().catch(() => undefined);
  await cluster?.stop();
}
process.exit(exitCode);
