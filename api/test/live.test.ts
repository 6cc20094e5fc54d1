import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, type GqlClient } from './gql-client.js';
import { local, OFFICE, type OfficeInfo, requestId, serviceId, WALK_IN } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 08:00 in Pforzheim: the Bürgercentrum is open. Both processes share this clock.
const clock = new TestClock(local('2027-03-01T08:00'));
let a: TestApp; // where staff and kiosk act
let b: TestApp; // a second api process on the same database, where the screens subscribe
let office: OfficeInfo;
let other: OfficeInfo;
let clerk: GqlClient;
let counter1: string;

const TRACK = `subscription($token: String!) { trackedTicket(token: $token) {
  __typename
  ... on PublicTicket { number status counterLabel calledAt officeNotice estimate { peopleAhead earliestCallAt latestCallAt } }
  ... on TicketNotFound { message }
} }`;
const BOARD = `subscription($o: ID!) { callBoard(officeId: $o) {
  officeName notice calls { key number counterLabel callCount active } services { name waiting expectedWaitMinutes }
} }`;
const QUEUE = `subscription($o: ID!) { officeQueue(officeId: $o) { officeId revision tickets { id number status } } }`;

type Tracked = { trackedTicket: Record<string, any> };
type Board = { callBoard: Record<string, any> };

const walkIn = async () => {
  const d = await a.kiosk().ok<{ issueWalkInTicket: Record<string, any> }>(WALK_IN, {
    input: { requestId: requestId(), services: [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }] },
  });
  if (d.issueWalkInTicket.__typename !== 'IssuedTicket') throw new Error(JSON.stringify(d.issueWalkInTicket));
  return d.issueWalkInTicket as { ticketId: string; trackingToken: string; ticket: { number: string } };
};
const callNext = async () =>
  (
    await clerk.ok<{ callNextTicket: { __typename: string; id: string; number: string; version: number } }>(
      `mutation($c: ID!) { callNextTicket(counterId: $c) { __typename ... on QueueTicket { id number version } } }`,
      { c: counter1 },
    )
  ).callNextTicket;
const finish = (ticket: { id: string; version: number }) =>
  clerk.ok(`mutation($id: ID!, $v: Int!) { finishTicket(ticketId: $id, version: $v) { __typename } }`, {
    id: ticket.id,
    v: ticket.version,
  });
/** Leaves nobody waiting or at a counter, so that each test starts from an empty queue. */
const clearQueue = () =>
  a.sql(`UPDATE ticket SET status = 'CANCELLED' WHERE status IN ('WAITING', 'CALLED', 'SERVING')`);

