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

// Monday 1 March 2027, 07:30 in Pforzheim: the Bürgercentrum opens.
const clock = new TestClock(local('2027-03-01T07:30'));
let t: TestApp;
let office: OfficeInfo;
let citizenship: OfficeInfo;
let clerk: GqlClient;
let kiosk: GqlClient;
let desk: GqlClient;
let counters: Record<string, string>; // label → id

const RESULT = `__typename
  ... on QueueTicket { ${TICKET_FIELDS} }
  ... on StaleTicket { ticket { ${TICKET_FIELDS} } }
  ... on NotAllowed { status action }
  ... on CounterNotOpen { counterId }
  ... on CounterBusy { ticket { number } }
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message }
  ... on TicketNotFound { message }`;
const CALL_RESULT = `${RESULT} ... on CounterPaused { counterId } ... on QueueEmpty { waiting }`;
const COUNTER_RESULT = `__typename
  ... on QueueCounter { id label waitingCount session { staffName mine pausedAt } current { number } }
  ... on CounterTaken { openedBy } ... on CounterNotOpen { counterId } ... on CounterBusy { ticket { number } }
  ... on CounterNotFound { message } ... on OfficeNotAllowed { message }`;

const callNext = (c: GqlClient, counterId: string) =>
  c
    .ok<{ callNextTicket: Record<string, any> }>(
      `mutation($c: ID!) { callNextTicket(counterId: $c) { ${CALL_RESULT} } }`,
      {
        c: counterId,
      },
    )
    .then((d) => d.callNextTicket);
const counterOp = (c: GqlClient, op: string, counterId: string, extra = '') =>
  c
    .ok<Record<string, Record<string, any>>>(
      `mutation($c: ID!) { r: ${op}(counterId: $c${extra}) { ${COUNTER_RESULT} } }`,
      {
        c: counterId,
      },
    )
    .then((d) => d.r as Record<string, any>);
/** A ticket action by name: recallTicket, startServing, finishTicket, markNoShow, parkTicket, … */
const act = (c: GqlClient, op: string, ticket: Record<string, any>, args = '', vars = {}) =>
  c
    .ok<Record<string, Record<string, any>>>(
      `mutation($id: ID!, $v: Int!${
        Object.keys(vars).length
          ? `, ${Object.entries(vars)
              .map(([k, v]) => `$${k}: ${(v as { type: string }).type}`)
              .join(', ')}`
          : ''
      }) { r: ${op}(ticketId: $id, version: $v${args}) { ${RESULT} } }`,
      {
        id: ticket.id,
        v: ticket.version,
        ...Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, (v as { value: unknown }).value])),
      },
    )
    .then((d) => d.r as Record<string, any>);
const walkIn = (services: { serviceId: string; count: number }[]) =>
  kiosk
    .ok<{ issueWalkInTicket: Record<string, any> }>(WALK_IN, { input: { requestId: requestId(), services } })
    .then((d) => {
      if (d.issueWalkInTicket.__typename !== 'IssuedTicket') throw new Error(JSON.stringify(d.issueWalkInTicket));
      return d.issueWalkInTicket;
    });
const one = (name: string) => [{ serviceId: serviceId(office, name), count: 1 }];
const ticket = async (id: string) =>
  (await clerk.ok(`query($id: ID!) { queueTicket(id: $id) { ${TICKET_FIELDS} } }`, { id })).queueTicket;
/** Takes the waiting tickets of the day out of the way (they are not what a test is about). */
const clearQueue = () =>
  t.sql(`UPDATE ticket SET status = 'CANCELLED' WHERE status IN ('WAITING', 'CALLED', 'SERVING')`);

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000', BOOKING_MAX_ACTIVE_PER_EMAIL: '50' } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  citizenship = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'staatsangehoerigkeit' })).office;
  clerk = await t.clerk();
  kiosk = t.kiosk();
  desk = await t.infoDesk();
  const list = (await clerk.ok(`query($o: ID!) { queueCounters(officeId: $o) { id label } }`, { o: office.id }))
    .queueCounters as { id: string; label: string }[];
  counters = Object.fromEntries(list.map((c) => [c.label, c.id]));
});
afterAll(() => t?.close());

