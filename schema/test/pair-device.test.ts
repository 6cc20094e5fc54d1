import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSchema, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PairDeviceMutation } from '../src/pair-device.js';

describe('the shared pairing document', () => {
  it('is valid against schema.graphql and arrives parsed (no GraphQL parser in the browser)', async () => {
    const sdl = await readFile(path.resolve(import.meta.dirname, '..', 'schema.graphql'), 'utf8');
    expect(PairDeviceMutation.kind).toBe('Document');
    expect(validate(buildSchema(sdl), PairDeviceMutation)).toEqual([]);
  });

  it('selects every member of the result union that the form tells apart', () => {
    const text = print(PairDeviceMutation);
    for (const member of ['DevicePaired', 'PairingCodeRejected', 'LimitReached']) expect(text).toContain(member);
  });
});
