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
import compression from 'compression';
import cors from 'cors';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import { auditPlugin } from '../graphql/audit-plugin.js';
import type { Context } from '../graphql/context.js';
import { asUnavailable, ErrorCode, formatError, outagePlugin } from '../graphql/errors.js';
import { inputGuardPlugin } from '../graphql/input-guard.js';
import { portalLimitPlugin } from '../graphql/portal-limit.js';
import type { Logger } from '../logger.js';
import { devMailboxRouter } from '../modules/mail/dev-mailbox.http.js';
import { uploadRouter } from '../modules/upload/upload.http.js';
import type { Services } from '../services.js';
import { actorOf } from '../shared/actor.js';
import { isStaffRole } from '../shared/role.js';
import { bearerToken, readSessionCookie, sessionCookie } from './cookies.js';
import { graphqlBodyErrors, lastErrorHandler } from './http-errors.js';
import { securityHeaders } from './security-headers.js';
import { serveSpas } from './spa.js';
import { createWebSocketEndpoint } from './websocket.js';

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
    uploadRouter({
      uploads: services.uploads,
      // Only the cookie counts: a bearer token (device, portal) is not a person who may read citizens' papers.
      staffOf: async (req) => {
        const who = await services.identity.resolve({ sessionToken: readSessionCookie(req.headers.cookie) });
        if (who === 'invalid' || who.kind !== 'staff' || !who.user.roles.some(isStaffRole)) return null;
        const actor = actorOf(who);
        return actor.kind === 'staff' ? actor : null;
      },
      log,
    }),
  );

  // Mails the embedded catcher got (no SMTP_URL); only where config allows it (never with a real mail server).
  if (config.mail.devMailbox && services.mail.devMailbox) {
    app.use('/dev/mailbox', devMailboxRouter(services.mail.devMailbox));
  }

  const webSocket = createWebSocketEndpoint({
    config,
    log,
    schema,
    services,
    httpServer,
    allowedOrigins,
    validationRules: armor.validationRules,
  });

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
              await webSocket.dispose();
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
        // Answers of 1 KB and more (the office list, a day's free times) go brotli or gzip compressed, as asked.
        ...(config.webCompression ? [compression()] : []),
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
      const missingSpas = config.serveWeb ? serveSpas(app, { compression: config.webCompression }) : [];
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
      webSocket.close();
    },
  };
}
