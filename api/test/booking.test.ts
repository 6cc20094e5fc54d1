import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GqlClient } from './gql-client.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim. Tuesday 2 March 09:00 local is 08:00Z.
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
let t: TestApp;
let office: {
  id: string;
  services: { id: string; name: string; requiredDocuments: { documentId: string; uploadable: boolean }[] }[];
};
let citizenship: typeof office;
const serviceId = (o: typeof office, name: string) => {
  const s = o.services.find((x) => x.name.startsWith(name));
  if (!s) throw new Error(`no service ${name}`);
  return s.id;
};

const OFFICE = `query($slug: String!) { office(slug: $slug) { id services { id name requiredDocuments { documentId uploadable } } } }`;
const BOOK = `mutation($input: BookAppointmentInput!) {
  bookAppointment(input: $input) {
    __typename
    ... on BookingConfirmed { manageToken appointment { id reference status startsAt endsAt checkInCode channel email
      services { name count durationMinutes } documents { name uploadable uploads { fileName } } } }
    ... on InvalidInput { fields { field code } }
    ... on SlotUnavailable { alternatives }
    ... on LimitReached { limit retryAfterSeconds }
  }
}`;
const AVAILABILITY = `query($officeId: ID!, $services: [ServiceChoiceInput!]!, $from: String!, $to: String!) {
  availability(officeId: $officeId, services: $services, from: $from, to: $to) {
    __typename
    ... on Availability { durationMinutes days { date starts } }
    ... on InvalidInput { fields { field code } }
  }
}`;

let emailCounter = 0;
function input(overrides: Record<string, unknown> = {}) {
  emailCounter += 1;
  return {
    officeId: office.id,
    services: [{ serviceId: serviceId(office, 'Personalausweis'), count: 1 }],
    start: '2027-03-02T08:00:00.000Z',
    name: 'Erika Mustermann',
    email: `erika${emailCounter}@example.de`,
    language: 'de',
    privacyConsent: true,
    ...overrides,
  };
}

const book = (client: GqlClient, overrides: Record<string, unknown> = {}) =>
  client.ok<{ bookAppointment: Record<string, any> }>(BOOK, { input: input(overrides) }).then((d) => d.bookAppointment);

const countAppointments = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM appointment'))[0]?.n;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000' } });
  office = (await t.anonymous().ok<{ office: typeof office }>(OFFICE, { slug: 'buergercentrum' })).office;
  citizenship = (await t.anonymous().ok<{ office: typeof office }>(OFFICE, { slug: 'staatsangehoerigkeit' })).office;
});
afterAll(() => t?.close());

