import { execFile, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeThrowawayDir } from '../src/db/embedded-postgres.js';
import { freePort } from './free-port.js';

const run = promisify(execFile);
const main = path.resolve(import.meta.dirname, '../src/main.ts');
const tsx = path.resolve(import.meta.dirname, '../node_modules/.bin/tsx');

/** Runs the real entry point and returns its exit code and stderr. */
async function start(env: Record<string, string>) {
  try {
    await run(tsx, [main], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 30_000 });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('start-up errors', () => {
  it('stops with a one-line explanation for a malformed variable', async () => {
    const { code, stderr } = await start({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Cannot start: PORT must be a whole number between 1 and 65535 (got "eighty"). See the configuration table in README.md.',
    );
  });

  it('says clearly that an external database cannot be reached', async () => {
    const { code, stderr } = await start({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/bc', PORT: '0' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Cannot start: Cannot reach PostgreSQL at 127.0.0.1:1/bc (ECONNREFUSED). Is it running, and is DATABASE_URL right?',
    );
  });

  it('says clearly that the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { inject } = await import('vitest');
      const { code, stderr } = await start({
        DATABASE_URL: inject('adminDatabaseUrl'),
        PORT: String(port),
        SEED: 'none',
      });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`Cannot start: Port ${port} is already in use; set PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });
});

/**
 * The api in one node process (tsx as a loader, not as a wrapper), so that signals reach it directly; in production
 * mode as operators run it (libraries such as Apollo behave differently under NODE_ENV=test).
 */
function spawnApi(env: Record<string, string>) {
  return spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', SERVE_WEB: 'false', DATABASE_URL: '', ...env },
    stdio: 'ignore',
  });
}

async function waitReady(port: number, child: ReturnType<typeof spawnApi>) {
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the api did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exitOf = (child: ReturnType<typeof spawnApi>) =>
  new Promise<number | null>((r) =>
    child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
  );

describe('stopping', () => {
  let dir: string;
  let env: Record<string, string>;
  let port: number;
  const pgPid = async () => Number((await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

  beforeAll(async () => {
    dir = await makeThrowawayDir('bc-stop-');
    port = await freePort();
    env = { PORT: String(port), EMBEDDED_PG_DIR: path.join(dir, 'pg'), EMBEDDED_PG_PORT: String(await freePort()) };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('SIGINT stops with exit code 0 and leaves no PostgreSQL process behind', async () => {
    const child = spawnApi(env);
    try {
      await waitReady(port, child);
      const pid = await pgPid();
      child.kill('SIGINT');
      const started = Date.now();
      expect(await exitOf(child)).toBe(0);
      expect(Date.now() - started).toBeLessThan(9_000); // well before the 10 s shutdown timeout
      expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('Ctrl-C in a terminal (SIGINT to the api and to its PostgreSQL at once) still stops cleanly with exit code 0', async () => {
    const child = spawnApi(env);
    try {
      await waitReady(port, child);
      const pid = await pgPid();
      process.kill(pid, 'SIGINT'); // the terminal signals the whole foreground process group
      child.kill('SIGINT');
      const started = Date.now();
      expect(await exitOf(child)).toBe(0);
      expect(Date.now() - started).toBeLessThan(9_000); // well before the 10 s shutdown timeout
      expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('after a killed process (SIGKILL) the next start takes over the data folder and keeps the data', async () => {
    const first = spawnApi(env);
    await waitReady(port, first);
    const orphan = await pgPid();
    first.kill('SIGKILL');
    await exitOf(first);
    expect(() => process.kill(orphan, 0)).not.toThrow(); // PostgreSQL outlived the api
    const second = spawnApi(env);
    try {
      await waitReady(port, second);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ offices { slug } }' }),
      });
      const body = (await res.json()) as { data: { offices: unknown[] } };
      expect(body.data.offices).toHaveLength(2);
      second.kill('SIGTERM');
      expect(await exitOf(second)).toBe(0);
      expect(() => process.kill(orphan, 0)).toThrow();
    } finally {
      if (second.exitCode === null) second.kill('SIGKILL');
    }
  });
});
