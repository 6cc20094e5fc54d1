import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from './gql-client.js';
import {
  book,
  CHECK_IN,
  local,
  OFFICE,
  type OfficeInfo,
  requestId,
  serviceId,
  TICKET_FIELDS,
  WALK_IN,
} from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// A known day in the Bürgercentrum, driven through the real mutations: Monday 1 March 2027 (CET), open 07:30–12:30
// and 13:30–15:30. Appointments are booked the Friday before.
const clock = new TestClock(local('2027-02-26T10:00'));
let t: TestApp;
let office: OfficeInfo;
let other: { id: string };
let clerk: GqlClient;
let manager: GqlClient;
let counter: string;

const STATS = `query($o: ID!, $from: String!, $to: String!, $g: StatisticsGranularity) {
  officeStatistics(officeId: $o, from: $from, to: $to, granularity: $g) {
    __typename
    ... on OfficeStatistics {
      officeName from to granularity csv
      arrivalsByHour { hour arrivals }
      periods { from to visitors }
      total {
        from to visitors
        byChannel { appointmentWeb appointmentPortal appointmentInfoDesk walkInKiosk walkInInfoDesk }
        waitAppointment { count mean median p90 }
        waitWalkIn { count mean median p90 }
        serviceTimes { serviceName count mean median p90 }
        ticketNoShows missedAppointments noShowRate walkInRefusals minutesPastClosing
      }
    }
    ... on InvalidInput { fields { field code } }
    ... on OfficeNotAllowed { message }
  }
}`;

const at = (time: string) => {
  clock.current = local(`2027-03-01T${time}`);
};
const one = (name: string) => [{ serviceId: serviceId(office, name), count: 1 }];
const RESULT = `__typename ... on QueueTicket { ${TICKET_FIELDS} }`;
const callNext = async () =>
  (await clerk.ok(`mutation($c: ID!) { callNextTicket(counterId: $c) { ${RESULT} } }`, { c: counter })).callNextTicket;
const act = async (op: string, ticket: { id: string; version: number }) =>
  (
    await clerk.ok(`mutation($id: ID!, $v: Int!) { r: ${op}(ticketId: $id, version: $v) { ${RESULT} } }`, {
      id: ticket.id,
      v: ticket.version,
    })
  ).r;
const walkIn = async (client: GqlClient, name: string, officeId?: string) =>
  (await client.ok(WALK_IN, { input: { requestId: requestId(), services: one(name), officeId } })).issueWalkInTicket;
const checkIn = async (code: string) => (await t.kiosk().ok(CHECK_IN, { code })).checkIn;
/** Calls the only waiting ticket, starts at once, finishes at `finish`. */
const serve = async (call: string, finish: string) => {
  at(call);
  const called = await callNext();
  expect(called.__typename).toBe('QueueTicket');
  const serving = await act('startServing', called);
  at(finish);
  const done = await act('finishTicket', serving);
  expect(done.status).toBe('DONE');
};
const stats = async (client: GqlClient, vars: Record<string, unknown>) =>
  (await client.ok(STATS, { o: office.id, from: '2027-03-01', to: '2027-03-01', ...vars })).officeStatistics;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000', BOOKING_MAX_ACTIVE_PER_EMAIL: '50' } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  // An office the demo office manager does not manage (not yet enabled for the public).
  [other] = (await t.sql<{ id: string }>(`SELECT id FROM office WHERE slug = 'zulassungsstelle'`)) as [{ id: string }];
  clerk = await t.clerk();
  manager = await t.officeManager();
  const counters = (await clerk.ok(`query($o: ID!) { queueCounters(officeId: $o) { id label } }`, { o: office.id }))
    .queueCounters as { id: string; label: string }[];
  counter = counters.find((c) => c.label === '1')?.id as string;

  const a1 = await book(t.anonymous(), office.id, one('Personalausweis'), local('2027-03-01T08:00'));
  const a2 = await book(t.portal(), office.id, one('Reisepass'), local('2027-03-01T08:30'));
  await book(t.anonymous(), office.id, one('Personalausweis'), local('2027-03-01T09:00')); // never comes

  at('07:50');
  clerk = await t.clerk(); // sessions from Friday have run out
  await clerk.ok(`mutation($c: ID!) { openCounter(counterId: $c) { __typename } }`, { c: counter });
  at('07:55');
  expect((await walkIn(t.kiosk(), 'Meldebescheinigung')).__typename).toBe('IssuedTicket'); // W1
  await serve('08:05', '08:10'); // W1: waited 10, served 5
  at('08:07');
  expect((await checkIn(a1.checkInCode)).__typename).toBe('IssuedTicket'); // 7 minutes late
  await serve('08:12', '08:27'); // A1: waited 5 (from arrival), served 15
  at('08:20');
  expect((await checkIn(a2.checkInCode)).__typename).toBe('IssuedTicket'); // early
  await serve('08:33', '08:48'); // A2: waited 3 (from its start 08:30), served 15
  at('09:00');
  expect((await walkIn(await t.infoDesk(), 'Meldebescheinigung', office.id)).__typename).toBe('IssuedTicket'); // W2
  at('09:20');
  const w2 = await callNext(); // W2: waited 20
  at('09:25');
  expect((await act('markNoShow', w2)).status).toBe('NO_SHOW');
  at('15:00');
  expect((await walkIn(t.kiosk(), 'Meldebescheinigung')).__typename).toBe('IssuedTicket'); // W3
  at('15:10');
  const w3 = await callNext(); // W3: waited 10
  const w3serving = await act('startServing', w3);
  // Too late for a passport application: the closing guard refuses, twice.
  for (const time of ['15:20', '15:25']) {
    at(time);
    expect(await walkIn(t.kiosk(), 'Personalausweis')).toMatchObject({
      __typename: 'WalkInClosed',
      reason: 'CLOSING_SOON',
    });
  }
  at('15:42');
  await act('finishTicket', w3serving); // W3 served 32, 12 minutes past closing
  at('15:45');
  await clerk.ok(`mutation($c: ID!) { closeCounter(counterId: $c) { __typename } }`, { c: counter }); // 15 past
  at('17:00');
  manager = await t.officeManager();
}, 120_000);
afterAll(() => t?.close());

