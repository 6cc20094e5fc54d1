// The benchmark's client thread (see http-clients.ts). Plain JavaScript, so that it runs without tsx's loader.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const url = new URL(workerData.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });

/** One POST; resolves with its latency (sent → answer received and parsed) and the first root field's __typename. */
function post(body) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const { data, errors } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          const ms = performance.now() - t0;
          const first = data ? Object.values(data)[0] : undefined;
          resolve({ ms, typename: first?.__typename, errors: errors ? JSON.stringify(errors) : undefined });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

parentPort.on('message', async ({ id, bodies, concurrency }) => {
  const answers = new Array(bodies.length);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, bodies.length) }, async () => {
      while (next < bodies.length) {
        const i = next++;
        answers[i] = await post(bodies[i]);
      }
    }),
  );
  parentPort.postMessage({ id, answers, wallMs: performance.now() - t0 });
});
