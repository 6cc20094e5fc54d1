import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownRange } from '../src/modules/stats/estimate-calibration.js';
import type { GqlClient } from './gql-client.js';
import { book, local, OFFICE, type OfficeInfo, requestId, serviceId } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027 (CET) with one open counter: what each visitor is told at issue is kept, and the statistics
// compare it with the first call. Appointments are booked the Friday before.
const clock = new TestClock(local('2027-02-26T10:00'));
let t: TestApp;
let office: OfficeInfo;
let clerk: GqlClient;
let counter: string;

const ESTIMATE = 'estimate { expectedCallAt earliestCallAt latestCallAt }';
const ISSUED = `__typename ... on IssuedTicket { ticketId ticket { number ${ESTIMATE} } }`;
type Told = { expectedCallAt: string; earliestCallAt: string; latestCallAt: string };
type Issued = { ticketId: string; ticket: { number: string; estimate: Told | null }; issuedAt: number };

const at = (time: string) => {
  clock.current = local(`2027-03-01T${time}`);
};
const one = (name: string) => [{ serviceId: serviceId(office, name), count: 1 }];
const walkIn = async (name: string): Promise<Issued> => {
  const r = (
    await t.kiosk().ok(`mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) { ${ISSUED} } }`, {
      input: { requestId: requestId(), services: one(name) },
    })
  ).issueWalkInTicket;
  expect(r.__typename).toBe('IssuedTicket');
  return { ...r, issuedAt: clock.current.getTime() };
};
const checkIn = async (code: string): Promise<Issued> => {
  const r = (await t.kiosk().ok(`mutation($code: String!) { checkIn(code: $code) { ${ISSUED} } }`, { code })).checkIn;
  expect(r.__typename).toBe('IssuedTicket');
  return { ...r, issuedAt: clock.current.getTime() };
};
const RESULT = '__typename ... on QueueTicket { status }';
const version = async (id: string) =>
  (await t.sql<{ version: number }>('SELECT version FROM ticket WHERE id = $1', [id]))[0]?.version;
const act = async (op: string, id: string, extra = '') =>
  (
    await clerk.ok(
      `mutation($id: ID!, $v: Int!${extra ? ', $c: ID!' : ''}) { r: ${op}(${extra}ticketId: $id, version: $v) { ${RESULT} } }`,
      {
        id,
        v: await version(id),
        ...(extra ? { c: counter } : {}),
      },
    )
  ).r;
/** Calls the ticket (out of order, so the call times are the test's), starts and finishes it `minutes` later. */
const serve = async (issued: Issued, call: string, minutes: number) => {
  at(call);
  expect(await act('callTicket', issued.ticketId, 'counterId: $c, ')).toEqual({
    __typename: 'QueueTicket',
    status: 'CALLED',
  });
  await act('startServing', issued.ticketId);
  clock.advance(minutes * 60_000);
  expect((await act('finishTicket', issued.ticketId)).status).toBe('DONE');
};
const stored = async (id: string) =>
  (
    await t.sql<{ expected: Date | null; earliest: Date | null; latest: Date | null }>(
      `SELECT "issuedExpectedCallAt" AS expected, "issuedEarliestCallAt" AS earliest, "issuedLatestCallAt" AS latest
         FROM ticket WHERE id = $1`,
      [id],
    )
  )[0];

const ACCURACY = 'count meanAbsoluteError bias insideRange';
const STATS = `query($o: ID!) { officeStatistics(officeId: $o, from: "2027-03-01", to: "2027-03-01") {
  ... on OfficeStatistics { csv total { estimateAccuracy {
    all { ${ACCURACY} } appointment { ${ACCURACY} } walkIn { ${ACCURACY} } } } } } }`;

