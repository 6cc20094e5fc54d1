import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from './gql-client.js';
import { local, OFFICE, type OfficeInfo, requestId, serviceId, WALK_IN } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027 in Pforzheim (CET): tickets left waiting, called, being served and parked at the end of the
// day; the nightly job closes them once the office's local Tuesday has begun.
const clock = new TestClock(local('2027-03-01T07:40'));
let t: TestApp;
let office: OfficeInfo;
let counters: Record<string, string>; // label → id
let clerk: GqlClient;
let manager: GqlClient;
const ticket: Record<string, string> = {}; // W1… → id

type TicketRow = { id: string; status: string; version: number; endedAt: Date | null; counterId: string | null };
/** The tickets of a day by number (numbers start again each day). */
const rows = async (day = '2027-03-01') =>
  Object.fromEntries(
    (
      await t.sql<TicketRow & { number: string }>(
        `SELECT id, number, status::text AS status, version, "endedAt", "counterId" FROM ticket
          WHERE "officeId" = $1 AND "serviceDay" = $2 ORDER BY number`,
        [office.id, day],
      )
    ).map(({ number, ...r }) => [number, r]),
  );
const at = (dateTime: string) => {
  clock.current = local(dateTime);
};
const RESULT = `__typename ... on QueueTicket { id status version } ... on CounterBusy { ticket { number } }`;
const version = async (id: string) =>
  (await t.sql<{ version: number }>('SELECT version FROM ticket WHERE id = $1', [id]))[0]?.version;
const callTicket = async (c: GqlClient, counter: string, id: string) =>
  (
    await c.ok(
      `mutation($c: ID!, $id: ID!, $v: Int!) { callTicket(counterId: $c, ticketId: $id, version: $v) { ${RESULT} } }`,
      {
        c: counters[counter],
        id,
        v: await version(id),
      },
    )
  ).callTicket;
const act = async (c: GqlClient, op: string, id: string) =>
  (
    await c.ok(`mutation($id: ID!, $v: Int!) { r: ${op}(ticketId: $id, version: $v) { ${RESULT} } }`, {
      id,
      v: await version(id),
    })
  ).r;
const callNext = async (c: GqlClient, counter: string) =>
  (await c.ok(`mutation($c: ID!) { callNextTicket(counterId: $c) { ${RESULT} } }`, { c: counters[counter] }))
    .callNextTicket;
const walkIn = async () => {
  const issued = (
    await t.kiosk().ok(WALK_IN, {
      input: { requestId: requestId(), services: [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }] },
    })
  ).issueWalkInTicket;
  expect(issued.__typename).toBe('IssuedTicket');
  return issued as { ticketId: string; ticket: { number: string } };
};
const STATS = `query($o: ID!) { officeStatistics(officeId: $o, from: "2027-03-01", to: "2027-03-01") {
  ... on OfficeStatistics { total {
    visitors waitWalkIn { count mean } serviceTimes { serviceName count mean } ticketNoShows minutesPastClosing
    dayClosedWaiting dayClosedAtCounter
  } } } }`;
const mondayStats = async () => (await (await t.officeManager()).ok(STATS, { o: office.id })).officeStatistics.total;

beforeAll(async () => {
  t = await createTestApp({ clock });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  clerk = await t.clerk();
  manager = await t.officeManager();
  const list = (await clerk.ok(`query($o: ID!) { queueCounters(officeId: $o) { id label } }`, { o: office.id }))
    .queueCounters as { id: string; label: string }[];
  counters = Object.fromEntries(list.map((c) => [c.label, c.id]));
  await clerk.ok(`mutation($c: ID!) { openCounter(counterId: $c) { __typename } }`, { c: counters['1'] });
  await manager.ok(`mutation($c: ID!) { openCounter(counterId: $c) { __typename } }`, { c: counters['2'] });
  for (const [i, time] of ['07:41', '07:42', '07:43', '07:44', '07:45'].entries()) {
    at(`2027-03-01T${time}`);
    ticket[`W${i + 1}`] = (await walkIn()).ticketId;
  }
  at('2027-03-01T07:50');
  expect((await callTicket(clerk, '1', ticket.W1 as string)).status).toBe('CALLED');
  expect((await act(clerk, 'startServing', ticket.W1 as string)).status).toBe('SERVING');
  at('2027-03-01T07:55');
  expect((await act(clerk, 'finishTicket', ticket.W1 as string)).status).toBe('DONE');
  at('2027-03-01T07:56');
  expect((await callTicket(clerk, '1', ticket.W2 as string)).status).toBe('CALLED');
  expect((await act(clerk, 'parkTicket', ticket.W2 as string)).status).toBe('PARKED');
  at('2027-03-01T07:57');
  expect((await callTicket(clerk, '1', ticket.W3 as string)).status).toBe('CALLED'); // never started or finished
  at('2027-03-01T07:58');
  expect((await callTicket(manager, '2', ticket.W4 as string)).status).toBe('CALLED');
  expect((await act(manager, 'startServing', ticket.W4 as string)).status).toBe('SERVING'); // never finished
  // W5 is never called.
}, 120_000);
afterAll(() => t?.close());

