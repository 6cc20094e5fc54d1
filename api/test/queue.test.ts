import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GqlClient } from './gql-client.js';
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

// Monday 1 March 2027, 07:00 in Pforzheim; the Bürgercentrum opens 07:30–12:30 and 13:30–15:30, Thursday until 18:00.
const clock = new TestClock(local('2027-03-01T07:00'));
let t: TestApp;
let office: OfficeInfo;
let citizenship: OfficeInfo;
let kiosk: GqlClient;
let desk: GqlClient;
let photo: GqlClient;

const TRACK = `query($token: String!) { ticketByTrackingToken(token: $token) {
  __typename ... on PublicTicket { number status officeName priority counterLabel calledAt issuedAt
    services { name count } estimate { peopleAhead expectedCallAt earliestCallAt latestCallAt } } } }`;
const BIOMETRICS = `mutation($code: String!) { reportBiometricsCaptured(code: $code) {
  __typename ... on BiometricsRecorded { target ticketNumber } ... on NotAllowed { status } } }`;
const STATUS = `query($officeId: ID) { walkInStatus(officeId: $officeId) { officeOpen closesAt
  services { serviceId name open reason closedSince override predictedCallAt predictedFinishAt } } }`;
const OVERRIDE = `mutation($officeId: ID!, $serviceId: ID!, $override: WalkInOverride) {
  setWalkInOverride(officeId: $officeId, serviceId: $serviceId, override: $override) {
    __typename ... on WalkInServiceStatus { open reason override closedSince } } }`;
const TICKETS = `query($officeId: ID!) { officeTickets(officeId: $officeId) { ${TICKET_FIELDS} } }`;

const checkIn = (client: GqlClient, code: string, officeId?: string) =>
  client.ok<{ checkIn: Record<string, any> }>(CHECK_IN, { code, officeId }).then((d) => d.checkIn);
const walkIn = (client: GqlClient, input: Record<string, unknown>) =>
  client
    .ok<{ issueWalkInTicket: Record<string, any> }>(WALK_IN, { input: { requestId: requestId(), ...input } })
    .then((d) => d.issueWalkInTicket);
const track = (token: string) =>
  t
    .anonymous()
    .ok<{ ticketByTrackingToken: Record<string, any> }>(TRACK, { token })
    .then((d) => d.ticketByTrackingToken);
const one = (name: string) => [{ serviceId: serviceId(office, name), count: 1 }];

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000', BOOKING_MAX_ACTIVE_PER_EMAIL: '50' } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  citizenship = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'staatsangehoerigkeit' })).office;
  kiosk = t.kiosk();
  desk = await t.infoDesk();
  photo = new GqlClient(t.baseUrl, 'bcd_demo-photo-terminal-buergercentrum');
});
afterAll(() => t?.close());