const tickets: Record<string, Issued> = {};
/** When each ticket was first called. */
const calledAt: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000', BOOKING_MAX_ACTIVE_PER_EMAIL: '50' } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  const a1 = await book(t.anonymous(), office.id, one('Personalausweis'), local('2027-03-01T08:30'));
  const a2 = await book(t.anonymous(), office.id, one('Führerschein'), local('2027-03-01T09:00'));

  at('07:50');
  clerk = await t.clerk();
  const counters = (await clerk.ok(`query($o: ID!) { queueCounters(officeId: $o) { id label } }`, { o: office.id }))
    .queueCounters as { id: string; label: string }[];
  counter = counters.find((c) => c.label === '1')?.id as string;
  await clerk.ok(`mutation($c: ID!) { openCounter(counterId: $c) { __typename } }`, { c: counter });

  at('07:55');
  tickets.W1 = await walkIn('Meldebescheinigung');
  at('07:56');
  tickets.W2 = await walkIn('Meldebescheinigung');
  at('07:57');
  tickets.W3 = await walkIn('Meldebescheinigung');
  // Called late, in time, in time (the appointment) and very late (W3 waited behind the appointment).
  await serve(tickets.W1, '07:57', 3);
  calledAt.W1 = '07:57';
  await serve(tickets.W2, '08:01', 12);
  calledAt.W2 = '08:01';
  at('08:20');
  tickets.A1 = await checkIn(a1.checkInCode);
  await serve(tickets.A1, '08:25', 10);
  calledAt.A1 = '08:25';
  await serve(tickets.W3, '08:41', 5);
  calledAt.W3 = '08:41';
  at('08:50');
  tickets.W4 = await walkIn('Meldebescheinigung'); // never called: does not count
  // Counter 1, the only one open, does not handle driving licences: no estimate for this visitor.
  tickets.A2 = await checkIn(a2.checkInCode);
}, 120_000);
afterAll(() => t?.close());

describe('estimate calibration', () => {
  it('keeps what each visitor was told at issue, the same estimate the screens show', async () => {
    for (const name of ['W1', 'W2', 'W3', 'A1', 'W4']) {
      const issued = tickets[name] as Issued;
      const told = issued.ticket.estimate as Told;
      expect(told, name).not.toBeNull();
      expect(await stored(issued.ticketId), name).toEqual({
        expected: new Date(told.expectedCallAt),
        earliest: new Date(told.earliestCallAt),
        latest: new Date(told.latestCallAt),
      });
    }
    // Three walk-ins in a row for one counter: each is told a later time than the one before.
    const expected = (name: string) => Date.parse(tickets[name]?.ticket.estimate?.expectedCallAt as string);
    expect(expected('W2')).toBeGreaterThan(expected('W1'));
    expect(expected('W3')).toBeGreaterThan(expected('W2'));
    expect(tickets.A2?.ticket.estimate).toBeNull();
    expect(await stored(tickets.A2?.ticketId as string)).toEqual({ expected: null, earliest: null, latest: null });
  });

  it('gives the mean absolute error, the bias and the share called inside the range told', async () => {
    // Worked out here from what was stored and when each visitor was called.
    const accuracy = (names: string[]) => {
      const errors = names.map((n) => {
        const told = tickets[n]?.ticket.estimate as Told;
        const call = local(`2027-03-01T${calledAt[n]}`).getTime();
        const shown = shownRange(
          {
            expectedCallAt: Date.parse(told.expectedCallAt),
            earliestCallAt: Date.parse(told.earliestCallAt),
            latestCallAt: Date.parse(told.latestCallAt),
          },
          tickets[n]?.issuedAt as number,
        );
        const inside = call >= shown.from && call <= shown.to;
        return { minutes: (call - Date.parse(told.expectedCallAt)) / 60_000, inside };
      });
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return {
        count: names.length,
        meanAbsoluteError: Math.round(mean(errors.map((e) => Math.abs(e.minutes))) * 10) / 10,
        bias: Math.round(mean(errors.map((e) => e.minutes)) * 10) / 10,
        insideRange: Math.round((errors.filter((e) => e.inside).length / names.length) * 1000) / 1000,
      };
    };
    const s = (await (await t.officeManager()).ok(STATS, { o: office.id })).officeStatistics;
    const expected = {
      all: accuracy(['W1', 'W2', 'W3', 'A1']),
      appointment: accuracy(['A1']),
      walkIn: accuracy(['W1', 'W2', 'W3']),
    };
    expect(s.total.estimateAccuracy).toEqual(expected);
    expect(s.total.estimateAccuracy.all.meanAbsoluteError).toBeGreaterThan(0);
    const [header, day] = (s.csv as string).split('\r\n').map((line) => line.split(','));
    const cell = (name: string) => day?.[header?.indexOf(name) ?? -1];
    expect(cell('estimate_all_count')).toBe('4');
    expect(cell('estimate_walk_in_mae_minutes')).toBe(String(expected.walkIn.meanAbsoluteError));
    expect(cell('estimate_appointment_bias_minutes')).toBe(String(expected.appointment.bias));
    expect(cell('estimate_all_inside_range')).toBe(String(expected.all.insideRange));
  });
});
