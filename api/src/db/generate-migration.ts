/**
 * Writes a migration with the SQL that makes a migrated database match the entities.
 * Usage: pnpm --filter @bc/api migration:generate <Name>
 * Uses DATABASE_URL when set, else a throw-away embedded PostgreSQL. Read the file before committing it.
 */
import 'reflect-metadata';
import { readdir, rm, writeFile } from 'node:fs/promises';

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../logger.js';
import { createDataSource, ensureDatabase, pendingSchemaChanges, runMigrations } from './data-source.js';
import { makeThrowawayDir, startEmbeddedPostgres } from './embedded-postgres.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('Give the migration a PascalCase name, e.g. pnpm --filter @bc/api migration:generate AddClosures');
  process.exit(2);
}
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const log = createLogger('warn');
const tmp = await makeThrowawayDir('bc-migrate-');
const cluster = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), port: 54000 + Math.floor(Math.random() * 900), log });
const url = process.env.DATABASE_URL ?? (cluster?.url('postgres') as string);
if (cluster) await ensureDatabase(url, 'migrate');
const ds = createDataSource(cluster ? cluster.url('migrate') : url);
try {
  await ds.initialize();
  await runMigrations(ds);
  const { up, down } = await pendingSchemaChanges(ds);
  if (up.length === 0) {
    console.log('Entities and migrations agree; nothing to generate.');
  } else {
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (s: string) => `    await queryRunner.query(${JSON.stringify(s)});`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
  }
}
`;
    const file = `${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
    await writeFile(path.join(folder, file), body);
    const files = (await readdir(folder)).filter((f) => /^\d+-.*\.ts$/.test(f)).sort();
    const imports = files.map((f, i) => `import * as m${i} from './${f.replace(/\.ts$/, '.js')}';`);
    const index = `// Written by \`pnpm --filter @bc/api migration:generate\`; lists the migrations in order.
${imports.join('\n')}

const pick = (m: Record<string, unknown>) => Object.values(m)[0] as new () => object;
export const migrations = [${files.map((_, i) => `pick(m${i})`).join(', ')}];
`;
    await writeFile(path.join(folder, 'index.ts'), index);
    console.log(`Wrote src/db/migrations/${file} (${up.length} statements). Read it, then run biome format.`);
  }
} finally {
  await ds.destroy().catch(() => undefined);
  await cluster?.stop();
  await rm(tmp, { recursive: true, force: true });
}