describe('office statistics', () => {
  it('gives the known numbers of the seeded day', async () => {
    const s = await stats(manager, {});
    expect(s.__typename).toBe('OfficeStatistics');
    expect(s.total).toEqual({
      from: '2027-03-01',
      to: '2027-03-01',
      visitors: 5,
      byChannel: { appointmentWeb: 1, appointmentPortal: 1, appointmentInfoDesk: 0, walkInKiosk: 2, walkInInfoDesk: 1 },
      waitAppointment: { count: 2, mean: 4, median: 4, p90: 4.8 },
      waitWalkIn: { count: 3, mean: 13.3, median: 10, p90: 18 },
      serviceTimes: expect.arrayContaining([
        { serviceName: 'Meldebescheinigung', count: 2, mean: 18.5, median: 18.5, p90: 29.3 },
        { serviceName: 'Personalausweis beantragen', count: 1, mean: 15, median: 15, p90: 15 },
        { serviceName: 'Reisepass beantragen', count: 1, mean: 15, median: 15, p90: 15 },
      ]),
      ticketNoShows: 1,
      missedAppointments: 1,
      noShowRate: 0.333,
      walkInRefusals: 2,
      minutesPastClosing: 15,
    });
    expect(s.total.serviceTimes).toHaveLength(3);
    const hours = Object.fromEntries(
      (s.arrivalsByHour as { hour: number; arrivals: number }[])
        .filter((h) => h.arrivals > 0)
        .map((h) => [h.hour, h.arrivals]),
    );
    expect(hours).toEqual({ 7: 1, 8: 2, 9: 1, 15: 1 });
    // Each refused attempt is recorded, with no personal data.
    const refused = await t.sql('SELECT reason FROM walk_in_refusal WHERE "officeId" = $1', [office.id]);
    expect(refused).toEqual([{ reason: 'CLOSING_SOON' }, { reason: 'CLOSING_SOON' }]);
  });

  it('splits into ISO weeks, and the CSV carries the same numbers', async () => {
    const s = await stats(await t.admin(), { from: '2027-02-24', to: '2027-03-07', g: 'WEEK' });
    expect(s.periods).toEqual([
      { from: '2027-02-24', to: '2027-02-28', visitors: 0 },
      { from: '2027-03-01', to: '2027-03-07', visitors: 5 },
    ]);
    const lines = (s.csv as string).split('\r\n');
    expect(lines[0]?.startsWith('office,period_from,period_to,visitors,visitors_appointment_web,')).toBe(true);
    expect(
      lines[2]?.startsWith('Bürgercentrum,2027-03-01,2027-03-07,5,1,1,0,2,1,2,4,4,4.8,3,13.3,10,18,1,1,0.333,2,15,'),
    ).toBe(true);
    expect(lines[3]?.startsWith('Bürgercentrum,total,2027-02-24..2027-03-07,5,')).toBe(true);
  });

  it('refuses bad ranges with typed errors', async () => {
    expect(await stats(manager, { from: '2027-03-02', to: '2027-03-01' })).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'to', code: 'TO_BEFORE_FROM' }],
    });
    expect((await stats(manager, { from: '2026-01-01', to: '2027-03-01' })).fields).toEqual([
      { field: 'to', code: 'TOO_LONG' },
    ]);
    expect((await stats(manager, { from: '2027-3-1' })).fields).toEqual([{ field: 'from', code: 'INVALID_DATE' }]);
  });

  it('lets only office managers of the office and admins in', async () => {
    expect(await stats(manager, { o: other.id })).toMatchObject({ __typename: 'OfficeNotAllowed' });
    expect((await stats(await t.admin(), { o: other.id })).total.visitors).toBe(0);
    for (const client of [clerk, await t.infoDesk()]) {
      const res = await client.request(STATS, { o: office.id, from: '2027-03-01', to: '2027-03-01' });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.anonymous().request(STATS, { o: office.id, from: '2027-03-01', to: '2027-03-01' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