describe('availability', () => {
  it('offers the opening hours on the slot grid, from the lead time on, without holidays', async () => {
    const res = await t.anonymous().ok(AVAILABILITY, {
      officeId: office.id,
      services: [{ serviceId: serviceId(office, 'Personalausweis'), count: 2 }],
      from: '2027-03-01',
      to: '2027-03-07',
    });
    const { durationMinutes, days } = res.availability;
    expect(durationMinutes).toBe(30);
    // Monday from 08:00 (lead time 60 min after 07:00), Tuesday, Wednesday, Thursday, Friday; no weekend.
    expect(days.map((d: { date: string }) => d.date)).toEqual([
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
      '2027-03-04',
      '2027-03-05',
    ]);
    const monday = days[0].starts as string[];
    expect(monday[0]).toBe('2027-03-01T07:00:00.000Z'); // 08:00 local
    expect(monday).not.toContain('2027-03-01T11:05:00.000Z'); // 12:05 + 30 min would cross the 12:30 break
    expect(monday).toContain('2027-03-01T11:00:00.000Z');
    expect(monday).toContain('2027-03-01T12:30:00.000Z'); // 13:30 after the break
    expect(monday.at(-1)).toBe('2027-03-01T14:00:00.000Z'); // 15:00 + 30 = closing at 15:30
  });

  it('is closed on Good Friday and Easter Monday (Baden-Württemberg holidays)', async () => {
    const res = await t.anonymous().ok(AVAILABILITY, {
      officeId: office.id,
      services: [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }],
      from: '2027-03-25',
      to: '2027-03-30',
    });
    expect(res.availability.days.map((d: { date: string }) => d.date)).toEqual(['2027-03-25', '2027-03-30']);
  });

  it('answers bad input with field errors', async () => {
    const res = await t.anonymous().ok(AVAILABILITY, {
      officeId: office.id,
      services: [
        { serviceId: serviceId(office, 'Abholung'), count: 1 },
        { serviceId: serviceId(citizenship, 'Einbürgerung'), count: 1 },
        { serviceId: serviceId(office, 'Reisepass'), count: 99 },
      ],
      from: '2027-3-1',
      to: '2027-03-07',
    });
    expect(res.availability.__typename).toBe('InvalidInput');
    expect(res.availability.fields).toEqual([
      { field: 'services.0', code: 'NOT_BOOKABLE' },
      { field: 'services.1', code: 'UNKNOWN_SERVICE' },
      { field: 'services.2.count', code: 'COUNT_OUT_OF_RANGE' },
      { field: 'from', code: 'INVALID' },
    ]);
    const unknown = await t.anonymous().ok(AVAILABILITY, {
      officeId: '00000000-0000-4000-8000-000000000000',
      services: [],
      from: '2027-03-01',
      to: '2027-03-02',
    });
    expect(unknown.availability.fields).toEqual([{ field: 'officeId', code: 'UNKNOWN_OFFICE' }]);
  });
});

