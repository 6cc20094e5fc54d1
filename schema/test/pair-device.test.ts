import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PairDeviceMutation } from '../src/pair-device.js';

describe('the shared pairing document', () => {
  it('is valid against schema.graphql (it is typed by hand, not generated)', async () => {
    const sdl = await readFile(path.resolve(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(validate(buildSchema(sdl), PairDeviceMutation)).toEqual([]);
  });

  it('selects every member of the result union that the form tells apart', () => {
    const text = PairDeviceMutation.loc?.source.body ?? '';
    for (const member of ['DevicePaired', 'PairingCodeRejected', 'LimitReached']) expect(text).toContain(member);
  });
});
