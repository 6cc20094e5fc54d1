import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLSchema, specifiedRules } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Config } from '../config.js';
import type { Context, Identity } from '../graphql/context.js';
import { DocumentCache } from '../graphql/document-cache.js';
import { asUnavailable, ErrorCode, formatError, outagePlugin } from '../graphql/errors.js';
import { inputGuardPlugin, unstorableTextError } from '../graphql/input-guard.js';
import { portalLimitPlugin } from '../graphql/portal-limit.js';
import type { Logger } from '../logger.js';
import { auditPlugin } from '../modules/audit/audit.service.js';
import { clientAddress, SocketGuard } from '../modules/live/socket-guard.js';
import { devMailboxRouter } from '../modules/mail/dev-mailbox.http.js';
import type { Credentials } from '../modules/staff/identity.service.js';
import { uploadRouter } from '../modules/upload/upload.http.js';
import type { Services } from '../services.js';
import { bearerToken, readSessionCookie, sessionCookie } from './cookies.js';
import { graphqlBodyErrors, lastErrorHandler } from './http-errors.js';
import { securityHeaders } from './security-headers.js';
import { serveSpas } from './spa.js';

export type HttpDeps = {
  config: Config;
  log: Logger;
  schema: GraphQLSchema;
  services: Services;
  /** Database reachable and all migrations applied. */
  isReady: () => Promise<boolean>;
};

/** The largest JSON body /graphql reads (a booking with notes is a few KB). */
const GRAPHQL_BODY_LIMIT = '100kb';

/** An unreachable database while finding out who calls: 503 SERVICE_UNAVAILABLE, not "Context creation failed". */
const unavailableAs503 =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> =>
    fn(...args).catch((err) => {
      throw asUnavailable(err);
    });

const invalidCredentials = () =>
  new GraphQLError('The device token or API key is unknown or has been revoked.', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
  });

/** Limits that keep one request from costing the server much; the same rules guard HTTP and WebSocket. */
const armor = new ApolloArmor({
  // Counted for introspection too (nested ofType is a known abuse); the standard introspection query is 21 deep.
  maxDepth: { n: 25, ignoreIntrospection: false },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  // Token limits are Apollo's own parse option below, so that parse errors stay 400s with their proper code.
  maxTokens: { enabled: false },
  costLimit: { maxCost: 5000 },
  blockFieldSuggestion: { enabled: false },
}).protect();