describe('booking', () => {
  it('books, shows the appointment by its manage token, and the time is taken for others', async () => {
    const before = await t.anonymous().ok(AVAILABILITY, {
      officeId: citizenship.id,
      services: [{ serviceId: serviceId(citizenship, 'Einbürgerung'), count: 1 }],
      from: '2027-03-02',
      to: '2027-03-02',
    });
    expect(before.availability.days[0].starts).toContain('2027-03-02T08:00:00.000Z');
    const results = [];
    for (let i = 0; i < 2; i++) {
      results.push(
        await book(t.anonymous(), {
          officeId: citizenship.id,
          services: [{ serviceId: serviceId(citizenship, 'Einbürgerung'), count: 1 }],
        }),
      );
    }
    for (const r of results) expect(r.__typename).toBe('BookingConfirmed');
    const confirmed = results[0] as Record<string, any>;
    expect(confirmed.appointment).toMatchObject({
      status: 'BOOKED',
      startsAt: '2027-03-02T08:00:00.000Z',
      endsAt: '2027-03-02T08:45:00.000Z',
      channel: 'WEB',
      services: [{ name: 'Einbürgerungsantrag stellen', count: 1, durationMinutes: 45 }],
    });
    expect(confirmed.appointment.reference).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(confirmed.appointment.checkInCode).toMatch(/^BC1-[A-Z2-7]{26}$/);
    expect(confirmed.manageToken).toMatch(/^bcm_[\w-]{43}$/);
    expect(confirmed.appointment.documents.map((d: { name: string }) => d.name)).toContain('Antrag auf Einbürgerung');

    // Both counters of the office are now taken at 09:00 (and until 09:45).
    const after = await t.anonymous().ok(AVAILABILITY, {
      officeId: citizenship.id,
      services: [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }],
      from: '2027-03-02',
      to: '2027-03-02',
    });
    const starts = after.availability.days[0].starts as string[];
    expect(starts).not.toContain('2027-03-02T08:00:00.000Z');
    expect(starts).not.toContain('2027-03-02T08:40:00.000Z');
    expect(starts).toContain('2027-03-02T08:45:00.000Z');
    expect(starts).toContain('2027-03-02T07:30:00.000Z'); // 08:30–09:00 still fits before

    const third = await book(t.anonymous(), {
      officeId: citizenship.id,
      services: [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }],
    });
    expect(third.__typename).toBe('SlotUnavailable');
    // Nearest to 09:00 local: 08:30 (ends as the taken time begins), 08:25, 08:20; 09:45 is further away.
    expect(third.alternatives).toEqual([
      '2027-03-02T07:20:00.000Z',
      '2027-03-02T07:25:00.000Z',
      '2027-03-02T07:30:00.000Z',
    ]);

    const byToken = await t
      .anonymous()
      .ok(
        `query($t: String!) { appointmentByToken(token: $t) { __typename ... on Appointment { reference office { name } calendar checkInQrSvg } } }`,
        { t: confirmed.manageToken },
      );
    expect(byToken.appointmentByToken.reference).toBe(confirmed.appointment.reference);
    expect(byToken.appointmentByToken.office.name).toBe('Staatsangehörigkeitswesen');
    expect(byToken.appointmentByToken.checkInQrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const ics: string = byToken.appointmentByToken.calendar;
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20270302T080000Z'); // 09:00 in Pforzheim
    expect(ics).toContain('DTEND:20270302T084500Z');
    expect(ics).toContain(confirmed.appointment.reference);
  });

  it('stores the name exactly as typed, quotes and backslashes included', async () => {
    const name = `Zoë O'Hara-\\Brandt "Jr."; DROP TABLE appointment; --`;
    const r = await book(t.anonymous(), { start: '2027-03-03T09:00:00.000Z', name });
    expect(r.__typename).toBe('BookingConfirmed');
    const [row] = await t.sql<{ citizenName: string; services: number; mails: number }>(
      `SELECT "citizenName",
              (SELECT count(*)::int FROM appointment_service s WHERE s."appointmentId" = a.id) AS services,
              (SELECT count(*)::int FROM mail_message m WHERE m."appointmentId" = a.id) AS mails
         FROM appointment a WHERE reference = $1`,
      [r.appointment.reference],
    );
    expect(row).toEqual({ citizenName: name, services: 1, mails: 3 });
  });

  it('refuses bad input with per-field errors and stores nothing', async () => {
    const before = await countAppointments();
    const res = await book(t.anonymous(), {
      name: ' ',
      email: 'not-an-address',
      phone: 'call me',
      language: 'fr',
      privacyConsent: false,
      services: [{ serviceId: 'nope', count: 1 }],
    });
    expect(res.__typename).toBe('InvalidInput');
    expect(res.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'name:REQUIRED',
      'email:INVALID',
      'phone:INVALID',
      'language:INVALID',
      'privacyConsent:REQUIRED',
      'services.0:UNKNOWN_SERVICE',
    ]);
    for (const [start, code] of [
      ['2027-03-01T08:03:00.000Z', 'OFF_GRID'],
      ['2027-03-01T17:00:00.000Z', 'OUTSIDE_HOURS'],
      ['2027-03-06T09:00:00.000Z', 'CLOSED'],
      ['2027-03-26T08:00:00.000Z', 'CLOSED'],
      ['2027-06-01T08:00:00.000Z', 'BEYOND_HORIZON'],
    ]) {
      const r = await book(t.anonymous(), { start });
      expect(r.fields, start).toEqual([{ field: 'start', code }]);
    }
    expect(await countAppointments()).toBe(before);
  });

  it('refuses a start that has gone (PAST) or is now too soon (TOO_SOON) as InvalidInput on start, booking and moving', async () => {
    const PAST = '2027-02-26T08:00:00.000Z';
    const TOO_SOON = '2027-03-01T06:30:00.000Z'; // 07:30 local, half an hour after "now"; 08:00 local is the first
    const refusal = (code: string, message: string) => ({
      __typename: 'InvalidInput',
      fields: [{ field: 'start', code, message }],
    });
    const past = refusal('PAST', 'This time is in the past.');
    const tooSoon = refusal('TOO_SOON', 'This time is too soon; choose a later one.');
    const BOOK_REFUSAL = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {
      __typename ... on InvalidInput { fields { field code message } } } }`;
    const before = await countAppointments();
    for (const [start, expected] of [
      [PAST, past],
      [TOO_SOON, tooSoon],
    ] as const) {
      const r = await t.anonymous().ok(BOOK_REFUSAL, { input: input({ start }) });
      expect(r.bookAppointment, start).toEqual(expected);
    }
    expect(await countAppointments()).toBe(before);

    const a = await book(t.anonymous(), { start: '2027-03-02T09:00:00.000Z' });
    expect(a.__typename).toBe('BookingConfirmed');
    const MOVE = `mutation($t: String!, $s: DateTimeISO!) { rescheduleAppointment(token: $t, start: $s) {
      __typename ... on InvalidInput { fields { field code message } } } }`;
    for (const [start, expected] of [
      [PAST, past],
      [TOO_SOON, tooSoon],
    ] as const) {
      const r = await t.anonymous().ok(MOVE, { t: a.manageToken, s: start });
      expect(r.rescheduleAppointment, start).toEqual(expected);
    }
    const [row] = await t.sql<{ startsAt: Date; calendarSequence: number }>(
      'SELECT "startsAt", "calendarSequence" FROM appointment WHERE id = $1',
      [a.appointment.id],
    );
    expect([row?.startsAt.toISOString(), row?.calendarSequence]).toEqual(['2027-03-02T09:00:00.000Z', 0]);
  });

  it('limits upcoming appointments per email address', async () => {
    const email = 'Max.Muster@Example.de';
    const first = await book(t.anonymous(), { email, start: '2027-03-03T08:00:00.000Z' });
    const second = await book(t.anonymous(), { email: 'max.muster@example.de', start: '2027-03-03T09:00:00.000Z' });
    const third = await book(t.anonymous(), { email, start: '2027-03-03T10:00:00.000Z' });
    expect([first.__typename, second.__typename]).toEqual(['BookingConfirmed', 'BookingConfirmed']);
    expect(first.appointment.email).toBe('max.muster@example.de');
    expect(third).toEqual({ __typename: 'LimitReached', limit: 'ACTIVE_PER_EMAIL', retryAfterSeconds: null });
    // Cancelling one frees a place.
    const cancelled = await t.anonymous().ok(`mutation($t: String!) { cancelAppointment(token: $t) { __typename } }`, {
      t: first.manageToken,
    });
    expect(cancelled.cancelAppointment.__typename).toBe('Appointment');
    expect((await book(t.anonymous(), { email, start: '2027-03-03T10:00:00.000Z' })).__typename).toBe(
      'BookingConfirmed',
    );
  });

  it('holds the per-address limit when bookings of one address race', async () => {
    const starts = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2027, 2, 9, 8, 15 * i)).toISOString());
    const attempts = await Promise.all(starts.map((start) => book(t.anonymous(), { email: 'race@example.de', start })));
    const kinds = attempts.map((a) => a.__typename);
    expect(kinds.filter((k) => k === 'BookingConfirmed')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'LimitReached')).toHaveLength(8);
  });

  it('records the channel: web, portal name, information desk', async () => {
    const web = await book(t.anonymous());
    const portal = await book(t.portal());
    const desk = await book(await t.infoDesk());
    expect([web.appointment.channel, portal.appointment.channel, desk.appointment.channel]).toEqual([
      'WEB',
      'PORTAL',
      'INFO_DESK',
    ]);
    const rows = await t.sql<{ channelName: string | null }>(
      'SELECT "channelName" FROM appointment WHERE id = ANY($1::uuid[]) ORDER BY "createdAt"',
      [[web.appointment.id, portal.appointment.id, desk.appointment.id]],
    );
    expect(rows.map((r) => r.channelName)).toEqual([null, 'Serviceportal Test', 'info']);
  });

  it('never double-books: 50 parallel attempts on one slot get exactly the free counters', async () => {
    const start = '2027-03-04T14:00:00.000Z'; // Thursday 15:00
    const attempts = await Promise.all(Array.from({ length: 50 }, () => book(t.anonymous(), { start })));
    const kinds = attempts.map((a) => a.__typename);
    // Eight counters handle identity cards.
    expect(kinds.filter((k) => k === 'BookingConfirmed')).toHaveLength(8);
    expect(kinds.filter((k) => k === 'SlotUnavailable')).toHaveLength(42);
    const overlaps = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointment a JOIN appointment b ON a.id < b.id AND a."counterId" = b."counterId"
        WHERE a.status = 'BOOKED' AND b.status = 'BOOKED' AND tstzrange(a."startsAt", a."endsAt") && tstzrange(b."startsAt", b."endsAt")`,
    );
    expect(overlaps[0]?.n).toBe(0);
  });

  it('races on overlapping times end without errors: each attempt is booked, or its time is really full', async () => {
    // Thursday 11 March, 13:00–15:00 local: 24 starts 5 minutes apart, four attempts each, all at once. Bookings of
    // neighbouring starts overlap and so compete for the same counters from different times.
    const starts = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2027, 2, 11, 12, 5 * i)).toISOString());
    const attempts = await Promise.all(
      starts.flatMap((start) => Array.from({ length: 4 }, () => book(t.anonymous(), { start }))),
    );
    expect(new Set(attempts.map((a) => a.__typename))).toEqual(new Set(['BookingConfirmed', 'SlotUnavailable']));
    const overlaps = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointment a JOIN appointment b ON a.id < b.id AND a."counterId" = b."counterId"
        WHERE a.status = 'BOOKED' AND b.status = 'BOOKED' AND tstzrange(a."startsAt", a."endsAt") && tstzrange(b."startsAt", b."endsAt")`,
    );
    expect(overlaps[0]?.n).toBe(0);
    // A refused start is not offered afterwards either: it was refused because it was full, not by accident.
    const refused = new Set(
      attempts.flatMap((a, i) => (a.__typename === 'SlotUnavailable' ? [starts[Math.floor(i / 4)]] : [])),
    );
    const { availability } = await t.anonymous().ok<{ availability: { days: { starts: string[] }[] } }>(AVAILABILITY, {
      officeId: office.id,
      services: [{ serviceId: serviceId(office, 'Personalausweis'), count: 1 }],
      from: '2027-03-11',
      to: '2027-03-11',
    });
    const offered = new Set(availability.days.flatMap((d) => d.starts));
    expect(refused.size).toBeGreaterThan(0);
    expect([...refused].filter((s) => offered.has(s as string))).toEqual([]);
  });

  it('the database itself refuses an overlapping booking on one counter', async () => {
    const [row] = await t.sql<{ id: string; counterId: string; startsAt: Date; endsAt: Date }>(
      `SELECT id, "counterId", "startsAt", "endsAt" FROM appointment WHERE status = 'BOOKED' LIMIT 1`,
    );
    await expect(
      t.sql(
        `INSERT INTO appointment ("officeId", "counterId", reference, "manageTokenHash", "checkInCode", "startsAt", "endsAt",
           "citizenName", email, channel, "consentAt")
         SELECT "officeId", "counterId", 'ZZZZ-ZZZZ', 'x', 'y', "startsAt", "endsAt", 'X', 'x@example.de', 'WEB', now()
           FROM appointment WHERE id = $1`,
        [row?.id],
      ),
    ).rejects.toThrow(/appointment_counter_no_overlap/);
  });

  it('the database refuses an appointment longer than a day (reads of booked times rely on it)', async () => {
    await expect(
      t.sql(
        `INSERT INTO appointment ("officeId", "counterId", reference, "manageTokenHash", "checkInCode", "startsAt", "endsAt",
           "citizenName", email, channel, "consentAt")
         SELECT $1, id, 'ZZZZ-ZZZY', 'x2', 'y2', '2027-05-03T06:00:00Z', '2027-05-04T07:00:01Z', 'X', 'x@example.de', 'WEB', now()
           FROM counter WHERE "officeId" = $1 LIMIT 1`,
        [office.id],
      ),
    ).rejects.toThrow(/appointment_within_a_day/);
  });
});

describe('manage link', () => {
  it('reschedules atomically, frees the old time at once, and refuses a taken time', async () => {
    const svc = [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }];
    const a = await book(t.anonymous(), { officeId: citizenship.id, services: svc, start: '2027-03-05T08:00:00.000Z' });
    const b = await book(t.anonymous(), { officeId: citizenship.id, services: svc, start: '2027-03-05T08:00:00.000Z' });
    const c = await book(t.anonymous(), { officeId: citizenship.id, services: svc, start: '2027-03-05T09:00:00.000Z' });
    expect([a, b, c].map((x) => x.__typename)).toEqual(['BookingConfirmed', 'BookingConfirmed', 'BookingConfirmed']);
    const RESCHEDULE = `mutation($t: String!, $s: DateTimeISO!) { rescheduleAppointment(token: $t, start: $s) {
      __typename ... on Appointment { startsAt endsAt } ... on SlotUnavailable { alternatives } ... on InvalidInput { fields { code } } } }`;
    // c moves to 09:00 local (08:00Z) where both counters are taken → refused, c keeps its time.
    const refused = await t.anonymous().ok(RESCHEDULE, { t: c.manageToken, s: '2027-03-05T08:00:00.000Z' });
    expect(refused.rescheduleAppointment.__typename).toBe('SlotUnavailable');
    const cRow = await t.sql<{ startsAt: Date }>('SELECT "startsAt" FROM appointment WHERE id = $1', [
      c.appointment.id,
    ]);
    expect(cRow[0]?.startsAt.toISOString()).toBe('2027-03-05T09:00:00.000Z');
    // a moves away; its old time is bookable at once and c can take it.
    const moved = await t.anonymous().ok(RESCHEDULE, { t: a.manageToken, s: '2027-03-05T10:00:00.000Z' });
    expect(moved.rescheduleAppointment).toEqual({
      __typename: 'Appointment',
      startsAt: '2027-03-05T10:00:00.000Z',
      endsAt: '2027-03-05T10:30:00.000Z',
    });
    const taken = await t.anonymous().ok(RESCHEDULE, { t: c.manageToken, s: '2027-03-05T08:00:00.000Z' });
    expect(taken.rescheduleAppointment.startsAt).toBe('2027-03-05T08:00:00.000Z');
    const bad = await t.anonymous().ok(RESCHEDULE, { t: c.manageToken, s: '2027-03-05T08:01:00.000Z' });
    expect(bad.rescheduleAppointment).toEqual({ __typename: 'InvalidInput', fields: [{ code: 'OFF_GRID' }] });
  });

  it('cancels once; a second cancel, a guessed token and a started appointment are typed refusals', async () => {
    const a = await book(t.anonymous(), { start: '2027-03-01T09:00:00.000Z' });
    const CANCEL = `mutation($t: String!) { cancelAppointment(token: $t) { __typename
      ... on Appointment { status cancelledAt } ... on AppointmentNotChangeable { reason } } }`;
    const first = await t.anonymous().ok(CANCEL, { t: a.manageToken });
    expect(first.cancelAppointment).toMatchObject({ __typename: 'Appointment', status: 'CANCELLED' });
    const second = await t.anonymous().ok(CANCEL, { t: a.manageToken });
    expect(second.cancelAppointment).toEqual({ __typename: 'AppointmentNotChangeable', reason: 'CANCELLED' });
    for (const guess of ['bcm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'x', '']) {
      const r = await t.anonymous().ok(CANCEL, { t: guess });
      expect(r.cancelAppointment.__typename).toBe('AppointmentNotFound');
    }
    const b = await book(t.anonymous(), { start: '2027-03-01T09:00:00.000Z' });
    clock.advance(3 * 3600_000); // now 10:00 local, the appointment began at 10:00
    try {
      const late = await t.anonymous().ok(CANCEL, { t: b.manageToken });
      expect(late.cancelAppointment).toEqual({ __typename: 'AppointmentNotChangeable', reason: 'STARTED' });
    } finally {
      clock.advance(-3 * 3600_000);
    }
  });
});

describe('moving an appointment', () => {
  it("offers the appointment's own time as free when asked with its manage token, and says it can be changed", async () => {
    const svc = [{ serviceId: serviceId(citizenship, 'Beratung'), count: 1 }];
    const start = '2027-03-08T07:00:00.000Z';
    const a = await book(t.anonymous(), { officeId: citizenship.id, services: svc, start });
    const b = await book(t.anonymous(), { officeId: citizenship.id, services: svc, start });
    expect([a.__typename, b.__typename]).toEqual(['BookingConfirmed', 'BookingConfirmed']);
    const query = `query($o: ID!, $s: [ServiceChoiceInput!]!, $t: String) {
      availability(officeId: $o, services: $s, from: "2027-03-08", to: "2027-03-08", exceptManageToken: $t) {
        ... on Availability { days { starts } } } }`;
    const plain = await t.anonymous().ok(query, { o: citizenship.id, s: svc, t: null });
    expect(plain.availability.days[0].starts).not.toContain(start);
    const except = await t.anonymous().ok(query, { o: citizenship.id, s: svc, t: a.manageToken });
    expect(except.availability.days[0].starts).toContain(start);
    const guessed = await t.anonymous().ok(query, { o: citizenship.id, s: svc, t: 'bcm_guess' });
    expect(guessed.availability.days[0].starts).not.toContain(start);
    const view = await t
      .anonymous()
      .ok(`query($t: String!) { appointmentByToken(token: $t) { ... on Appointment { changeable } } }`, {
        t: a.manageToken,
      });
    expect(view.appointmentByToken.changeable).toBe(true);
  });
});

describe('rate limit per address', () => {
  it('holds in PostgreSQL, so two api processes count the same attempts', async () => {
    const limited = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '2' } });
    const other = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '2' }, sharing: limited });
    try {
      const first = await limited.anonymous().ok<{ office: typeof office }>(OFFICE, { slug: 'buergercentrum' });
      const svc = first.office.services.find((s) => s.name.startsWith('Meldebescheinigung'))?.id;
      const attempt = (i: number) =>
        (i % 2 ? limited : other)
          .anonymous()
          .ok(BOOK, {
            input: {
              ...input({ officeId: first.office.id, services: [{ serviceId: svc, count: 1 }] }),
              email: `r${i}@example.de`,
            },
          })
          .then((d) => d.bookAppointment);
      expect((await attempt(1)).__typename).toBe('BookingConfirmed');
      expect((await attempt(2)).__typename).toBe('BookingConfirmed');
      const third = await attempt(3);
      expect(third.__typename).toBe('LimitReached');
      expect(third.limit).toBe('RATE');
      expect(third.retryAfterSeconds).toBeGreaterThan(3000);
      const stored = await limited.sql<{ n: number }>('SELECT count(*)::int AS n FROM appointment');
      expect(stored[0]?.n).toBe(2);
    } finally {
      await other.close();
      await limited.close();
    }
  });
});

describe('portal API keys', () => {
  it('are limited per key and refused at once when revoked', async () => {
    const app = await createTestApp({ clock, env: { PORTAL_REQUESTS_PER_MINUTE: '3' } });
    try {
      const portal = app.portal();
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const res = await portal.request('{ offices { slug } }');
        statuses.push(res.errors?.[0]?.extensions?.code ?? 'OK');
      }
      expect(statuses).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
      const limited = await portal.request('{ offices { slug } }');
      expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      // Another key has its own budget; anonymous callers are not counted.
      const other = await app.app.services.credentials.createApiKey('Zweites Portal');
      expect((await new GqlClient(app.baseUrl, other.key).request('{ offices { slug } }')).errors).toBeUndefined();
      expect((await app.anonymous().request('{ offices { slug } }')).errors).toBeUndefined();
      await app.app.services.credentials.revokeApiKey(other.id);
      const revoked = await new GqlClient(app.baseUrl, other.key).request('{ offices { slug } }');
      expect(revoked.status).toBe(401);
      expect(revoked.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await app.close();
    }
  });
});

describe('uploads in a booking', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const registration = () =>
    office.services.find((s) => s.name.startsWith('Anmeldung')) as (typeof office.services)[number];
  const landlordDoc = () => registration().requiredDocuments.find((d) => d.uploadable)?.documentId as string;
  const upload = async (documentId: string) => {
    const res = await t.app.services.uploads.accept({ documentId, fileName: 'wgb.pdf', data: pdf, clientKey: 'test' });
    if (!res.ok) throw new Error(res.message);
    return res.upload.id;
  };
  const withUploads = (uploadIds: string[], start = '2027-03-04T09:00:00.000Z') =>
    book(t.anonymous(), { services: [{ serviceId: registration().id, count: 1 }], start, uploadIds });

  it('attaches uploads and shows them on the document they belong to', async () => {
    const id = await upload(landlordDoc());
    const res = await withUploads([id]);
    expect(res.fields).toBeUndefined();
    expect(res.__typename).toBe('BookingConfirmed');
    const doc = res.appointment.documents.find((d: { uploadable: boolean }) => d.uploadable);
    expect(doc.uploads).toEqual([{ fileName: 'wgb.pdf' }]);
    const [row] = await t.sql<{ appointmentId: string }>('SELECT "appointmentId" FROM upload WHERE id = $1', [id]);
    expect(row?.appointmentId).toBe(res.appointment.id);
  });

  it("refuses unknown ids, another booking's upload, documents the services do not ask for, and too many files", async () => {
    const before = await countAppointments();
    const taken = await upload(landlordDoc());
    expect((await withUploads([taken])).__typename).toBe('BookingConfirmed');
    const after = await countAppointments();

    const unknown = await withUploads(['00000000-0000-4000-8000-000000000000', 'not-a-uuid']);
    expect(unknown.fields).toEqual([
      { field: 'uploadIds.0', code: 'UNKNOWN_UPLOAD' },
      { field: 'uploadIds.1', code: 'UNKNOWN_UPLOAD' },
    ]);
    const reused = await withUploads([taken]);
    expect(reused.fields).toEqual([{ field: 'uploadIds.0', code: 'UNKNOWN_UPLOAD' }]);

    // An eye test certificate belongs to the driving licence, not to the registration of residence.
    const licence = office.services.find((s) => s.name.startsWith('Führerschein'));
    const eyeTest = licence?.requiredDocuments.find((d) => d.uploadable)?.documentId as string;
    const foreign = await withUploads([await upload(eyeTest)]);
    expect(foreign.fields).toEqual([{ field: 'uploadIds.0', code: 'NOT_REQUESTED' }]);

    const six = await Promise.all(Array.from({ length: 6 }, () => upload(landlordDoc())));
    expect((await withUploads(six)).fields).toEqual([{ field: 'uploadIds', code: 'TOO_MANY' }]);
    const twice = await upload(landlordDoc());
    expect((await withUploads([twice, twice])).fields).toEqual([{ field: 'uploadIds.1', code: 'DUPLICATE' }]);

    expect(await countAppointments()).toBe(after);
    expect(after).toBe((before ?? 0) + 1);
    const unattached = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM upload WHERE "appointmentId" IS NULL',
    );
    expect(unattached[0]?.n).toBe(1 + 6 + 1); // eye test, the six, the twice-given one
  });
});
