/**
 * A server process for the live benchmark (forked by live.bench.ts, talks over IPC):
 *   mode "api":      the real api (startApp) on the given database, its clock fixed at the benchmark's instant;
 *   mode "baseline": a bare graphql-ws server whose one subscription receives the same payload, fired by POST /fire.
 * On {cmd: 'memory'} it collects garbage and answers with its memory use.
 */
import 'reflect-metadata';
import http from 'node:http';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { startApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { ClockService } from '../src/modules/clock/clock.service.js';

const mode = process.env.BENCH_MODE;
const send = (m: Record<string, unknown>) => process.send?.(m);

function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

let stop: () => Promise<void>;
let port: number;

if (mode === 'api') {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const now = new Date(process.env.BENCH_NOW as string);
  const app = await startApp(parsed.config, createLogger('warn'), { clock: new ClockService(() => new Date(now)) });
  port = app.port;
  stop = app.stop;
} else {
  // The same payload shape as a tracked ticket, as one JSON scalar-free object: one String field per key.
  const listeners = new Set<(v: unknown) => void>();
  let payload: Record<string, unknown> = {};
  const Ticket = new GraphQLObjectType({
    name: 'Ticket',
    fields: { json: { type: GraphQLString, resolve: (v) => JSON.stringify(v) } },
  });
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ticket: {
          type: Ticket,
          resolve: (v) => v,
          subscribe: async function* () {
            const queue: unknown[] = [payload];
            let wake: (() => void) | null = null;
            const push = (v: unknown) => {
              queue.push(v);
              wake?.();
            };
            listeners.add(push);
            try {
              while (true) {
                while (queue.length > 0) yield queue.shift();
                await new Promise<void>((r) => {
                  wake = r;
                });
              }
            } finally {
              listeners.delete(push);
            }
          },
        },
      },
    }),
  });
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      payload = JSON.parse(body || '{}');
      for (const l of listeners) l(payload);
      res.end('{}');
    });
  });
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const cleanup = useServer({ schema }, wss);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  stop = async () => {
    await cleanup.dispose();
    server.close();
  };
}

process.on('message', async (m: { cmd: string }) => {
  if (m.cmd === 'memory') send({ memory: memory() });
  if (m.cmd === 'stop') {
    await stop();
    process.exit(0);
  }
});
send({ ready: true, port });