describe('closing the tickets of past days', () => {
  let before: Record<string, TicketRow>;
  let statsBefore: Record<string, unknown>;

  it('leaves the day’s tickets alone until the office’s day is over', async () => {
    at('2027-03-01T23:55');
    before = await rows();
    statsBefore = await mondayStats();
    expect(Object.values(before).map((r) => r.status)).toEqual(['DONE', 'PARKED', 'CALLED', 'SERVING', 'WAITING']);
    expect(await t.app.services.dayClose.run()).toBe(0);
    expect(await rows()).toEqual(before);
  });

  it('closes what was left open once the office’s local day has changed, with an event saying so', async () => {
    // 00:05 in Pforzheim is still Monday in UTC: the office's own day counts. The counter left with a called
    // visitor cannot call anyone before the job ran.
    at('2027-03-02T00:05');
    clerk = await t.clerk();
    expect(await callNext(clerk, '1')).toEqual({ __typename: 'CounterBusy', ticket: { number: 'W003' } });
    expect(await t.app.services.dayClose.run()).toBe(4);
    const after = await rows();
    expect(after.W001).toEqual(before.W001);
    for (const n of ['W002', 'W003', 'W004', 'W005']) {
      const was = before[n] as TicketRow;
      expect(after[n]).toEqual({
        ...was,
        status: 'CANCELLED',
        version: was.version + 1,
        endedAt: local('2027-03-02T00:05'),
      });
    }
    const events = await t.sql<{
      number: string;
      type: string;
      at: Date;
      counterId: string | null;
      who: string | null;
      before: Record<string, unknown>;
    }>(
      `SELECT t.number, e.type::text AS type, e.at, e."counterId", coalesce(e."staffUserId", e."deviceId")::text AS who,
              e.data->'before' AS before
         FROM ticket_event e JOIN ticket t ON t.id = e."ticketId"
        WHERE e.type = 'DAY_CLOSED' ORDER BY t.number`,
    );
    expect(events.map((e) => [e.number, e.before.status, e.before.counterId])).toEqual([
      ['W002', 'PARKED', counters['1']],
      ['W003', 'CALLED', counters['1']],
      ['W004', 'SERVING', counters['2']],
      ['W005', 'WAITING', null],
    ]);
    for (const e of events) expect(e).toMatchObject({ at: local('2027-03-02T00:05'), counterId: null, who: null });
    expect(events[2]?.before).toMatchObject({ callCount: 1, startedAt: local('2027-03-01T07:58').toISOString() });
    // Never a finished service: no FINISHED event, nothing counted as done.
    const finished = await t.sql<{ number: string }>(
      `SELECT t.number FROM ticket_event e JOIN ticket t ON t.id = e."ticketId" WHERE e.type = 'FINISHED'`,
    );
    expect(finished).toEqual([{ number: 'W001' }]);
    const done = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_service WHERE "ticketId" = $1 AND coalesce("doneCount", 0) > 0`,
      [ticket.W4],
    );
    expect(done).toEqual([{ n: 0 }]);
    // The counter is free again.
    expect(await callNext(clerk, '1')).toMatchObject({ __typename: 'QueueEmpty' });
  });

  it('changes nothing when run again, and leaves the new day’s tickets alone', async () => {
    const closed = await rows();
    const events = await t.sql('SELECT id FROM ticket_event ORDER BY id');
    expect(await t.app.services.dayClose.run()).toBe(0);
    at('2027-03-02T07:45');
    const tuesday = await walkIn();
    expect(await t.app.services.dayClose.run()).toBe(0);
    expect(await rows()).toEqual(closed);
    expect(await rows('2027-03-02')).toEqual({
      [tuesday.ticket.number]: { id: tuesday.ticketId, status: 'WAITING', version: 1, endedAt: null, counterId: null },
    });
    expect(
      await t.sql('SELECT id FROM ticket_event WHERE type <> $1 OR "ticketId" <> $2 ORDER BY id', [
        'ISSUED',
        tuesday.ticketId,
      ]),
    ).toEqual(events);
  });

  it('closes each ticket once when two processes run the job at the same time', async () => {
    for (const time of ['07:50', '07:51', '07:52']) {
      at(`2027-03-02T${time}`);
      await walkIn();
    }
    at('2027-03-03T00:05');
    const runs = await Promise.all([t.app.services.dayClose.run(), t.app.services.dayClose.run()]);
    expect(runs[0] + runs[1]).toBe(4);
    expect(Object.values(await rows('2027-03-02')).map((r) => r.status)).toEqual(Array(4).fill('CANCELLED'));
    const perTicket = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_event e JOIN ticket t ON t.id = e."ticketId"
        WHERE e.type = 'DAY_CLOSED' AND t."serviceDay" = '2027-03-02' GROUP BY e."ticketId"`,
    );
    expect(perTicket).toEqual(Array(4).fill({ n: 1 }));
  });

  it('keeps statistics honest: the closed tickets are counted apart and change no other number', async () => {
    const after = await mondayStats();
    expect(after).toEqual({ ...statsBefore, dayClosedWaiting: 2, dayClosedAtCounter: 2 });
    expect(statsBefore).toMatchObject({
      visitors: 5,
      waitWalkIn: { count: 4 },
      serviceTimes: [{ serviceName: 'Meldebescheinigung', count: 1, mean: 5 }],
      ticketNoShows: 0,
      minutesPastClosing: 0,
      dayClosedWaiting: 0,
      dayClosedAtCounter: 0,
    });
  });
});