export function createHttpServer(deps: HttpDeps) {
  const { config, log, schema, services } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const httpServer = http.createServer(app);
  const publicOrigin = new URL(config.publicUrl).origin;
  const allowedOrigins = new Set([publicOrigin, ...config.corsOrigins]);
  const secureCookies = config.publicUrl.startsWith('https:');

  app.use(securityHeaders({ origins: allowedOrigins, secure: secureCookies }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await deps.isReady().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });

  // Document uploads are multipart, outside GraphQL; the booking mutation then takes the upload's id. Staff open
  // the files of their office's appointments at GET /uploads/:id.
  app.use(
    '/uploads',
    cors<cors.CorsRequest>({ origin: [...allowedOrigins], credentials: true, maxAge: 600 }),
    uploadRouter({ uploads: services.uploads, identity: services.identity, log }),
  );

  // Mails the embedded catcher got (no SMTP_URL); only where config allows it (never with a real mail server).
  if (config.mail.devMailbox && services.mail.devMailbox) {
    app.use('/dev/mailbox', devMailboxRouter(services.mail.devMailbox));
  }

  // noServer: the HTTP server's own errors (e.g. port taken) stay with it; only /graphql upgrades are taken.
  const wsServer = new WebSocketServer({ noServer: true });
  const guard = new SocketGuard(config.live);
  httpServer.on('upgrade', async (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.destroy();
      return;
    }
    const address = clientAddress(request, config.trustProxy);
    if (!(await guard.admit(address))) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (socket.destroyed) {
      guard.closed(address);
      return;
    }
    wsServer.handleUpgrade(request, socket, head, (ws) => {
      ws.once('close', () => guard.closed(address));
      wsServer.emit('connection', ws, request);
    });
  });
  // Sockets that carry a staff session, a device or a portal key: checked again now and then, so that a sign-out, an
  // expired session or a revoked device or key also ends an open socket (HTTP requests are checked every time).
  const signedIn = new Map<WebSocket, { credentials: Credentials; kind: Identity['kind'] }>();
  const recheck = setInterval(async () => {
    for (const [socket, { credentials, kind }] of signedIn) {
      const now = await services.identity.resolve(credentials).catch(() => null);
      if (now !== null && (now === 'invalid' || now.kind !== kind)) {
        signedIn.delete(socket);
        socket.close(4403, 'Forbidden');
      }
    }
  }, config.live.recheckSeconds * 1000).unref();
  wsServer.on('connection', (socket) => socket.once('close', () => signedIn.delete(socket)));
  const documents = new DocumentCache(schema, [...specifiedRules, ...armor.validationRules]);
  const wsLog = log.child({ ws: true });
  const wsCleanup = useServer<Record<string, unknown>, { identity?: Identity; clientIp?: string }>(
    {
      schema,
      onConnect: async (ctx) => {
        const request = ctx.extra.request;
        // A cookie only counts when the page that opened the socket is ours (no cross-site socket hijacking).
        const origin = request.headers.origin;
        const sameSite =
          !origin ||
          allowedOrigins.has(origin) ||
          (URL.canParse(origin) && new URL(origin).host === request.headers.host);
        const authorization = ctx.connectionParams?.authorization;
        const credentials = {
          sessionToken: sameSite ? readSessionCookie(request.headers.cookie) : undefined,
          bearer: typeof authorization === 'string' ? bearerToken(authorization) : undefined,
        };
        const identity = await services.identity.resolve(credentials);
        if (identity === 'invalid') return false;
        ctx.extra.identity = identity;
        if (identity.kind !== 'anonymous') signedIn.set(ctx.extra.socket, { credentials, kind: identity.kind });
        ctx.extra.clientIp = clientAddress(request, config.trustProxy);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        // graphql-ws has already reserved this subscription's id: it counts among them.
        const active = Object.keys(ctx.subscriptions).length;
        if (active > config.live.subscriptionsPerSocket)
          return [
            new GraphQLError(`At most ${config.live.subscriptionsPerSocket} subscriptions per connection.`, {
              extensions: { code: ErrorCode.RateLimited },
            }),
          ];
        const document = documents.get(payload.query);
        if (!('kind' in document)) return document;
        const unstorable = unstorableTextError(document, payload.variables);
        if (unstorable) return [unstorable];
        const identity = ctx.extra.identity ?? { kind: 'anonymous' };
        const contextValue: Context = {
          identity,
          services,
          // Made on first use: most subscriptions (tracking pages, displays) never read the catalog.
          get loaders() {
            const loaders = services.catalog.loaders();
            Object.defineProperty(this, 'loaders', { value: loaders });
            return loaders;
          },
          log: wsLog,
          clientIp: ctx.extra.clientIp ?? 'unknown',
        };
        return {
          schema,
          document,
          variableValues: payload.variables,
          operationName: payload.operationName,
          contextValue,
        };
      },
      onNext: (ctx) => {
        // A client that does not read (or cannot keep up) is dropped; it resyncs when it reconnects.
        const { socket } = ctx.extra;
        if (guard.stalled(socket.bufferedAmount)) socket.terminate();
      },
      onError: (_ctx, _id, _payload, errors) => {
        log.warn({ errors: errors.map((e) => e.message) }, 'subscription error');
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM and stops everything in order; Apollo's own handler (on outside tests) would start
    // a second, competing stop that re-raises the signal and never lets ours finish.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: 2000 },
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<Context>[]),
      inputGuardPlugin,
      outagePlugin,
      portalLimitPlugin,
      auditPlugin(log),
      ApolloServerPluginLandingPageDisabled(),
      // No type or field carries cache hints and no response may be cached by a proxy: the default cache-control
      // plugin would only cost every field of every response a hook.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              clearInterval(recheck);
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });

  return {
    httpServer,
    async listen(): Promise<{ port: number; missingSpas: string[] }> {
      await apollo.start();
      app.use(
        '/graphql',
        cors<cors.CorsRequest>({ origin: [...allowedOrigins], credentials: true, maxAge: 600 }),
        express.json({ limit: GRAPHQL_BODY_LIMIT }),
        expressMiddleware(apollo, {
          context: unavailableAs503(async ({ req, res }): Promise<Context> => {
            const identity = await services.identity.resolve({
              sessionToken: readSessionCookie(req.headers.cookie),
              bearer: bearerToken(req.headers.authorization),
            });
            if (identity === 'invalid') throw invalidCredentials();
            return {
              identity,
              services,
              loaders: services.catalog.loaders(),
              log: log.child({ requestId: randomUUID() }),
              clientIp: req.ip ?? 'unknown',
              cookies: {
                set: (value, maxAge) => res.append('Set-Cookie', sessionCookie(value, maxAge, secureCookies)),
                clear: () => res.append('Set-Cookie', sessionCookie('', 0, secureCookies)),
              },
            };
          }),
        }),
        graphqlBodyErrors(log, '100 KB'),
      );
      const missingSpas = config.serveWeb ? serveSpas(app) : [];
      app.use((_req, res) => {
        res.status(404).json({ error: 'not found' });
      });
      app.use(lastErrorHandler(log));
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const address = httpServer.address();
      return { port: typeof address === 'object' && address ? address.port : config.port, missingSpas };
    },
    /** Stops accepting, lets in-flight requests finish, closes WebSockets. */
    async stop(): Promise<void> {
      await apollo.stop();
      wsServer.close();
    },
  };
}
