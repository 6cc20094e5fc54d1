/**
 * Web Push end to end: browsers (key pairs made here) subscribe through the public API by the tracking token, staff
 * act at the counter, and the local push service (push-service.ts) receives pushes it can verify and decrypt: when
 * N or fewer are ahead (once), when called (with the counter), recalled, cancelled by the office; exactly once with
 * two api processes; a gone endpoint (410) removes the subscription; an ended ticket loses its subscriptions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vapidKeys } from '../src/modules/push/push.store.js';
import type { GqlClient } from './gql-client.js';
import { type TestBrowser, TestPushService } from './push-service.js';
import { local, OFFICE, type OfficeInfo, requestId, serviceId, WALK_IN } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 08:00 in Pforzheim: the Bürgercentrum is open.
const clock = new TestClock(local('2027-03-01T08:00'));
const pushService = new TestPushService();
let t: TestApp;
let office: OfficeInfo;
let clerk: GqlClient;
let counterId: string;
let counterLabel: string;
let env: Record<string, string>;

const SUBSCRIBE = `mutation($token: String!, $s: PushSubscriptionInput!) { subscribeToPush(token: $token, subscription: $s) {
  __typename ... on PushSubscribed { aheadThreshold peopleAhead } ... on InvalidInput { fields { field code } }
  ... on TicketEnded { status } ... on TicketNotFound { message } } }`;

type Ticket = { id: string; token: string; number: string };

async function walkIn(app: TestApp = t): Promise<Ticket> {
  clock.advance(1000); // in order of arrival (equal arrival times are ordered by id)
  const res = await app.kiosk().ok<{ issueWalkInTicket: Record<string, any> }>(WALK_IN, {
    input: { requestId: requestId(), services: [{ serviceId: serviceId(office, 'Personalausweis'), count: 1 }] },
  });
  const issued = res.issueWalkInTicket;
  if (issued.__typename !== 'IssuedTicket') throw new Error(JSON.stringify(issued));
  return { id: issued.ticketId, token: issued.trackingToken, number: issued.ticket.number };
}

async function subscribe(ticket: Ticket, browser: TestBrowser, aheadThreshold: number, language = 'de', app = t) {
  const res = await app.anonymous().ok<{ subscribeToPush: Record<string, any> }>(SUBSCRIBE, {
    token: ticket.token,
    s: { endpoint: browser.endpoint, p256dh: browser.p256dh, auth: browser.auth, aheadThreshold, language },
  });
  return res.subscribeToPush;
}

async function version(id: string): Promise<number> {
  const [row] = await t.sql<{ version: number }>('SELECT version FROM ticket WHERE id = $1', [id]);
  return row?.version as number;
}

/** A staff action on a ticket by name (recallTicket, cancelTicket, finishTicket, …); fails unless it worked. */
async function act(op: string, ticket: Ticket, by: GqlClient = clerk): Promise<void> {
  const res = await by.ok<Record<string, { __typename: string }>>(
    `mutation($id: ID!, $v: Int!) { r: ${op}(ticketId: $id, version: $v) { __typename } }`,
    { id: ticket.id, v: await version(ticket.id) },
  );
  expect(res.r?.__typename, op).toBe('QueueTicket');
}

async function callNext(by: GqlClient = clerk): Promise<string> {
  const res = await by.ok<{ callNextTicket: { __typename: string; number?: string } }>(
    `mutation($c: ID!) { callNextTicket(counterId: $c) { __typename ... on QueueTicket { number } } }`,
    { c: counterId },
  );
  expect(res.callNextTicket.__typename).toBe('QueueTicket');
  return res.callNextTicket.number as string;
}

/** Runs the dispatch (the job does too, after each commit) until the browser has `count` pushes. */
async function pushesOf(browser: TestBrowser, count: number, app: TestApp = t) {
  for (let i = 0; i < 100 && pushService.of(browser).length < count; i++) {
    await app.app.services.push.dispatchDue();
    if (pushService.of(browser).length < count) await new Promise((r) => setTimeout(r, 20));
  }
  return pushService.of(browser);
}

/** Nothing left to send anywhere (no PENDING row), so that "no more pushes" can be asserted. */
/**
 * Sends what is due until nothing is pending. Another process (or this one's own job) may be sending a row right now:
 * rows locked by it, and later rows of the same subscription, are skipped until it is done, so one pass may not do.
 */
