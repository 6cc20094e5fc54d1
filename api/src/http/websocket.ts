import type http from 'node:http';
import {
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  specifiedRules,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Config } from '../config.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Context } from '../graphql/context.js';
import { DocumentCache } from '../graphql/document-cache.js';
import { appError, ErrorCode, formatError, logUnexpected } from '../graphql/errors.js';
import { unstorableTextError } from '../graphql/input-guard.js';
import { type Logger, LogThrottle } from '../logger.js';
import { SignedInSockets } from '../modules/live/signed-in-sockets.js';
import { clientAddress, SocketGuard } from '../modules/live/socket-guard.js';
import type { Services } from '../services.js';
import type { Identity } from '../shared/identity.js';
import { bearerToken, readSessionCookie } from './cookies.js';

/**
 * The largest message a client may send. A subscribe message is a query of at most 2000 tokens and its variables,
 * a few KB; `ws` refuses a larger frame from its header (close 1009) before reading, let alone buffering, its body.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type WebSocketDeps = {
  config: Config;
  log: Logger;
  schema: GraphQLSchema;
  services: Services;
  httpServer: http.Server;
  /** Origins whose pages may use the staff session cookie on the socket. */
  allowedOrigins: ReadonlySet<string>;
  /** The same limits as on HTTP (depth, aliases, cost). */
  validationRules: readonly ValidationRule[];
};

/** WebSocket close code 1013 "Try Again Later": graphql-ws clients reconnect after it (unlike 4500). */
const CLOSE_TRY_AGAIN_LATER = 1013;

/** Sent for a query or mutation on the socket: those have one way in, HTTP, with its limits and audit log. */
const subscriptionsOnly = () =>
  new GraphQLError('This connection carries subscriptions only; send queries and mutations with POST /graphql.', {
    extensions: { code: 'BAD_REQUEST' },
  });

/**
 * graphql-ws on /graphql (protocol graphql-transport-ws) for subscriptions only. Queries and mutations are refused on
 * the socket, so that rate limits, portal-key limits and the audit log (Apollo plugins on the HTTP path) cannot be
 * walked around. Messages over MAX_MESSAGE_BYTES close the socket. Sockets of staff, devices and portals close as
 * soon as their credential is revoked, in every api process (SignedInSockets).
 */
export function createWebSocketEndpoint(deps: WebSocketDeps) {
  const { config, log, schema, services, httpServer, allowedOrigins } = deps;
  // noServer: the HTTP server's own errors (e.g. port taken) stay with it; only /graphql upgrades are taken.
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
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
      // A socket's 'error' is always the client's doing (a message over the limit, a broken frame), and `ws` has
      // already closed it with the fitting code; graphql-ws would print each one to the console.
      ws.removeAllListeners('error');
      ws.on('error', (err) => log.debug({ err: err.message, address }, 'WebSocket closed: protocol error'));
    });
  });

  const signedIn = watchSignedInSockets(wsServer, services, config.live.recheckSeconds);
  const documents = new DocumentCache(schema, [...specifiedRules, ...deps.validationRules]);
  const wsLog = log.child({ ws: true });
  // What clients see of an error is decided as on HTTP: known codes pass, anything else is a generic internal error.
  const format = formatError(wsLog);
  const formatAll = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((e) => format(e.toJSON(), e));
  const outages = new LogThrottle(wsLog);
  /**
   * The credentials of a new socket could not be checked. graphql-ws would close it with 4500 and the error's own
   * text (outside production), print the error to the console each time, and its clients would not reconnect: an
   * outage asks the client to come back (1013, logged once a minute), anything else is logged with a correlation id
   * that the close reason carries.
   */
  const refuse = (socket: WebSocket, err: unknown) => {
    if (isDatabaseUnavailable(err)) {
      outages.warn({ err }, 'database unavailable: WebSocket connection refused');
      socket.close(CLOSE_TRY_AGAIN_LATER, 'Service unavailable');
    } else {
      socket.close(CloseCode.InternalServerError, `Internal server error ${logUnexpected(wsLog, err)}`);
    }
  };
  const cleanup = useServer<Record<string, unknown>, { identity?: Identity; clientIp?: string }>(
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
        const identity = await services.identity.resolve(credentials).catch((err: unknown) => {
          refuse(ctx.extra.socket, err);
          return 'invalid' as const; // the socket is closing already: graphql-ws's own close (4403) is a no-op
        });
        if (identity === 'invalid') return false;
        // A socket that closed while its credentials were checked is not kept.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        ctx.extra.identity = identity;
        signedIn.add(ctx.extra.socket, credentials, identity);
        ctx.extra.clientIp = clientAddress(request, config.trustProxy);
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        // graphql-ws has already reserved this subscription's id: it counts among them.
        const active = Object.keys(ctx.subscriptions).length;
        if (active > config.live.subscriptionsPerSocket)
          return [
            appError(
              ErrorCode.RateLimited,
              `At most ${config.live.subscriptionsPerSocket} subscriptions per connection.`,
            ),
          ];
        const document = documents.get(payload.query);
        if (!('kind' in document)) return document;
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription')
          return [subscriptionsOnly()];
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
      onNext: (ctx, _id, _payload, _args, result) => {
        // A client that does not read (or cannot keep up) is dropped; it resyncs when it reconnects.
        const { socket } = ctx.extra;
        if (guard.stalled(socket.bufferedAmount)) socket.terminate();
        if (result.errors) return { ...result, errors: formatAll(result.errors) };
      },
      onError: (_ctx, _id, _payload, errors) => {
        wsLog.warn({ errors: errors.map((e) => e.message) }, 'subscription refused');
        return formatAll(errors);
      },
    },
    wsServer,
  );

  return {
    /** Closes every socket (graphql-ws sends them 1001 Going Away) and stops the credential checks. */
    async dispose(): Promise<void> {
      signedIn.stop();
      outages.clear();
      await cleanup.dispose();
    },
    close(): void {
      wsServer.close();
    },
  };
}

/**
 * Keeps the sockets of staff, devices and portals with their credentials: a revocation notice (LISTEN/NOTIFY, from
 * any api process) closes the holders at once, a staff socket closes when its session expires; every
 * `recheckSeconds`, and after the LISTEN connection was lost, all are checked again.
 */
function watchSignedInSockets(wsServer: WebSocketServer, services: Services, recheckSeconds: number) {
  const sockets = new SignedInSockets<WebSocket>(
    (credentials) => services.identity.resolve(credentials),
    services.clock.now,
  );
  wsServer.on('connection', (socket) => socket.once('close', () => sockets.remove(socket)));
  const stopRevoked = services.liveListener.onRevoked((r) => sockets.revoked(r));
  const stopResync = services.liveListener.onResync(() => void sockets.recheck());
  const timer = setInterval(() => void sockets.recheck(), recheckSeconds * 1000).unref();
  return {
    add: (socket: WebSocket, credentials: Parameters<typeof sockets.add>[1], identity: Identity) =>
      sockets.add(socket, credentials, identity),
    stop() {
      clearInterval(timer);
      stopRevoked();
      stopResync();
    },
  };
}
