import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { Config } from './config.js';
import { createDataSource, ensureDatabase, runMigrations } from './db/data-source.js';
import { type EmbeddedCluster, EmbeddedPostgresError, startEmbeddedPostgres } from './db/embedded-postgres.js';
import { seedDemo } from './db/seed/seed.js';
import { buildAppSchema } from './graphql/schema.js';
import { createHttpServer } from './http/server.js';
import type { Logger } from './logger.js';
import { ClockService, runningFrom } from './modules/clock/clock.service.js';
import { createServices, type Services } from './services.js';
import { type StopStep, stepLimitOf, stopInTurn } from './stop-steps.js';

/** A failure at start whose message alone tells the operator what to do. */
export class StartupError extends Error {}

export const EMBEDDED_DATABASE = 'buergercentrum';
const MIN_POSTGRES_MAJOR = 14;

export type RunningApp = {
  url: string;
  port: number;
  missingSpas: string[];
  seeded: boolean;
  ds: DataSource;
  services: Services;
  stop: () => Promise<void>;
};

function describeDbError(err: unknown, url: string): string {
  const e = err as { code?: string; message?: string };
  const where = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return 'the database';
    }
  })();
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Cannot reach PostgreSQL at ${where} (${e.code}). Is it running, and is DATABASE_URL right?`;
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the user or password in DATABASE_URL.`;
    case '3D000':
      return `The database in DATABASE_URL (${where}) does not exist; create it first.`;
    default:
      return `Cannot use PostgreSQL at ${where}: ${e.message ?? String(err)}`;
  }
}

/**
 * Ready: the database answers and every migration of this build is applied. Read with one pooled query rather than
 * TypeORM's `showMigrations()`, which keeps its connection checked out when a query fails half-way (the database
 * going away during the probe), so that each such probe would take one connection from the pool for good.
 */
async function isMigrated(ds: DataSource): Promise<boolean> {
  if (!ds.isInitialized) return false;
  const rows: { name: string }[] = await ds.query('SELECT name FROM migrations');
  const applied = new Set(rows.map((r) => r.name));
  return ds.migrations.every((m) => applied.has(m.name ?? m.constructor.name));
}

/** Starts the whole product: database (embedded unless DATABASE_URL), migrations, seed, HTTP + WebSocket. */
export async function startApp(config: Config, log: Logger, opts: { clock?: ClockService } = {}): Promise<RunningApp> {
  // Stopped in reverse order of starting; a step that hangs is left behind after a limit (stop-steps.ts).
  const cleanups: StopStep[] = [];
  const cleanup = async () => {
    const steps = cleanups.splice(0).reverse();
    await stopInTurn(steps, log, stepLimitOf(config.shutdownTimeoutMs));
  };
  try {
    let url: string;
    if (config.database.kind === 'embedded') {
      let cluster: EmbeddedCluster;
      try {
        cluster = await startEmbeddedPostgres({ dir: config.database.dir, port: config.database.port, log });
      } catch (err) {
        if (err instanceof EmbeddedPostgresError) throw new StartupError(err.message);
        throw err;
      }
      cleanups.push({ name: 'embedded PostgreSQL', run: cluster.stop });
      await ensureDatabase(cluster.url('postgres'), EMBEDDED_DATABASE);
      url = cluster.url(EMBEDDED_DATABASE);
    } else {
      url = config.database.url;
    }

    const ds = createDataSource(url);
    try {
      await ds.initialize();
    } catch (err) {
      throw new StartupError(describeDbError(err, url));
    }
    cleanups.push({ name: 'database pool', run: () => ds.destroy() });
    const [{ server_version_num }] = await ds.query('SHOW server_version_num');
    if (Math.floor(Number(server_version_num) / 10000) < MIN_POSTGRES_MAJOR) {
      throw new StartupError(
        `PostgreSQL ${MIN_POSTGRES_MAJOR} or newer is needed; the server runs ${server_version_num}.`,
      );
    }
    const applied = await runMigrations(ds);
    if (applied.length > 0) log.info({ migrations: applied }, 'migrations applied');
    const seeded = config.seed === 'demo' && (await seedDemo(ds)) === 'seeded';
    if (seeded) log.info('demo data loaded');

    // TEST_CLOCK_START (tests only): the clock shows that instant when this process started and runs on.
    const clock =
      opts.clock ??
      new ClockService(config.testClockStart ? runningFrom(config.testClockStart, performance.timeOrigin) : undefined);
    if (config.testClockStart) log.warn({ testClockStart: config.testClockStart }, 'test clock: not the real time');
    clock.start();
    cleanups.push({ name: 'clock', run: async () => clock.stop() });
    const services = createServices(ds, config, clock, log);
    // Web Push: the VAPID key pair is made at the first start (any number of processes agree on one).
    await services.push.vapid();
    await services.mail.start();
    cleanups.push({ name: 'mail', run: () => services.mail.stop() });
    if (!config.mail.smtpUrl && !config.mail.devMailbox) {
      log.warn('no SMTP_URL: mails are kept in memory by the embedded catcher and not delivered; set SMTP_URL');
    }
    // Live updates: this process hears every committed queue change, from any process (LISTEN/NOTIFY).
    await services.liveListener.start();
    services.live.feeds.attach(services.liveListener);
    cleanups.push({
      name: 'live updates',
      run: async () => {
        services.live.feeds.detach();
        await services.liveListener.stop();
      },
    });
    // Mail dispatch, reminders, upload purge and retention (agenda on PostgreSQL). Stopped before the mail
    // transport and the database (cleanups run in reverse), after the HTTP server.
    await services.jobs.start();
    cleanups.push({ name: 'jobs', run: () => services.jobs.stop() });
    const schema = await buildAppSchema();
    const server = createHttpServer({
      config,
      log,
      schema,
      services,
      isReady: () => isMigrated(ds),
    });
    let listening: Awaited<ReturnType<typeof server.listen>>;
    try {
      listening = await server.listen();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'EADDRINUSE')
        throw new StartupError(`Port ${config.port} is already in use; set PORT to a free port.`);
      if (code === 'EACCES')
        throw new StartupError(`Not allowed to listen on port ${config.port}; use a port above 1023.`);
      throw err;
    }
    cleanups.push({ name: 'HTTP and WebSocket server', run: () => server.stop() });

    let stopping: Promise<void> | undefined;
    return {
      url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${listening.port}`,
      port: listening.port,
      missingSpas: listening.missingSpas,
      seeded,
      ds,
      services,
      stop: () => {
        stopping ??= cleanup();
        return stopping;
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
