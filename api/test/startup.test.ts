import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
