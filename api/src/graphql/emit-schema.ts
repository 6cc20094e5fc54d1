/** Writes the api's schema to schema/schema.graphql (the contract the SPAs generate their types from). */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { buildAppSchema, printAppSchema } from './schema.js';

const target = path.join(repoRoot, 'schema', 'schema.graphql');
await writeFile(target, printAppSchema(await buildAppSchema()));
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
