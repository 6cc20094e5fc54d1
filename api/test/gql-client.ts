import type { GraphQLFormattedError } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export type GqlResponse<T> = { status: number; data?: T; errors?: GraphQLFormattedError[]; headers: Headers };

/** A GraphQL client as a browser or portal would be: session cookie and/or bearer secret. */
export class GqlClient {
  cookie: string | undefined;

  constructor(
    readonly baseUrl: string,
    public bearer?: string,
  ) {}

  async request<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    init: { headers?: Record<string, string> } = {},
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...init.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      if (pair?.startsWith('bc_session=')) this.cookie = /Max-Age=0\b/i.test(setCookie) ? undefined : pair;
    }
    const body = (await res.json()) as { data?: T; errors?: GraphQLFormattedError[] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors, headers: res.headers };
  }

  /** Like request(), but fails the test on any error. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /** A graphql-ws client carrying the same identity (cookie on the upgrade request, bearer in connectionParams). */
  socket(opts: { origin?: string } = {}): Client {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (opts.origin) headers.origin = opts.origin;
    const bearer = this.bearer;
    class WebSocketWithHeaders extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    }
    return createClient({
      url: `${this.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocketWithHeaders,
      retryAttempts: 0,
      lazy: true,
      connectionParams: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });
  }
}

/** Collects the first `count` results of a subscription (or its error). */
export function take<T = Record<string, any>>(
  client: Client,
  query: string,
  count: number,
): Promise<{ values: T[]; errors?: unknown }> {
  return new Promise((resolve) => {
    const values: T[] = [];
    let settled = false;
    // A value already on its way when we unsubscribe must not grow the answer after it was given.
    const finish = (errors?: unknown) => {
      if (settled) return;
      settled = true;
      resolve(errors === undefined ? { values: [...values] } : { values: [...values], errors });
    };
    const dispose = client.subscribe<T>(
      { query },
      {
        next: (result) => {
          if (settled) return;
          if (result.errors) {
            dispose();
            finish(result.errors);
            return;
          }
          values.push(result.data as T);
          if (values.length >= count) {
            dispose();
            finish();
          }
        },
        error: (errors) => finish(errors),
        complete: () => finish(),
      },
    );
  });
}

/** A running subscription that keeps every result, for tests that wait for a state to arrive. */
export type Follower<T> = {
  values: T[];
  errors: unknown[];
  /** Resolves with the first value (already received or coming) that satisfies `ok`; rejects after `ms`. */
  until: (ok: (v: T) => boolean, ms?: number) => Promise<T>;
  stop: () => void;
};

export function follow<T = Record<string, any>>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Follower<T> {
  const values: T[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        if (r.errors) errors.push(r.errors);
        else values.push(r.data as T);
        wake();
      },
      error: (e) => {
        errors.push(e);
        wake();
      },
      complete: wake,
    },
  );
  const until = (ok: (v: T) => boolean, ms = 10_000) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = values.find(ok);
        if (found !== undefined) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`not seen within ${ms} ms; got ${JSON.stringify(values)} errors ${JSON.stringify(errors)}`));
      }, ms);
      waiters.add(check);
      check();
    });
  return { values, errors, until, stop };
}
