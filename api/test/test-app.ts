import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type RunningApp, startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { ensureDatabase } from '../src/db/data-source.js';
import { demoDevices, demoLogins } from '../src/db/seed/demo-data.js';
import { createLogger, type Logger } from '../src/logger.js';
import { ClockService } from '../src/modules/clock/clock.service.js';
import { GqlClient } from './gql-client.js';

/** A clock the test moves by hand; nothing waits for real time. */
export class TestClock {
  constructor(public current = new Date()) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** A logger that keeps its JSON lines, parsed, for tests that check what the api logged. */
export function memoryLog(level = 'info'): { log: Logger; lines: Record<string, any>[] } {
  const lines: Record<string, any>[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A running api on its own freshly migrated and seeded database, with a client per role
 * (the Vendure createTestEnvironment pattern). Call close() in afterAll.
 */
export async function createTestApp(
  opts: {
    env?: Record<string, string>;
    clock?: TestClock;
    /** Run a second api process on this app's database. */
    sharing?: { database: string };
    /** Where the api logs (default: nowhere); see memoryLog(). */
    log?: Logger;
    /** A PostgreSQL server of the test's own (a URL that may create databases), e.g. one it stops and starts. */
    adminUrl?: string;
  } = {},
) {
  const adminUrl = opts.adminUrl ?? inject('adminDatabaseUrl');
  const database = opts.sharing?.database ?? `test_${randomBytes(6).toString('hex')}`;
  if (!opts.sharing) await ensureDatabase(adminUrl, database);
  const url = databaseUrl(adminUrl, database);
  const parsed = parseConfig({
    DATABASE_URL: url,
    PORT: '0',
    SEED: 'demo',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    NODE_ENV: 'test',
    ...opts.env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const clock = opts.clock ?? new TestClock();
  const app: RunningApp = await startApp(parsed.config, opts.log ?? createLogger('silent'), {
    clock: new ClockService(clock.now, 50),
  });
  const baseUrl = `http://127.0.0.1:${app.port}`;

  const loginAs = async (username: string) => {
    const login = demoLogins.find((l) => l.username === username);
    if (!login) throw new Error(`no demo login ${username}`);
    const client = new GqlClient(baseUrl);
    const res = await client.ok<{ login: { __typename: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      { u: login.username, p: login.password },
    );
    if (res.login.__typename !== 'LoginSuccess') throw new Error(`demo login ${username} failed`);
    return client;
  };
  const device = (kind: 'KIOSK' | 'DISPLAY') => new GqlClient(baseUrl, demoDevices.find((d) => d.kind === kind)?.token);
  // Two active keys may not share a name: a second process on the same database gets its own.
  const portalKey = await app.services.credentials.createApiKey(
    opts.sharing ? `Serviceportal Test ${randomBytes(3).toString('hex')}` : 'Serviceportal Test',
  );

  return {
    app,
    clock,
    baseUrl,
    database,
    /** For a connection of the test's own (another process's session, as the database sees it). */
    databaseUrl: url,
    /** A client with no identity at all. */
    anonymous: () => new GqlClient(baseUrl),
    admin: () => loginAs('admin'),
    officeManager: () => loginAs('leitung'),
    clerk: () => loginAs('schalter'),
    infoDesk: () => loginAs('info'),
    kiosk: () => device('KIOSK'),
    display: () => device('DISPLAY'),
    portal: () => new GqlClient(baseUrl, portalKey.key),
    portalKey,
    /** Direct SQL for assertions on what was stored. */
    sql: async <T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> =>
      app.ds.query(text, values) as Promise<T[]>,
    async close() {
      await app.stop();
      if (opts.sharing) return;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
