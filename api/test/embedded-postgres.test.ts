import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { makeThrowawayDir } from '../src/db/embedded-postgres.js';
import { createLogger } from '../src/logger.js';
import { freePort } from './free-port.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the embedded PostgreSQL (no DATABASE_URL)', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps its data across restarts and leaves no server process behind', async () => {
    dir = await makeThrowawayDir('bc-embedded-');
    const parsed = parseConfig({
      EMBEDDED_PG_DIR: path.join(dir, 'pg'),
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: '0',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const log = createLogger('silent');

    const first = await startApp(parsed.config, log);
    expect(first.seeded).toBe(true);
    const pid = Number((await readFile(path.join(dir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(alive(pid)).toBe(true);
    await first.ds.query("UPDATE office SET notice = 'Schalter 3 heute geschlossen' WHERE slug = 'buergercentrum'");
    await first.stop();
    expect(alive(pid)).toBe(false);
    expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await startApp(parsed.config, log);
    try {
      expect(second.seeded).toBe(false);
      const [office] = await second.ds.query("SELECT notice FROM office WHERE slug = 'buergercentrum'");
      expect(office.notice).toBe('Schalter 3 heute geschlossen');
    } finally {
      await second.stop();
    }
  });

  it.runIf(process.getuid?.() === 0)('as root, explains a data folder the postgres user cannot reach', async () => {
    const { chmod, mkdir } = await import('node:fs/promises');
    const { startEmbeddedPostgres } = await import('../src/db/embedded-postgres.js');
    const root = await makeThrowawayDir('bc-private-');
    try {
      await mkdir(path.join(root, 'home'));
      await chmod(path.join(root, 'home'), 0o700);
      await expect(
        startEmbeddedPostgres({
          dir: path.join(root, 'home', 'pg'),
          port: await freePort(),
          log: createLogger('silent'),
        }),
      ).rejects.toThrow(/cannot enter .*home \(mode 700\)\. Set EMBEDDED_PG_DIR/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
