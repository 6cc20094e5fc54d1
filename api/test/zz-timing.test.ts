import { it } from 'vitest';
import { createTestApp } from './test-app.js';
it('times', async () => {
  let t0 = Date.now();
  const a = await createTestApp({});
  console.log('start', Date.now() - t0);
  t0 = Date.now();
  await a.close();
  console.log('close', Date.now() - t0);
});
