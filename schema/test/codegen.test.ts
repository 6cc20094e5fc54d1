import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

describe('generated client types', () => {
  it('are current with schema.graphql and the documents in the SPAs (run `pnpm codegen` when this fails)', async () => {
    const outputs = (await generate({ ...config, cwd: path.resolve(import.meta.dirname, '..') }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.length).toBeGreaterThanOrEqual(9);
    for (const output of outputs) {
      const file = path.resolve(import.meta.dirname, '..', output.filename);
      const committed = await readFile(file, 'utf8').catch(() => '(missing)');
      expect(committed, `${path.relative(process.cwd(), file)} is stale`).toBe(output.content);
    }
  }, 60_000); // generating for three SPAs takes a few seconds on a busy 2-core machine
});
