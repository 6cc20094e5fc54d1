import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.js';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('reports alive and ready when the database is reachable and migrated', async () => {
    const health = await fetch(`${t.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('reports not ready when a migration is missing', async () => {
    const [last] = await t.sql<{ id: number; name: string; timestamp: string }>(
      'SELECT id, name, timestamp FROM migrations ORDER BY id DESC LIMIT 1',
    );
    await t.sql('DELETE FROM migrations WHERE id = $1', [last?.id]);
    try {
      expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(503);
      expect((await fetch(`${t.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await t.sql('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        last?.id,
        last?.timestamp,
        last?.name,
      ]);
    }
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
  });
});