async function drained(app: TestApp = t) {
  const pending = async () =>
    (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM push_message WHERE status = 'PENDING'`))[0]?.n;
  const until = Date.now() + 10_000;
  do await app.app.services.push.dispatchDue();
  while ((await pending()) !== 0 && Date.now() < until);
  expect(await pending()).toBe(0);
}

/** Takes the day's open tickets out of the way between tests. */
const clearQueue = () =>
  t.sql(`UPDATE ticket SET status = 'CANCELLED' WHERE status IN ('WAITING', 'CALLED', 'SERVING')`);

beforeAll(async () => {
  await pushService.start();
  env = { PUSH_ENDPOINT_HOSTS: '127.0.0.1', PUBLIC_URL: 'https://termine.example.de' };
  t = await createTestApp({ clock, env });
  // No booked appointments today: they would count ahead of the walk-ins as expected visitors.
  await t.sql(`UPDATE appointment SET status = 'CANCELLED' WHERE status = 'BOOKED'`);
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  clerk = await t.clerk();
  const counters = (await clerk.ok(`query($o: ID!) { queueCounters(officeId: $o) { id label } }`, { o: office.id }))
    .queueCounters as { id: string; label: string }[];
  counterId = counters[0]?.id as string;
  counterLabel = counters[0]?.label as string;
  const opened = await clerk.ok<{ openCounter: { __typename: string } }>(
    `mutation($c: ID!) { openCounter(counterId: $c) { __typename } }`,
    { c: counterId },
  );
  expect(opened.openCounter.__typename).toBe('QueueCounter');
});
afterAll(async () => {
  await t?.close();
  await pushService.stop();
});

describe('the VAPID key', () => {
  it('is generated at the first start, kept in the database and public', async () => {
    const res = await t.anonymous().ok<{ pushPublicKey: string }>('{ pushPublicKey }');
    const [row] = await t.sql<{ publicKey: string }>('SELECT "publicKey" FROM push_vapid');
    expect(res.pushPublicKey).toBe(row?.publicKey);
    expect(Buffer.from(res.pushPublicKey, 'base64url')).toHaveLength(65);
  });

  it('is one pair when two processes make it at the same moment', async () => {
    const [kept] = await t.sql<{ publicKey: string; privateKey: string }>('SELECT * FROM push_vapid');
    await t.sql('DELETE FROM push_vapid');
    const second = await createTestApp({ clock, sharing: t, env });
    try {
      await t.sql('DELETE FROM push_vapid');
      const made = (name: string) => () => ({ publicKey: `${name}-public`, privateKey: `${name}-private` });
      const [a, b] = await Promise.all([
        vapidKeys(t.app.ds.manager, made('first')),
        vapidKeys(second.app.ds.manager, made('second')),
      ]);
      expect(a).toEqual(b);
      expect(await t.sql('SELECT count(*)::int AS n FROM push_vapid')).toEqual([{ n: 1 }]);
    } finally {
      await second.close();
      await t.sql('DELETE FROM push_vapid');
      await t.sql('INSERT INTO push_vapid (id, "publicKey", "privateKey") VALUES (1, $1, $2)', [
        kept?.publicKey,
        kept?.privateKey,
      ]);
    }
  });
});

describe('subscribing', () => {
  it('accepts a browser subscription by the tracking token, and refuses what it must not send to', async () => {
    await clearQueue();
    const ticket = await walkIn();
    const browser = pushService.browser();
    expect(await subscribe(ticket, browser, 3)).toEqual({
      __typename: 'PushSubscribed',
      aheadThreshold: 3,
      peopleAhead: 0,
    });
    const [row] = await t.sql<Record<string, unknown>>(
      'SELECT endpoint, "aheadThreshold", language FROM push_subscription WHERE "ticketId" = $1',
      [ticket.id],
    );
    expect(row).toEqual({ endpoint: browser.endpoint, aheadThreshold: 3, language: 'de' });

    const elsewhere = { ...browser, endpoint: 'https://evil.example.org/push/1' };
    expect(await subscribe(ticket, elsewhere, 3)).toMatchObject({
      __typename: 'InvalidInput',
      fields: [{ field: 'endpoint', code: 'UNSUPPORTED_PUSH_SERVICE' }],
    });
    expect(await subscribe(ticket, { ...browser, auth: 'AAAA' }, 11)).toMatchObject({
      __typename: 'InvalidInput',
      fields: [
        { field: 'auth', code: 'INVALID_KEY' },
        { field: 'aheadThreshold', code: 'OUT_OF_RANGE' },
      ],
    });
    expect(await subscribe({ ...ticket, token: 'nope' }, browser, 3)).toMatchObject({ __typename: 'TicketNotFound' });

    const gone = await t.anonymous().ok<{ unsubscribeFromPush: Record<string, unknown> }>(
      `mutation($token: String!, $e: String!) { unsubscribeFromPush(token: $token, endpoint: $e) {
        __typename ... on PushUnsubscribed { removed } } }`,
      { token: ticket.token, e: browser.endpoint },
    );
    expect(gone.unsubscribeFromPush).toEqual({ __typename: 'PushUnsubscribed', removed: true });
    expect(await t.sql('SELECT id FROM push_subscription WHERE "ticketId" = $1', [ticket.id])).toEqual([]);
  });
});

describe('pushes', () => {
  it('when N are ahead (once), when called, recalled and cancelled by the office; decrypted by the browser', async () => {
    await clearQueue();
    const [first, second, third, fourth] = [await walkIn(), await walkIn(), await walkIn(), await walkIn()];
    const firstPhone = pushService.browser();
    const fourthPhone = pushService.browser();
    // The first is next already: no "N ahead" push for it. Three are ahead of the fourth, who wants one at 1.
    expect(await subscribe(first as Ticket, firstPhone, 2)).toMatchObject({ peopleAhead: 0 });
    expect(await subscribe(fourth as Ticket, fourthPhone, 1, 'en')).toMatchObject({ peopleAhead: 3 });

    expect(await callNext()).toBe(first?.number);
    const [called] = await pushesOf(firstPhone, 1);
    expect(called?.payload).toEqual({
      title: `Nummer ${first?.number}: Sie sind dran`,
      body: `Bitte gehen Sie zu Schalter ${counterLabel}.`,
      url: `https://termine.example.de/track/t/${first?.token}`,
      tag: expect.any(String),
    });
    const [keys] = await t.sql<{ publicKey: string }>('SELECT "publicKey" FROM push_vapid');
    expect(called?.vapidKey).toBe(keys?.publicKey);

    await act('recallTicket', first as Ticket);
    const recalled = await pushesOf(firstPhone, 2);
    expect(recalled[1]?.payload).toMatchObject({
      title: `Nummer ${first?.number}: erneuter Aufruf`,
      body: `Bitte gehen Sie jetzt zu Schalter ${counterLabel}.`,
    });

    // The office cancels the second ticket: one person (the third) is left ahead of the fourth.
    await act('cancelTicket', second as Ticket);
    const [ahead] = await pushesOf(fourthPhone, 1);
    expect(ahead?.payload).toEqual({
      title: `Number ${fourth?.number}: your turn is coming`,
      body: 'Only 1 person is ahead of you. Please come to the waiting area now.',
      url: `https://termine.example.de/track/t/${fourth?.token}`,
      tag: expect.any(String),
    });
    // Fewer still: no second "N ahead" push.
    await act('cancelTicket', third as Ticket);
    await drained();
    expect(pushService.of(fourthPhone)).toHaveLength(1);

    // The office cancels the fourth: the notice goes out, and the subscription ends with the ticket.
    await act('cancelTicket', fourth as Ticket);
    const cancelled = await pushesOf(fourthPhone, 2);
    expect(cancelled[1]?.payload).toMatchObject({ title: `Number ${fourth?.number}: cancelled` });
    expect(await t.sql('SELECT id FROM push_subscription WHERE "ticketId" = $1', [fourth?.id])).toEqual([]);

    // Served and done: the first's subscription is gone too, and nothing else was pushed.
    await act('startServing', first as Ticket);
    await act('finishTicket', first as Ticket);
    expect(await t.sql('SELECT id FROM push_subscription WHERE "ticketId" = $1', [first?.id])).toEqual([]);
    await drained();
    expect(pushService.of(firstPhone)).toHaveLength(2);
    expect(pushService.of(fourthPhone)).toHaveLength(2);
    expect(pushService.errors).toEqual([]);
    // Settled rows keep no endpoint, keys or token.
    expect(
      await t.sql(
        `SELECT id FROM push_message WHERE status <> 'PENDING' AND (endpoint IS NOT NULL OR "trackingToken" IS NOT NULL)`,
      ),
    ).toEqual([]);
  });

  it('no push when the holder leaves the queue; the subscription goes', async () => {
    await clearQueue();
    const ticket = await walkIn();
    const phone = pushService.browser();
    await subscribe(ticket, phone, 1);
    const left = await t
      .anonymous()
      .ok<{ leaveQueue: { __typename: string } }>(
        'mutation($token: String!) { leaveQueue(token: $token) { __typename } }',
        { token: ticket.token },
      );
    expect(left.leaveQueue.__typename).toBe('PublicTicket');
    await drained();
    expect(pushService.of(phone)).toEqual([]);
    expect(await t.sql('SELECT id FROM push_subscription WHERE "ticketId" = $1', [ticket.id])).toEqual([]);
  });

  it('a gone endpoint (410) removes the subscription', async () => {
    await clearQueue();
    await t.sql(`UPDATE ticket SET status = 'DONE' WHERE status = 'CALLED'`);
    const ticket = await walkIn();
    const phone = pushService.browser();
    const other = pushService.browser();
    pushService.status.set(phone.id, 410);
    await subscribe(ticket, phone, 1);
    await subscribe(ticket, other, 1);
    expect(await callNext()).toBe(ticket.number);
    await pushesOf(phone, 1);
    await pushesOf(other, 1);
    await drained();
    const rows = await t.sql<{ endpoint: string }>('SELECT endpoint FROM push_subscription WHERE "ticketId" = $1', [
      ticket.id,
    ]);
    expect(rows.map((r) => r.endpoint)).toEqual([other.endpoint]);
    const messages = await t.sql<{ status: string }>(
      `SELECT status FROM push_message WHERE "ticketId" = $1 ORDER BY status`,
      [ticket.id],
    );
    expect(messages.map((m) => m.status)).toEqual(['SENT', 'GONE']);
    await act('startServing', ticket);
    await act('finishTicket', ticket);
  });
});