beforeAll(async () => {
  a = await createTestApp({ clock });
  b = await createTestApp({ clock, sharing: { database: a.database } });
  office = (await a.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  other = (await a.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'staatsangehoerigkeit' })).office;
  clerk = await a.clerk();
  const list = (await clerk.ok(`query($o: ID!) { queueCounters(officeId: $o) { id label } }`, { o: office.id }))
    .queueCounters as { id: string; label: string }[];
  counter1 = list.find((c) => c.label === '1')?.id as string;
  await clerk.ok(`mutation($c: ID!) { openCounter(counterId: $c) { __typename } }`, { c: counter1 });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

describe('live updates across two api processes', () => {
  it('a call made on one process reaches the tracking page, the display and staff screens on the other', async () => {
    await clearQueue();
    const first = await walkIn();
    clock.advance(60_000);
    const second = await walkIn();
    const phone = b.anonymous().socket();
    const display = b.display().socket();
    const staff = (await b.infoDesk()).socket({ origin: b.baseUrl });
    const tracking = follow<Tracked>(phone, TRACK, { token: second.trackingToken });
    const board = follow<Board>(display, BOARD, { o: office.id });
    const queue = follow<{ officeQueue: Record<string, any> }>(staff, QUEUE, { o: office.id });

    const waiting = await tracking.until((v) => v.trackedTicket.status === 'WAITING');
    expect(waiting.trackedTicket).toMatchObject({ number: second.ticket.number, counterLabel: null });
    expect(waiting.trackedTicket.estimate.peopleAhead).toBe(1);
    await queue.until((v) => v.officeQueue.tickets.some((t: { id: string }) => t.id === second.ticketId));

    const called = await callNext();
    expect(called.number).toBe(first.ticket.number);
    // The second ticket is next now; the display shows the call; staff see it at the counter.
    await tracking.until((v) => v.trackedTicket.estimate?.peopleAhead === 0);
    const shown = await board.until((v) => v.callBoard.calls[0]?.number === first.ticket.number);
    expect(shown.callBoard.calls[0]).toMatchObject({ counterLabel: '1', callCount: 1, active: true });
    await queue.until((v) =>
      v.officeQueue.tickets.some(
        (t: { id: string; status: string }) => t.id === first.ticketId && t.status === 'CALLED',
      ),
    );

    await finish(called);
    const mine = await callNext();
    expect(mine.number).toBe(second.ticket.number);
    const go = await tracking.until((v) => v.trackedTicket.status === 'CALLED');
    expect(go.trackedTicket).toMatchObject({ counterLabel: '1', estimate: null });
    expect(go.trackedTicket.calledAt).toBe(clock.current.toISOString());
    // Only changes are sent: no two equal pictures in a row.
    const seen = tracking.values.map((v) => JSON.stringify(v));
    expect(seen.filter((s, i) => s === seen[i - 1])).toEqual([]);
    for (const f of [tracking, board, queue]) f.stop();
    await Promise.all([phone.dispose(), display.dispose(), staff.dispose()]);
    expect(tracking.errors).toEqual([]);
  });

  it('the office notice reaches tracking pages and displays at once', async () => {
    await clearQueue();
    const ticket = await walkIn();
    const phone = b.anonymous().socket();
    const display = b.display().socket();
    const tracking = follow<Tracked>(phone, TRACK, { token: ticket.trackingToken });
    const board = follow<Board>(display, BOARD, { o: office.id });
    await tracking.until((v) => v.trackedTicket.status === 'WAITING');
    const manager = await a.officeManager();
    const set = await manager.ok(`mutation($o: ID!, $n: String) { setOfficeNotice(officeId: $o, notice: $n) }`, {
      o: office.id,
      n: '  Zwei Schalter sind bis 11 Uhr geschlossen.  ',
    });
    expect(set.setOfficeNotice).toBe('Zwei Schalter sind bis 11 Uhr geschlossen.');
    await tracking.until((v) => v.trackedTicket.officeNotice === 'Zwei Schalter sind bis 11 Uhr geschlossen.');
    await board.until((v) => v.callBoard.notice === 'Zwei Schalter sind bis 11 Uhr geschlossen.');
    await manager.ok(`mutation($o: ID!) { setOfficeNotice(officeId: $o, notice: "") }`, { o: office.id });
    await tracking.until((v) => v.trackedTicket.officeNotice === null && tracking.values.length > 2);
    // A clerk may not set it; nor may anyone set it for an office they do not work in.
    const refused = await clerk.request(`mutation($o: ID!) { setOfficeNotice(officeId: $o, notice: "x") }`, {
      o: office.id,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    tracking.stop();
    board.stop();
    await Promise.all([phone.dispose(), display.dispose()]);
  });

  it('a subscriber that reconnects gets the current state first: nothing missed while away', async () => {
    await clearQueue();
    const ticket = await walkIn();
    const first = b.anonymous().socket();
    const tracking = follow<Tracked>(first, TRACK, { token: ticket.trackingToken });
    await tracking.until((v) => v.trackedTicket.status === 'WAITING');
    // The socket drops; meanwhile the visitor is called and served.
    tracking.stop();
    await first.dispose();
    const called = await callNext();
    await finish(called);
    const again = b.anonymous().socket();
    const resumed = follow<Tracked>(again, TRACK, { token: ticket.trackingToken });
    const current = await resumed.until(() => true);
    expect(current.trackedTicket.status).toBe('DONE');
    resumed.stop();
    await again.dispose();
  });

  it('when the process loses its LISTEN connection, it resyncs after reconnecting', async () => {
    await clearQueue();
    const ticket = await walkIn();
    const phone = b.anonymous().socket();
    const tracking = follow<Tracked>(phone, TRACK, { token: ticket.trackingToken });
    await tracking.until((v) => v.trackedTicket.status === 'WAITING');
    // The notification for this call is sent while process b is not listening: it is lost, the resync is not.
    // PostgreSQL ends the LISTEN connections (of both processes) as a network failure would.
    const ended = await b.app.ds.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
    );
    expect(ended.length).toBeGreaterThan(0);
    await callNext();
    const called = await tracking.until((v) => v.trackedTicket.status === 'CALLED');
    expect(called.trackedTicket.counterLabel).toBe('1');
    tracking.stop();
    await phone.dispose();
  });

  it('the holder of a tracking link can give up the place; again changes nothing', async () => {
    await clearQueue();
    const ticket = await walkIn();
    const phone = b.anonymous().socket();
    const tracking = follow<Tracked>(phone, TRACK, { token: ticket.trackingToken });
    await tracking.until((v) => v.trackedTicket.status === 'WAITING');
    const LEAVE = `mutation($t: String!) { leaveQueue(token: $t) { __typename ... on PublicTicket { status }
      ... on NotAllowed { status action } ... on TicketNotFound { message } } }`;
    const citizen = a.anonymous();
    expect((await citizen.ok(LEAVE, { t: ticket.trackingToken })).leaveQueue).toEqual({
      __typename: 'PublicTicket',
      status: 'CANCELLED',
    });
    await tracking.until((v) => v.trackedTicket.status === 'CANCELLED');
    expect((await citizen.ok(LEAVE, { t: ticket.trackingToken })).leaveQueue.status).toBe('CANCELLED');
    const events = await a.sql<{ n: string }>(
      `SELECT count(*) AS n FROM ticket_event WHERE "ticketId" = $1 AND type = 'CANCELLED'`,
      [ticket.ticketId],
    );
    expect(events[0]?.n).toBe('1');
    expect((await citizen.ok(LEAVE, { t: 'guessed-token' })).leaveQueue.__typename).toBe('TicketNotFound');
    // A visitor already served cannot cancel.
    const served = await walkIn();
    await finish(await callNext());
    expect((await citizen.ok(LEAVE, { t: served.trackingToken })).leaveQueue).toEqual({
      __typename: 'NotAllowed',
      status: 'DONE',
      action: 'CANCEL',
    });
    tracking.stop();
    await phone.dispose();
  });
});

describe('who may follow what', () => {
  it('a tracking token follows its own ticket only; a guessed one gets TicketNotFound', async () => {
    await clearQueue();
    const mine = await walkIn();
    const theirs = await walkIn();
    const phone = b.anonymous().socket();
    const own = follow<Tracked>(phone, TRACK, { token: mine.trackingToken });
    expect((await own.until(() => true)).trackedTicket.number).toBe(mine.ticket.number);
    expect(own.values.every((v) => v.trackedTicket.number !== theirs.ticket.number)).toBe(true);
    own.stop();
    for (const token of ['bct_guessed', 'x'.repeat(500), '']) {
      const guessed = follow<Tracked>(phone, TRACK, { token });
      expect((await guessed.until(() => true)).trackedTicket).toEqual({
        __typename: 'TicketNotFound',
        message: 'There is no such ticket.',
      });
    }
    await phone.dispose();
  });

  it('anonymous visitors, kiosks and other offices’ devices cannot watch staff queues or displays', async () => {
    const anonymous = b.anonymous().socket();
    const q = follow(anonymous, QUEUE, { o: office.id });
    await expect.poll(() => q.errors.length).toBe(1);
    expect(JSON.stringify(q.errors)).toContain('UNAUTHENTICATED');
    await anonymous.dispose();
    const kiosk = b.kiosk().socket();
    const kq = follow(kiosk, QUEUE, { o: office.id });
    const display = b.display().socket();
    const elsewhere = follow(display, BOARD, { o: other.id });
    const unknown = follow(display, BOARD, { o: 'not-an-id' });
    await expect.poll(() => kq.errors.length + elsewhere.errors.length + unknown.errors.length).toBe(3);
    expect(JSON.stringify(kq.errors)).toContain('FORBIDDEN');
    expect(JSON.stringify(elsewhere.errors)).toContain('FORBIDDEN');
    expect(JSON.stringify(unknown.errors)).toContain('FORBIDDEN');
    await Promise.all([kiosk.dispose(), display.dispose()]);
  });
});

describe('limits on the WebSocket endpoint', () => {
  let c: TestApp;
  beforeAll(async () => {
    c = await createTestApp({
      clock,
      sharing: { database: a.database },
      env: { LIVE_SOCKETS_PER_ADDRESS: '2', LIVE_SUBSCRIPTIONS_PER_SOCKET: '2' },
    });
  });
  afterAll(() => c?.close());

  it('refuses more sockets per address than allowed, and more subscriptions per socket', async () => {
    const ticket = await walkIn();
    const sockets = [c.anonymous().socket(), c.anonymous().socket(), c.anonymous().socket()];
    const subs = sockets.map((s) => follow<Tracked>(s, TRACK, { token: ticket.trackingToken }));
    await subs[0]?.until(() => true);
    await subs[1]?.until(() => true);
    await expect.poll(() => subs[2]?.errors.length).toBe(1);
    expect(subs[2]?.values).toEqual([]);
    // Two subscriptions per socket: the first socket's second is fine, a third is refused.
    const more = [0, 1].map(() => follow<Tracked>(sockets[0] as Client, TRACK, { token: ticket.trackingToken }));
    await more[0]?.until(() => true);
    await expect.poll(() => more[1]?.errors.length).toBe(1);
    expect(JSON.stringify(more[1]?.errors)).toContain('RATE_LIMITED');
    // Closing a socket makes room again (once the server has seen it close).
    await sockets[0]?.dispose();
    await expect
      .poll(async () => {
        const next = c.anonymous().socket();
        const f = follow<Tracked>(next, TRACK, { token: ticket.trackingToken });
        const ok = await f
          .until(() => true, 1_000)
          .then(
            () => true,
            () => false,
          );
        await next.dispose();
        return ok;
      })
      .toBe(true);
    for (const s of sockets) await s.dispose();
  });
});