describe('counter sessions', () => {
  it('opens a counter for the session; without it, calling is refused', async () => {
    expect(await callNext(clerk, counters['1'] as string)).toMatchObject({ __typename: 'CounterNotOpen' });
    const forbidden = await desk.request(`mutation($c: ID!) { openCounter(counterId: $c) { __typename } }`, {
      c: counters['1'],
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const opened = await counterOp(clerk, 'openCounter', counters['1'] as string);
    expect(opened).toMatchObject({
      __typename: 'QueueCounter',
      label: '1',
      session: { staffName: 'Sam Schalter', mine: true },
    });
    // Opening another counter closes the first.
    await counterOp(clerk, 'openCounter', counters['2'] as string);
    expect(await callNext(clerk, counters['1'] as string)).toMatchObject({ __typename: 'CounterNotOpen' });
    // A colleague (the office manager) needs takeOver to take a counter someone holds.
    const manager = await t.officeManager();
    expect(await counterOp(manager, 'openCounter', counters['2'] as string)).toMatchObject({
      __typename: 'CounterTaken',
      openedBy: 'Sam Schalter',
    });
    const taken = await counterOp(manager, 'openCounter', counters['2'] as string, ', takeOver: true');
    expect(taken).toMatchObject({ session: { staffName: 'Lea Leitung', mine: true } });
    expect(await callNext(clerk, counters['2'] as string)).toMatchObject({ __typename: 'CounterNotOpen' });
    await counterOp(manager, 'closeCounter', counters['2'] as string);
    expect(await counterOp(clerk, 'openCounter', counters['1'] as string)).toMatchObject({
      __typename: 'QueueCounter',
    });
  });

  it('a paused counter calls nobody; a busy one cannot be closed', async () => {
    await walkIn(one('Meldebescheinigung'));
    expect(await counterOp(clerk, 'pauseCounter', counters['1'] as string)).toMatchObject({
      session: { pausedAt: clock.current.toISOString() },
    });
    expect(await callNext(clerk, counters['1'] as string)).toMatchObject({ __typename: 'CounterPaused' });
    await counterOp(clerk, 'resumeCounter', counters['1'] as string);
    const called = await callNext(clerk, counters['1'] as string);
    expect(called).toMatchObject({ __typename: 'QueueTicket', status: 'CALLED', counter: { label: '1' } });
    expect(await counterOp(clerk, 'closeCounter', counters['1'] as string)).toMatchObject({
      __typename: 'CounterBusy',
      ticket: { number: called.number },
    });
    // Calling again while a visitor is called here is refused too.
    expect(await callNext(clerk, counters['1'] as string)).toMatchObject({ __typename: 'CounterBusy' });
    await act(clerk, 'finishTicket', called);
  });
});

describe('clerk actions', () => {
  beforeAll(clearQueue);

  it('call, recall up to maxCalls, then a no-show; undo; reactivate queues again from now', async () => {
    clock.current = local('2027-03-01T08:00');
    const issued = await walkIn(one('Personalausweis'));
    const called = await callNext(clerk, counters['1'] as string);
    expect(called).toMatchObject({ id: issued.ticketId, status: 'CALLED', callCount: 1, maxCalls: 3 });
    const tracked = await t
      .anonymous()
      .ok(`query($t: String!) { ticketByTrackingToken(token: $t) { ... on PublicTicket { status counterLabel } } }`, {
        t: issued.trackingToken,
      });
    expect(tracked.ticketByTrackingToken).toEqual({ status: 'CALLED', counterLabel: '1' });
    const second = await act(clerk, 'recallTicket', called);
    const third = await act(clerk, 'recallTicket', second);
    expect([second.callCount, third.callCount]).toEqual([2, 3]);
    const fourth = await act(clerk, 'recallTicket', third);
    expect(fourth).toMatchObject({ status: 'NO_SHOW', callCount: 3 });
    const undone = await act(clerk, 'undoTicketAction', fourth);
    expect(undone).toMatchObject({ status: 'CALLED', callCount: 3, counter: { label: '1' } });
    const noShow = await act(clerk, 'markNoShow', undone);
    expect(noShow.status).toBe('NO_SHOW');
    clock.current = local('2027-03-01T08:20');
    const back = await act(desk, 'reactivateTicket', noShow);
    expect(back).toMatchObject({ status: 'WAITING', callCount: 0, counter: null, dueAt: clock.current.toISOString() });
    expect(back.number).toBe(issued.ticket.number);
    await act(clerk, 'cancelTicket', back);
  });

  it('start and finish record what was done; nothing follows a finish, not even undo', async () => {
    clock.current = local('2027-03-01T08:30');
    await walkIn([
      { serviceId: serviceId(office, 'Personalausweis'), count: 2 },
      { serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 },
    ]);
    const called = await callNext(clerk, counters['1'] as string);
    const serving = await act(clerk, 'startServing', called);
    expect(serving.status).toBe('SERVING');
    clock.current = local('2027-03-01T08:55');
    const done = await act(clerk, 'finishTicket', serving, ', services: $s', {
      s: {
        type: '[ServiceChoiceInput!]',
        value: [
          { serviceId: serviceId(office, 'Personalausweis'), count: 1 },
          { serviceId: serviceId(office, 'Reisepass'), count: 1 },
        ],
      },
    });
    expect(done.status).toBe('DONE');
    expect(done.services).toEqual([
      { name: 'Personalausweis beantragen', count: 2, doneCount: 1 },
      { name: 'Reisepass beantragen', count: 0, doneCount: 1 },
      { name: 'Meldebescheinigung', count: 1, doneCount: 0 },
    ]);
    expect(await act(clerk, 'finishTicket', done)).toEqual({
      __typename: 'NotAllowed',
      status: 'DONE',
      action: 'FINISH',
    });
    expect(await act(clerk, 'undoTicketAction', done)).toEqual({
      __typename: 'NotAllowed',
      status: 'DONE',
      action: 'UNDO',
    });
    expect(await act(clerk, 'parkTicket', done)).toEqual({ __typename: 'NotAllowed', status: 'DONE', action: 'PARK' });
    const events = await t.sql<{ type: string; counterId: string | null; staffUserId: string | null }>(
      'SELECT type, "counterId", "staffUserId" FROM ticket_event WHERE "ticketId" = $1 ORDER BY id',
      [done.id],
    );
    expect(events.map((e) => e.type)).toEqual(['ISSUED', 'CALLED', 'SERVING_STARTED', 'FINISHED']);
    expect(events.slice(1).every((e) => e.counterId === counters['1'] && e.staffUserId)).toBe(true);
  });

  it('a stale version changes nothing and returns the current ticket', async () => {
    clock.current = local('2027-03-01T09:00');
    const issued = await walkIn(one('Meldebescheinigung'));
    const called = await callNext(clerk, counters['1'] as string);
    const recalled = await act(clerk, 'recallTicket', called);
    const stale = await act(clerk, 'markNoShow', called); // the version before the recall
    expect(stale).toMatchObject({
      __typename: 'StaleTicket',
      ticket: { id: issued.ticketId, status: 'CALLED', callCount: 2 },
    });
    expect(stale.ticket.version).toBe(recalled.version);
    expect((await ticket(issued.ticketId)).status).toBe('CALLED');
    expect(await act(clerk, 'startServing', recalled)).toMatchObject({ status: 'SERVING' });
    // Not allowed in the status: a serving visitor cannot be a no-show.
    const serving = await ticket(issued.ticketId);
    expect(await act(clerk, 'markNoShow', serving)).toEqual({
      __typename: 'NotAllowed',
      status: 'SERVING',
      action: 'NO_SHOW',
    });
    expect(await act(clerk, 'reactivateTicket', serving)).toMatchObject({
      __typename: 'NotAllowed',
      action: 'REACTIVATE',
    });
    await act(clerk, 'finishTicket', serving);
  });

  it('park and reactivate: the visitor keeps their place', async () => {
    clock.current = local('2027-03-01T09:10');
    const first = await walkIn(one('Meldebescheinigung'));
    clock.current = local('2027-03-01T09:12');
    const second = await walkIn(one('Meldebescheinigung'));
    const called = await callNext(clerk, counters['1'] as string);
    expect(called.id).toBe(first.ticketId);
    const parked = await act(clerk, 'parkTicket', called);
    expect(parked).toMatchObject({ status: 'PARKED' });
    // Undo the park, then park for real.
    const again = await act(clerk, 'parkTicket', await act(clerk, 'undoTicketAction', parked));
    const next = await callNext(clerk, counters['1'] as string);
    expect(next.id).toBe(second.ticketId);
    await act(clerk, 'finishTicket', next);
    const reactivated = await act(desk, 'reactivateTicket', again);
    expect(reactivated).toMatchObject({ status: 'WAITING', dueAt: local('2027-03-01T09:10').toISOString() });
    clock.current = local('2027-03-01T09:20');
    const late = await walkIn(one('Meldebescheinigung'));
    expect((await callNext(clerk, counters['1'] as string)).id).toBe(first.ticketId);
    await act(clerk, 'finishTicket', await ticket(first.ticketId));
    await act(desk, 'cancelTicket', await ticket(late.ticketId));
  });

  it('transfer keeps the number: to another service only the counters for it call; to a counter only that one', async () => {
    clock.current = local('2027-03-01T09:30');
    const issued = await walkIn(one('Personalausweis'));
    const called = await callNext(clerk, counters['1'] as string);
    const licence = serviceId(office, 'Führerschein');
    const moved = await act(clerk, 'transferTicket', called, ', services: $s', {
      s: { type: '[ServiceChoiceInput!]', value: [{ serviceId: licence, count: 1 }] },
    });
    expect(moved).toMatchObject({ status: 'WAITING', number: issued.ticket.number, counter: null, callCount: 0 });
    expect(moved.services).toEqual([{ name: 'Führerschein beantragen / umtauschen', count: 1, doneCount: null }]);
    expect(await callNext(clerk, counters['1'] as string)).toMatchObject({ __typename: 'QueueEmpty', waiting: 1 });
    const toCounter = await act(clerk, 'transferTicket', moved, ', counterId: $c', {
      c: { type: 'ID', value: counters['1'] },
    });
    expect(toCounter.__typename).toBe('InvalidInput'); // counter 1 does not handle driving licences
    expect(toCounter.fields).toEqual([{ field: 'counterId', code: 'NOT_HANDLED_HERE' }]);
    const denied = await desk.request(
      'mutation($id: ID!, $v: Int!) { transferTicket(ticketId: $id, version: $v) { __typename } }',
      { id: moved.id, v: moved.version },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // the information desk is no clerk
    const to8 = await act(clerk, 'transferTicket', moved, ', counterId: $c', {
      c: { type: 'ID', value: counters['8'] },
    });
    expect(to8).toMatchObject({ status: 'WAITING', number: issued.ticket.number, counter: { label: '8' } });
    await counterOp(clerk, 'openCounter', counters['7'] as string); // handles driving licences, but is not counter 8
    expect(await callNext(clerk, counters['7'] as string)).toMatchObject({ __typename: 'QueueEmpty' });
    await counterOp(clerk, 'openCounter', counters['8'] as string);
    const at8 = await callNext(clerk, counters['8'] as string);
    expect(at8).toMatchObject({ id: issued.ticketId, status: 'CALLED', counter: { label: '8' } });
    await act(clerk, 'finishTicket', at8);
    await counterOp(clerk, 'openCounter', counters['1'] as string);
  });

  it('a ticket of another office is refused', async () => {
    const manager = await t.officeManager();
    const foreign = await manager.ok(WALK_IN, {
      input: {
        requestId: requestId(),
        officeId: citizenship.id,
        services: [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }],
      },
    });
    const id = foreign.issueWalkInTicket.ticketId;
    expect(await act(clerk, 'parkTicket', { id, version: 1 })).toMatchObject({ __typename: 'OfficeNotAllowed' });
    expect(await act(clerk, 'cancelTicket', { id, version: 1 })).toMatchObject({ __typename: 'OfficeNotAllowed' });
    expect(await act(clerk, 'cancelTicket', { id: '00000000-0000-4000-8000-000000000000', version: 1 })).toMatchObject({
      __typename: 'TicketNotFound',
    });
    const read = await clerk.request(`query($id: ID!) { queueTicket(id: $id) { id } }`, { id });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('workstation', () => {
  beforeAll(clearQueue);

  it('lists the tickets in call order with waiting times, appointment, documents and priority', async () => {
    clock.current = local('2027-03-01T07:30');
    const a = await book(t.anonymous(), office.id, one('Anmeldung'), local('2027-03-01T10:30'));
    await t.sql(`UPDATE counter_session SET "closedAt" = now() WHERE "closedAt" IS NULL`);
    await counterOp(clerk, 'openCounter', counters['3'] as string);
    clock.current = local('2027-03-01T10:05');
    const checked = (await kiosk.ok(CHECK_IN, { code: a.checkInCode })).checkIn; // due 10:30
    clock.current = local('2027-03-01T10:10');
    const w1 = await walkIn(one('Meldebescheinigung'));
    clock.current = local('2027-03-01T10:20');
    const prio = await desk.ok(WALK_IN, {
      input: { requestId: requestId(), officeId: office.id, services: one('Reisepass'), priority: 'BIOMETRICS' },
    });
    clock.current = local('2027-03-01T10:25');
    const w2 = await walkIn(one('Meldebescheinigung'));
    const ws = (
      await clerk.ok(
        `query($c: ID!) { workstation(counterId: $c) { openCounters counter { label waitingCount }
          waiting { number priority waitedMinutes appointmentStartsAt estimate { peopleAhead }
            appointment { citizenName reference documents { name uploadable } } } } }`,
        { c: counters['3'] },
      )
    ).workstation;
    // The priority ticket (10:20 − 15 min = 10:05) before w1 (10:10); the appointment at 10:30 after w2 (10:25).
    expect(ws.waiting.map((x: { number: string }) => x.number)).toEqual([
      prio.issueWalkInTicket.ticket.number,
      w1.ticket.number,
      w2.ticket.number,
      checked.ticket.number,
    ]);
    expect(ws.counter).toEqual({ label: '3', waitingCount: 4 });
    expect(ws.openCounters).toBe(1);
    // The list is the order now; the estimate plays on: by the time the priority visitor is done, the appointment
    // is due and goes before the two walk-ins.
    expect(ws.waiting.map((x: { estimate: { peopleAhead: number } }) => x.estimate.peopleAhead)).toEqual([0, 2, 3, 1]);
    expect(ws.waiting[1]).toMatchObject({ waitedMinutes: 15, priority: null, appointment: null });
    expect(ws.waiting[0].priority).toBe('BIOMETRICS');
    const appointment = ws.waiting[3];
    expect(appointment.appointmentStartsAt).toBe(local('2027-03-01T10:30').toISOString());
    expect(appointment.appointment).toMatchObject({ citizenName: 'Erika Mustermann', reference: a.reference });
    expect(appointment.appointment.documents.map((d: { name: string }) => d.name)).toContain(
      'Wohnungsgeberbescheinigung',
    );
    // The information desk sees all of today’s tickets.
    const all = (
      await desk.ok(`query($o: ID!) { officeTickets(officeId: $o, statuses: [WAITING]) { number } }`, { o: office.id })
    ).officeTickets;
    expect(all).toHaveLength(4);
  });

  it('calls a ticket out of order, and undo puts a call back', async () => {
    const ws = (
      await clerk.ok(`query($c: ID!) { workstation(counterId: $c) { waiting { id version number } } }`, {
        c: counters['3'],
      })
    ).workstation;
    const last = ws.waiting[3];
    const called = (
      await clerk.ok(
        `mutation($c: ID!, $id: ID!, $v: Int!) { callTicket(counterId: $c, ticketId: $id, version: $v) { ${CALL_RESULT} } }`,
        { c: counters['3'], id: last.id, v: last.version },
      )
    ).callTicket;
    expect(called).toMatchObject({ __typename: 'QueueTicket', number: last.number, status: 'CALLED' });
    const undone = await act(clerk, 'undoTicketAction', called);
    expect(undone).toMatchObject({ status: 'WAITING', callCount: 0, counter: null, number: last.number });
    expect(await act(clerk, 'undoTicketAction', undone)).toMatchObject({ __typename: 'NotAllowed', action: 'UNDO' });
  });
});

describe('estimates', () => {
  it('learn service durations from finished tickets', async () => {
    clock.current = local('2027-03-05T08:00'); // Friday: a fresh queue
    clerk = await t.clerk();
    await t.sql(`UPDATE counter_session SET "closedAt" = now() WHERE "closedAt" IS NULL`);
    await counterOp(clerk, 'openCounter', counters['1'] as string);
    // Configured 5 minutes; here each certificate takes 20.
    for (let i = 0; i < 3; i++) {
      await walkIn(one('Meldebescheinigung'));
      const called = await callNext(clerk, counters['1'] as string);
      const serving = await act(clerk, 'startServing', called);
      clock.advance(20 * 60_000);
      await act(clerk, 'finishTicket', serving);
    }
    await walkIn(one('Meldebescheinigung'));
    clock.advance(60_000);
    const second = await walkIn(one('Meldebescheinigung'));
    const estimate = (await ticket(second.ticketId)).estimate;
    expect(estimate.peopleAhead).toBe(1);
    const minutes = (Date.parse(estimate.expectedCallAt) - clock.current.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(15);
    expect(minutes).toBeLessThan(25);
    expect(Date.parse(estimate.earliestCallAt)).toBeLessThan(Date.parse(estimate.expectedCallAt));
    expect(Date.parse(estimate.latestCallAt)).toBeGreaterThan(Date.parse(estimate.expectedCallAt));
  });
});

describe('no double calls', () => {
  it('twenty counters calling at the same moment never get the same ticket', async () => {
    clock.current = local('2027-03-03T08:00'); // Wednesday: a fresh queue
    const certificate = serviceId(office, 'Meldebescheinigung');
    const [clerkRow] = await t.sql<{ id: string }>(`SELECT id FROM staff_user WHERE username = 'schalter'`);
    await t.sql(`UPDATE counter_session SET "closedAt" = now() WHERE "closedAt" IS NULL`);
    const added = await t.sql<{ id: string }>(
      `INSERT INTO counter ("officeId", label) SELECT $1, 'R' || g FROM generate_series(1, 20) g RETURNING id`,
      [office.id],
    );
    const ids = added.map((c) => c.id);
    await t.sql(`INSERT INTO counter_service ("counterId", "serviceId") SELECT unnest($1::uuid[]), $2`, [
      ids,
      certificate,
    ]);
    await t.sql(
      `INSERT INTO counter_session ("counterId", "staffUserId", "openedAt") SELECT unnest($1::uuid[]), $2, now()`,
      [ids, clerkRow?.id],
    );
    // Issued once the twenty counters are open: the closing guard counts the counters that serve the queue.
    const tickets = [];
    for (let i = 0; i < 15; i++) tickets.push(await walkIn(one('Meldebescheinigung')));
    clerk = await t.clerk(); // a new day's session
    const results = await Promise.all(ids.map((id) => callNext(clerk, id)));
    const called = results.filter((r) => r.__typename === 'QueueTicket');
    expect(called).toHaveLength(15);
    expect(results.filter((r) => r.__typename === 'QueueEmpty')).toHaveLength(5);
    expect(new Set(called.map((r) => r.id)).size).toBe(15);
    expect(new Set(called.map((r) => r.counter.id)).size).toBe(15);
    const events = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket_event WHERE type = 'CALLED' AND "ticketId" = ANY($1::uuid[]) GROUP BY "ticketId"`,
      [tickets.map((x) => x.ticketId)],
    );
    expect(events.map((e) => e.n)).toEqual(Array(15).fill(1));
  });
});

describe('the promised order', () => {
  // Monday 8 March 2027 with one counter open: appointments keep their time, walk-ins fill the rest.
  let counter: string;
  const numbers = (r: Record<string, any>) => r.number as string;
  const serve = async (c: GqlClient, called: Record<string, any>) => {
    const started = await act(c, 'startServing', called);
    return act(c, 'finishTicket', started);
  };

  beforeAll(async () => {
    clock.current = local('2027-03-05T10:00');
    await clearQueue();
    await t.sql(`UPDATE counter_session SET "closedAt" = now() WHERE "closedAt" IS NULL`);
    counter = counters['3'] as string;
  });

  it('calls a due appointment before walk-ins who came earlier; an early one only when no walk-in waits', async () => {
    const due = await book(t.anonymous(), office.id, one('Meldebescheinigung'), local('2027-03-08T10:00'));
    const early = await book(t.anonymous(), office.id, one('Meldebescheinigung'), local('2027-03-08T11:30'));
    clock.current = local('2027-03-08T09:00');
    clerk = await t.clerk();
    await counterOp(clerk, 'openCounter', counter);
    // An hour early: checked in, no "come back later".
    const a = (await kiosk.ok(CHECK_IN, { code: due.checkInCode })).checkIn;
    expect(a.__typename).toBe('IssuedTicket');
    clock.current = local('2027-03-08T09:05');
    const w1 = await walkIn(one('Meldebescheinigung'));
    clock.current = local('2027-03-08T09:10');
    const w2 = await walkIn(one('Meldebescheinigung'));
    clock.current = local('2027-03-08T09:15');
    // Before its time the appointment waits behind the walk-ins.
    const first = await callNext(clerk, counter);
    expect(numbers(first)).toBe(w1.ticket.number);
    clock.current = local('2027-03-08T09:58'); // within two minutes of the start: due
    await serve(clerk, first);
    const second = await callNext(clerk, counter);
    expect(numbers(second)).toBe(a.ticket.number);
    clock.current = local('2027-03-08T10:05');
    await serve(clerk, second);
    expect(numbers(await callNext(clerk, counter))).toBe(w2.ticket.number);
    // Nobody else waiting: the early appointment (11:30) fills the idle counter at 10:20.
    const c = (await kiosk.ok(CHECK_IN, { code: early.checkInCode })).checkIn;
    clock.current = local('2027-03-08T10:20');
    await serve(clerk, await ticket(w2.ticketId));
    expect(numbers(await callNext(clerk, counter))).toBe(c.ticket.number);
  });

  it('refuses a walk-in that would push a checked-in appointment past closing, not one that fits before it', async () => {
    // 12:30 closing, 10 minutes buffer: the 12:05 appointment (Personalausweis, 15 min) ends 12:20 on its own.
    await clearQueue();
    clock.current = local('2027-03-05T10:00');
    const late = await book(t.anonymous(), office.id, one('Personalausweis'), local('2027-03-08T12:05'));
    clock.current = local('2027-03-08T11:55');
    const checkedIn = (await kiosk.ok(CHECK_IN, { code: late.checkInCode })).checkIn;
    expect(checkedIn.__typename).toBe('IssuedTicket');
    // A walk-in now would be called first (the appointment is early) and push it to 12:10–12:25.
    const refused = (await kiosk.ok(WALK_IN, { input: { requestId: requestId(), services: one('Personalausweis') } }))
      .issueWalkInTicket;
    expect(refused).toMatchObject({ __typename: 'WalkInClosed', reason: 'CLOSING_SOON' });
    const tickets = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM ticket WHERE status = 'WAITING' AND "officeId" = $1`,
      [office.id],
    );
    expect(tickets[0]?.n).toBe(1);
  });
});
