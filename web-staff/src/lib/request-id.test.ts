import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRequestId } from './request-id';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids of the desk', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are UUIDs, different each time', () => {
    const ids = Array.from({ length: 20 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(uuidV4);
    expect(new Set(ids).size).toBe(20);
  });

  it('are UUIDs too where the browser has no randomUUID (plain http on the intranet)', () => {
    const random = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: random.getRandomValues.bind(random) });
    const ids = Array.from({ length: 20 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(uuidV4);
    expect(new Set(ids).size).toBe(20);
  });
});
