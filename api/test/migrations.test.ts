import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDataSource, ensureDatabase, pendingSchemaChanges, runMigrations } from '../src/db/data-source.js';
import { seedDemo } from '../src/db/seed/seed.js';

describe('migrations', () => {
  const database = `migrations_${randomBytes(4).toString('hex')}`;
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${database}`;
  const ds = createDataSource(url.toString());

  beforeAll(async () => {
    await ensureDatabase(inject('adminDatabaseUrl'), database);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
  });

  it('match the entities exactly (generate a migration when this fails)', async () => {
    await runMigrations(ds);
    const { up } = await pendingSchemaChanges(ds);
    expect(up).toEqual([]);
  });

  it('can be reverted and applied again', async () => {
    while ((await ds.query('SELECT count(*)::int AS n FROM migrations'))[0].n > 0) await ds.undoLastMigration();
    const tables = await ds.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'",
    );
    expect(tables).toEqual([]);
    await runMigrations(ds);
    expect((await pendingSchemaChanges(ds)).up).toEqual([]);
  });

  it('the demo seed loads once and is skipped afterwards', async () => {
    expect(await seedDemo(ds)).toBe('seeded');
    const count = async () => (await ds.query('SELECT count(*)::int AS n FROM service'))[0].n;
    const before = await count();
    expect(await seedDemo(ds)).toBe('skipped');
    expect(await count()).toBe(before);
    const offices = await ds.query('SELECT name, enabled, "timeZone" FROM office ORDER BY name');
    expect(offices).toEqual([
      { name: 'Bürgercentrum', enabled: true, timeZone: 'Europe/Berlin' },
      { name: 'Staatsangehörigkeitswesen', enabled: true, timeZone: 'Europe/Berlin' },
      { name: 'Zulassungsstelle', enabled: false, timeZone: 'Europe/Berlin' },
    ]);
    const [{ n: counters }] = await ds.query(
      'SELECT count(*)::int AS n FROM counter c JOIN office o ON o.id = c."officeId" WHERE o.enabled',
    );
    expect(counters).toBeGreaterThanOrEqual(6);
    expect(counters).toBeLessThanOrEqual(10);
  });
});