describe('several api processes', () => {
  it('two processes dispatching at the same time send each push exactly once', async () => {
    await clearQueue();
    const second = await createTestApp({ clock, sharing: t, env });
    pushService.delayMs = 30;
    try {
      const tickets: Ticket[] = [];
      for (let i = 0; i < 6; i++) tickets.push(await walkIn(i % 2 ? second : t));
      const phones = tickets.map(() => [pushService.browser(), pushService.browser()]);
      for (const [i, ticket] of tickets.entries())
        for (const phone of phones[i] ?? []) await subscribe(ticket, phone, 1, 'de', i % 2 ? second : t);
      // Each call ends the previous visitor's turn first; calls alternate between the processes' clients.
      const secondClerk = await second.clerk();
      for (const [i, ticket] of tickets.entries()) {
        if (i > 0) {
          const previous = tickets[i - 1] as Ticket;
          await act('startServing', previous, i % 2 ? clerk : secondClerk);
          await act('finishTicket', previous, i % 2 ? clerk : secondClerk);
        }
        await callNextFrom(i % 2 ? secondClerk : clerk, ticket.number);
      }
      await Promise.all([
        t.app.services.push.dispatchDue(),
        second.app.services.push.dispatchDue(),
        t.app.services.push.dispatchDue(),
        second.app.services.push.dispatchDue(),
      ]);
      await drained(second);
      await drained();
      for (const [i, ticket] of tickets.entries())
        for (const phone of phones[i] ?? []) {
          const got = pushService.of(phone).map((p) => p.payload.title);
          // The first two were at or below 1 ahead when subscribing (no "ahead" push); the others get theirs.
          const expected = i <= 1 ? [] : [`Nummer ${ticket.number}: bald sind Sie dran`];
          expect(got, `${ticket.number} ${phone.id}`).toEqual([...expected, `Nummer ${ticket.number}: Sie sind dran`]);
        }
      expect(pushService.errors).toEqual([]);
    } finally {
      pushService.delayMs = 0;
      await second.close();
    }
  });
});

describe('the end of the day', () => {
  it('closing a past day removes the subscriptions of what was left open; an ended ticket takes none', async () => {
    await clearQueue();
    const ticket = await walkIn();
    const phone = pushService.browser();
    await subscribe(ticket, phone, 2);
    clock.advance(24 * 3600 * 1000);
    expect(await t.app.services.dayClose.run()).toBeGreaterThan(0);
    expect(await t.sql('SELECT id FROM push_subscription WHERE "ticketId" = $1', [ticket.id])).toEqual([]);
    expect(await subscribe(ticket, phone, 2)).toEqual({ __typename: 'TicketEnded', status: 'CANCELLED' });
    await drained();
    expect(pushService.of(phone)).toEqual([]);
  });
});

async function callNextFrom(by: GqlClient, expected: string) {
  expect(await callNext(by)).toBe(expected);
}