describe('access', () => {
  it('refuses a kiosk without token, and callers without the role', async () => {
    const input = { requestId: 'x', services: one('Meldebescheinigung') };
    const anonymous = await t.anonymous().request(WALK_IN, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrongToken = await new GqlClient(t.baseUrl, 'bcd_not-a-device').request(WALK_IN, { input });
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const clerk = await t.clerk();
    expect((await clerk.request(WALK_IN, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await kiosk.request(BIOMETRICS, { code: 'K7M4-PQ2X' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.display().request(CHECK_IN, { code: 'x' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('check-in', () => {
  let punctual: Awaited<ReturnType<typeof book>>;
  let late: Awaited<ReturnType<typeof book>>;

  beforeAll(async () => {
    clock.current = local('2027-03-01T07:00');
    punctual = await book(t.anonymous(), office.id, one('Personalausweis'), local('2027-03-01T09:00'));
    late = await book(t.anonymous(), office.id, one('Reisepass'), local('2027-03-01T09:00'));
  });

  it('opens on the day of the appointment, any time before its start; the day before is too early', async () => {
    clock.current = local('2027-02-26T16:00');
    const early = await checkIn(kiosk, punctual.checkInCode);
    expect(early).toEqual({
      __typename: 'CheckInTooEarly',
      startsAt: local('2027-03-01T09:00').toISOString(),
      comeBackAt: local('2027-03-01T00:00').toISOString(),
    });
    // Half an hour after opening and two and a half hours early: the visitor checks in and waits for the time.
    clock.current = local('2027-03-01T08:30');
    const ok = await checkIn(kiosk, punctual.checkInCode);
    expect(ok.__typename).toBe('IssuedTicket');
    expect(ok.ticket).toMatchObject({
      number: 'T001',
      status: 'WAITING',
      officeName: 'Bürgercentrum',
      priority: false,
    });
    expect(ok.alreadyIssued).toBe(false);
    expect(ok.trackingToken).toMatch(/^bct_[\w-]{22}$/);
    expect(ok.trackingLink).toBe(`http://localhost:0/track/t/${ok.trackingToken}`);
    // Checked in early: due at its start, not before.
    const tickets = (await desk.ok(TICKETS, { officeId: office.id })).officeTickets;
    expect(tickets[0]).toMatchObject({ number: 'T001', origin: 'APPOINTMENT', late: false });
    expect(tickets[0].dueAt).toBe(local('2027-03-01T09:00').toISOString());
  });

  it('closes 10 minutes after the start: 11 minutes after is too late and offers a walk-in ticket', async () => {
    clock.current = local('2027-03-01T09:11');
    const tooLate = await checkIn(kiosk, late.checkInCode);
    expect(tooLate).toEqual({
      __typename: 'CheckInTooLate',
      startsAt: local('2027-03-01T09:00').toISOString(),
      walkInServices: [{ name: 'Reisepass beantragen', count: 1 }],
    });
    expect(await t.sql('SELECT id FROM ticket WHERE "appointmentId" = $1', [late.id])).toEqual([]);
    clock.current = local('2027-03-01T09:10');
    const ok = await checkIn(kiosk, late.checkInCode);
    expect(ok.ticket.number).toBe('T002');
    const ticket = (await desk.ok(TICKETS, { officeId: office.id })).officeTickets.find(
      (x: { number: string }) => x.number === 'T002',
    );
    // Late: due at the check-in, like a walk-in arriving now.
    expect(ticket).toMatchObject({ late: true, dueAt: local('2027-03-01T09:10').toISOString() });
  });

  it('checking in twice, or twenty times at once, gives the same ticket', async () => {
    clock.current = local('2027-03-01T07:00');
    const parallel = await book(t.anonymous(), office.id, one('Meldebescheinigung'), local('2027-03-01T09:30'));
    clock.current = local('2027-03-01T09:00');
    const again = await checkIn(kiosk, punctual.checkInCode);
    expect(again).toMatchObject({ __typename: 'IssuedTicket', alreadyIssued: true, ticket: { number: 'T001' } });
    // A fresh tracking token; both links work.
    expect((await track(again.trackingToken)).number).toBe('T001');

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checkIn(i % 2 ? kiosk : desk, parallel.checkInCode)),
    );
    const numbers = new Set(results.map((r) => r.ticket?.number));
    expect(numbers).toEqual(new Set(['T003']));
    expect(results.filter((r) => !r.alreadyIssued)).toHaveLength(1);
    const rows = await t.sql('SELECT id FROM ticket WHERE "appointmentId" = $1', [parallel.id]);
    expect(rows).toHaveLength(1);
  });

  it('takes the typed reference too, in any case and with spaces', async () => {
    clock.current = local('2027-03-01T07:00');
    const a = await book(t.anonymous(), office.id, one('Meldebescheinigung'), local('2027-03-01T09:45'));
    clock.current = local('2027-03-01T09:20');
    const typed = a.reference.toLowerCase().replace('-', ' ');
    const res = await checkIn(desk, typed);
    expect(res).toMatchObject({ __typename: 'IssuedTicket', ticket: { number: 'T004' } });
  });

  it('answers a cancelled appointment, another office’s appointment and an unknown code with typed results', async () => {
    clock.current = local('2027-03-01T07:00');
    const cancelled = await book(t.anonymous(), office.id, one('Meldebescheinigung'), local('2027-03-01T10:00'));
    await t
      .anonymous()
      .ok('mutation($t: String!) { cancelAppointment(token: $t) { __typename } }', { t: cancelled.manageToken });
    const elsewhere = await book(
      t.anonymous(),
      citizenship.id,
      [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }],
      local('2027-03-01T10:00'),
    );
    clock.current = local('2027-03-01T09:45');
    expect(await checkIn(kiosk, cancelled.checkInCode)).toMatchObject({ __typename: 'CheckInCancelled' });
    expect(await checkIn(kiosk, elsewhere.checkInCode)).toEqual({
      __typename: 'CheckInWrongOffice',
      officeName: 'Staatsangehörigkeitswesen',
    });
    // The information desk of the Bürgercentrum does not work for the citizenship office.
    expect(await checkIn(desk, elsewhere.checkInCode)).toMatchObject({ __typename: 'OfficeNotAllowed' });
    expect(await checkIn(desk, elsewhere.checkInCode, office.id)).toMatchObject({
      __typename: 'CheckInWrongOffice',
    });
    expect(await checkIn(kiosk, 'BC1-AAAAAAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ __typename: 'UnknownCode' });
    expect(await checkIn(kiosk, 'hello')).toMatchObject({ __typename: 'UnknownCode' });
    expect(
      await t.sql('SELECT id FROM ticket WHERE "appointmentId" = ANY($1::uuid[])', [[cancelled.id, elsewhere.id]]),
    ).toEqual([]);
  });
});

describe('walk-in tickets', () => {
  it('one request id is one ticket: twice in a row, and ten times at once', async () => {
    clock.current = local('2027-03-01T10:00');
    const input = { requestId: requestId(), services: one('Meldebescheinigung') };
    const first = await walkIn(kiosk, input);
    const second = await walkIn(kiosk, input);
    expect(first).toMatchObject({ __typename: 'IssuedTicket', alreadyIssued: false });
    expect(first.ticket.number).toMatch(/^W\d{3}$/);
    expect(second).toMatchObject({
      ticketId: first.ticketId,
      alreadyIssued: true,
      ticket: { number: first.ticket.number },
    });
    expect(second.trackingToken).not.toBe(first.trackingToken);
    expect((await track(first.trackingToken)).number).toBe(first.ticket.number);

    const burst = { requestId: requestId(), services: one('Anmeldung') };
    const results = await Promise.all(Array.from({ length: 10 }, () => walkIn(kiosk, burst)));
    expect(new Set(results.map((r) => r.ticketId)).size).toBe(1);
    const key = await t.sql('SELECT count(*)::int AS n FROM ticket WHERE "requestKey" LIKE $1', [
      `%:${burst.requestId}`,
    ]);
    expect(key).toEqual([{ n: 1 }]);
    // Another request is another ticket with the next number.
    const next = await walkIn(kiosk, { services: one('Meldebescheinigung') });
    expect(Number(next.ticket.number.slice(1))).toBe(Number(results[0]?.ticket.number.slice(1)) + 1);
  });

  it('refuses services the office does not offer walk-in, priority from a kiosk, staff priority without a note', async () => {
    clock.current = local('2027-03-01T10:05');
    const other = await walkIn(kiosk, { services: [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }] });
    expect(other.fields).toEqual([{ field: 'services.0', code: 'UNKNOWN_SERVICE' }]);
    const prio = await walkIn(kiosk, { services: one('Meldebescheinigung'), priority: 'BIOMETRICS' });
    expect(prio.fields).toEqual([{ field: 'priority', code: 'NOT_ALLOWED' }]);
    const noNote = await walkIn(desk, { officeId: office.id, services: one('Meldebescheinigung'), priority: 'STAFF' });
    expect(noNote.fields).toEqual([{ field: 'priorityNote', code: 'REQUIRED' }]);
    const noOffice = await walkIn(desk, { services: one('Meldebescheinigung') });
    expect(noOffice.fields).toEqual([{ field: 'officeId', code: 'REQUIRED' }]);
    const foreign = await walkIn(desk, {
      officeId: citizenship.id,
      services: [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }],
    });
    expect(foreign.__typename).toBe('OfficeNotAllowed');
  });

  it('the information desk issues tickets with biometrics or staff priority', async () => {
    clock.current = local('2027-03-01T10:10');
    const bio = await walkIn(desk, { officeId: office.id, services: one('Reisepass'), priority: 'BIOMETRICS' });
    expect(bio.ticket).toMatchObject({ priority: true });
    const staff = await walkIn(desk, {
      officeId: office.id,
      services: one('Reisepass'),
      priority: 'STAFF',
      priorityNote: 'Begleitperson wartet im Auto',
    });
    const tickets = (await desk.ok(TICKETS, { officeId: office.id })).officeTickets;
    const row = tickets.find((x: { id: string }) => x.id === staff.ticketId);
    expect(row).toMatchObject({ origin: 'INFO_DESK', priority: 'STAFF', priorityNote: 'Begleitperson wartet im Auto' });
  });

  it('refuses walk-ins outside the opening hours and offers the next appointments', async () => {
    clock.current = local('2027-03-01T12:45'); // lunch break
    const closed = await walkIn(kiosk, { services: one('Personalausweis') });
    expect(closed.__typename).toBe('WalkInClosed');
    expect(closed.reason).toBe('OFFICE_CLOSED');
    expect(closed.nextAppointments).toHaveLength(3);
    for (const start of closed.nextAppointments) expect(Date.parse(start)).toBeGreaterThan(clock.current.getTime());
    // Pick-up cannot be booked online: no appointments to offer.
    const pickup = await walkIn(kiosk, { services: one('Abholung') });
    expect(pickup).toMatchObject({ reason: 'OFFICE_CLOSED', nextAppointments: [] });
    const status = (await kiosk.ok(STATUS, {})).walkInStatus;
    expect(status.officeOpen).toBe(false);
    expect(status.services.every((s: { reason: string }) => s.reason === 'OFFICE_CLOSED')).toBe(true);
  });
});

describe('tracking', () => {
  it('shows number, status, people ahead and an estimate, without personal data', async () => {
    clock.current = local('2027-03-01T07:00');
    const a = await book(t.anonymous(), office.id, one('Meldebescheinigung'), local('2027-03-01T11:00'));
    clock.current = local('2027-03-01T10:40');
    const checked = await checkIn(kiosk, a.checkInCode);
    const tracked = await track(checked.trackingToken);
    expect(tracked).toMatchObject({ __typename: 'PublicTicket', number: checked.ticket.number, status: 'WAITING' });
    expect(tracked.estimate.peopleAhead).toBeGreaterThan(0);
    // Checked in early, behind the walk-ins waiting: called when a counter would otherwise stand idle, not before now.
    expect(Date.parse(tracked.estimate.expectedCallAt)).toBeGreaterThanOrEqual(clock.current.getTime());
    expect(Date.parse(tracked.estimate.earliestCallAt)).toBeLessThanOrEqual(
      Date.parse(tracked.estimate.expectedCallAt),
    );
    expect(JSON.stringify(tracked)).not.toMatch(/Erika|example\.de/);
    const personal = await t
      .anonymous()
      .request(
        `query($token: String!) { ticketByTrackingToken(token: $token) { ... on PublicTicket { citizenName } } }`,
        { token: checked.trackingToken },
      );
    expect(personal.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await track('bct_AAAAAAAAAAAAAAAAAAAAAA')).toMatchObject({ __typename: 'TicketNotFound' });
    expect(await track('nonsense')).toMatchObject({ __typename: 'TicketNotFound' });
  });
});

describe('photo terminal', () => {
  it('marks a ticket by its QR code, and an appointment before check-in so its ticket gets priority', async () => {
    clock.current = local('2027-03-01T10:45');
    const ticket = await walkIn(kiosk, { services: one('Personalausweis') });
    const viaLink = (await photo.ok(BIOMETRICS, { code: ticket.trackingLink })).reportBiometricsCaptured;
    expect(viaLink).toEqual({ __typename: 'BiometricsRecorded', target: 'TICKET', ticketNumber: ticket.ticket.number });
    expect((await track(ticket.trackingToken)).priority).toBe(true);
    const [row] = await t.sql<{ priority: string; version: number }>(
      'SELECT priority, version FROM ticket WHERE id = $1',
      [ticket.ticketId],
    );
    expect(row).toEqual({ priority: 'BIOMETRICS', version: 2 });

    const a = await book(t.anonymous(), office.id, one('Reisepass'), local('2027-03-01T12:00'));
    const early = (await photo.ok(BIOMETRICS, { code: a.reference })).reportBiometricsCaptured;
    expect(early).toEqual({ __typename: 'BiometricsRecorded', target: 'APPOINTMENT', ticketNumber: null });
    clock.current = local('2027-03-01T11:40');
    const checked = await checkIn(kiosk, a.checkInCode);
    expect(checked.ticket.priority).toBe(true);
    const events = await t.sql<{ type: string; deviceId: string | null }>(
      'SELECT type, "deviceId" FROM ticket_event WHERE "ticketId" = $1 ORDER BY id',
      [ticket.ticketId],
    );
    expect(events.map((e) => e.type)).toEqual(['ISSUED', 'PRIORITY_SET']);
    expect(events[1]?.deviceId).toBeTruthy();
  });

  it('answers unknown codes and other offices’ appointments with typed results', async () => {
    expect((await photo.ok(BIOMETRICS, { code: 'nope' })).reportBiometricsCaptured.__typename).toBe('UnknownCode');
    clock.current = local('2027-03-01T07:00');
    const elsewhere = await book(
      t.anonymous(),
      citizenship.id,
      [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }],
      local('2027-03-01T11:00'),
    );
    expect((await photo.ok(BIOMETRICS, { code: elsewhere.checkInCode })).reportBiometricsCaptured.__typename).toBe(
      'OfficeNotAllowed',
    );
  });
});

describe('closing guard', () => {
  // Thursday 4 March: open until 18:00, buffer 10 minutes, nobody waiting, no counter open yet (all eight assumed).
  it('refuses a walk-in that would not be done by 17:50, per service, and tells since when', async () => {
    clock.current = local('2027-03-04T17:43');
    const idCard = await walkIn(kiosk, { services: one('Personalausweis') }); // 17:43 + 15 = 17:58
    expect(idCard).toMatchObject({ __typename: 'WalkInClosed', reason: 'CLOSING_SOON' });
    expect(idCard.nextAppointments).toHaveLength(3);
    expect(Date.parse(idCard.nextAppointments[0])).toBeGreaterThan(clock.current.getTime());
    // 17:43 + 5 = 17:48 on average, and done by 17:50 four times in five (its own time at the 80th percentile).
    const certificate = await walkIn(kiosk, { services: one('Meldebescheinigung') });
    expect(certificate).toMatchObject({ __typename: 'IssuedTicket' });

    clock.current = local('2027-03-04T17:46');
    desk = await t.infoDesk(); // a staff session lasts one working day
    const status = (await desk.ok(STATUS, { officeId: office.id })).walkInStatus;
    expect(status).toMatchObject({ officeOpen: true, closesAt: local('2027-03-04T18:00').toISOString() });
    const byName = (name: string) => status.services.find((s: { name: string }) => s.name.startsWith(name));
    expect(byName('Personalausweis')).toMatchObject({
      open: false,
      reason: 'CLOSING_SOON',
      closedSince: local('2027-03-04T17:43').toISOString(),
      predictedFinishAt: local('2027-03-04T18:01').toISOString(),
    });
    // 17:46 + 5 = 17:51 even on average.
    expect(byName('Meldebescheinigung')).toMatchObject({ open: false, reason: 'CLOSING_SOON' });
    expect(byName('Meldebescheinigung').closedSince).toBe(local('2027-03-04T17:46').toISOString());
  });

  it('lets the office manager force a service open or closed for today', async () => {
    clock.current = local('2027-03-04T17:47');
    const manager = await t.officeManager();
    const idCard = serviceId(office, 'Personalausweis');
    const forbidden = await desk.request(OVERRIDE, { officeId: office.id, serviceId: idCard, override: 'OPEN' });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const opened = (await manager.ok(OVERRIDE, { officeId: office.id, serviceId: idCard, override: 'OPEN' }))
      .setWalkInOverride;
    expect(opened).toMatchObject({ __typename: 'WalkInServiceStatus', open: true, override: 'OPEN', reason: null });
    expect(await walkIn(kiosk, { services: one('Personalausweis') })).toMatchObject({ __typename: 'IssuedTicket' });
    const pickup = serviceId(office, 'Abholung');
    await manager.ok(OVERRIDE, { officeId: office.id, serviceId: pickup, override: 'CLOSED' });
    expect(await walkIn(kiosk, { services: one('Abholung') })).toMatchObject({ reason: 'MANUALLY_CLOSED' });
    const auto = (await manager.ok(OVERRIDE, { officeId: office.id, serviceId: idCard, override: null }))
      .setWalkInOverride;
    expect(auto).toMatchObject({ open: false, reason: 'CLOSING_SOON', override: null });
    // The override is for today only.
    clock.current = local('2027-03-05T08:00');
    expect(await walkIn(kiosk, { services: one('Abholung') })).toMatchObject({ __typename: 'IssuedTicket' });
  });
});

describe('ticket numbers', () => {
  it('start again every day, and the database refuses a number twice a day', async () => {
    clock.current = local('2027-03-08T07:35'); // the next Monday
    const a = await book(t.anonymous(), office.id, one('Meldebescheinigung'), local('2027-03-08T09:00'));
    const first = await walkIn(kiosk, { services: one('Meldebescheinigung') });
    expect(first.ticket.number).toBe('W001');
    clock.current = local('2027-03-08T08:45');
    expect((await checkIn(kiosk, a.checkInCode)).ticket.number).toBe('T001');
    // Across midnight: Monday 23:59 belongs to Monday, Tuesday's first walk-in is W001 again.
    clock.current = local('2027-03-09T07:31');
    expect((await walkIn(kiosk, { services: one('Meldebescheinigung') })).ticket.number).toBe('W001');
    const days = await t.sql<{ serviceDay: string; number: string }>(
      `SELECT "serviceDay"::text AS "serviceDay", number FROM ticket WHERE number = 'W001' ORDER BY "serviceDay"`,
    );
    expect(days.map((d) => d.serviceDay)).toEqual([
      '2027-03-01',
      '2027-03-04',
      '2027-03-05',
      '2027-03-08',
      '2027-03-09',
    ]);
    await expect(
      t.sql(
        `INSERT INTO ticket ("officeId", "serviceDay", number, origin, "dueAt", "arrivedAt")
         VALUES ($1, '2027-03-09', 'W001', 'KIOSK', now(), now())`,
        [office.id],
      ),
    ).rejects.toThrow(/ticket_office_day_number_unique/);
  });

  it('drops staff priority notes after the retention period (step for the retention job)', async () => {
    const { ticketRetentionStep } = await import('../src/modules/queue/store/ticket-retention.store.js');
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM ticket WHERE "priorityNote" IS NOT NULL');
    expect(before[0]?.n).toBeGreaterThan(0);
    expect(await ticketRetentionStep.run(t.app.ds, local('2027-03-01T00:00'), clock.now())).toBe(0);
    expect(await ticketRetentionStep.run(t.app.ds, local('2027-04-01T00:00'), clock.now())).toBe(before[0]?.n);
    expect(await t.sql('SELECT id FROM ticket WHERE "priorityNote" IS NOT NULL')).toEqual([]);
  });

  it('keeps the event log append-only', async () => {
    await expect(t.sql(`UPDATE ticket_event SET at = now()`)).rejects.toThrow(/append-only/);
  });
});
