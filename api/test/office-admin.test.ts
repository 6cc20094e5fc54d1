import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from './gql-client.js';
import { book, local, OFFICE, type OfficeInfo, serviceId } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (CET, UTC+1).
const clock = new TestClock(local('2027-03-01T07:00'));
let t: TestApp;
let office: OfficeInfo;
let manager: GqlClient;

const AVAILABILITY = `query($o: ID!, $s: [ServiceChoiceInput!]!, $from: String!, $to: String!) {
  availability(officeId: $o, services: $s, from: $from, to: $to) {
    __typename ... on Availability { durationMinutes days { date starts } } } }`;
const HOURS = `mutation($o: ID!, $k: HoursKind!, $w: Int!, $i: [TimeIntervalInput!]!) {
  setOpeningHours(officeId: $o, kind: $k, weekday: $w, intervals: $i) {
    __typename
    ... on WeekdayHours { officeId kind weekday intervals { opensAt closesAt } }
    ... on InvalidInput { fields { field code } }
    ... on OfficeNotAllowed { message } } }`;
const SETTINGS = `mutation($o: ID!, $input: OfficeSettingsInput!) { updateOfficeSettings(officeId: $o, input: $input) {
  __typename
  ... on OfficeSettings { slotMinutes horizonDays maxCalls holidayRegion }
  ... on InvalidInput { fields { field code } } } }`;
const ADD_CLOSURE = `mutation($o: ID!, $d: String!, $n: String) { addOfficeClosure(officeId: $o, date: $d, note: $n) {
  __typename
  ... on OfficeClosure { date note affectedAppointments }
  ... on InvalidInput { fields { field code } } } }`;
const REMOVE_CLOSURE = `mutation($o: ID!, $d: String!) { removeOfficeClosure(officeId: $o, date: $d) {
  __typename ... on OfficeClosureRemoved { date removed } } }`;

/** Free starts of one day for one identity card application, as the booking page would ask. */
async function starts(date: string): Promise<string[]> {
  const res = await t.anonymous().ok<{ availability: { days: { date: string; starts: string[] }[] } }>(AVAILABILITY, {
    o: office.id,
    s: [{ serviceId: serviceId(office, 'Personalausweis'), count: 1 }],
    from: date,
    to: date,
  });
  return res.availability.days.find((d) => d.date === date)?.starts ?? [];
}

const storedHours = (weekday: number) =>
  t.sql<{ opensAt: string; closesAt: string }>(
    `SELECT "opensAt"::text AS "opensAt", "closesAt"::text AS "closesAt" FROM opening_hours
      WHERE "officeId" = $1 AND kind = 'APPOINTMENTS' AND weekday = $2 ORDER BY "opensAt"`,
    [office.id, weekday],
  );

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000' } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  manager = await t.officeManager();
});
afterAll(() => t?.close());

describe('opening hours', () => {
  it('a manager narrows Tuesday’s appointment hours and availability follows at once', async () => {
    expect(await starts('2027-03-02')).toContain(local('2027-03-02T07:30').toISOString());
    const res = await manager.ok<{ setOpeningHours: Record<string, any> }>(HOURS, {
      o: office.id,
      k: 'APPOINTMENTS',
      w: 2,
      i: [
        { opensAt: '14:00', closesAt: '15:00' },
        { opensAt: '10:00', closesAt: '11:00' },
      ],
    });
    expect(res.setOpeningHours).toEqual({
      __typename: 'WeekdayHours',
      officeId: office.id,
      kind: 'APPOINTMENTS',
      weekday: 2,
      intervals: [
        { opensAt: '10:00', closesAt: '11:00' },
        { opensAt: '14:00', closesAt: '15:00' },
      ],
    });
    const after = await starts('2027-03-02');
    expect(after).toContain(local('2027-03-02T10:00').toISOString());
    expect(after).toContain(local('2027-03-02T14:00').toISOString());
    expect(after).not.toContain(local('2027-03-02T07:30').toISOString());
    for (const s of after) {
      const t0 = new Date(s).getTime();
      const inMorning = t0 >= local('2027-03-02T10:00').getTime() && t0 < local('2027-03-02T11:00').getTime();
      const inAfternoon = t0 >= local('2027-03-02T14:00').getTime() && t0 < local('2027-03-02T15:00').getTime();
      expect(inMorning || inAfternoon, s).toBe(true);
    }
    // Other weekdays keep their hours.
    expect(await starts('2027-03-03')).toContain(local('2027-03-03T07:30').toISOString());
  });

  it('refuses overlapping, inverted and badly written intervals with field errors, changing nothing', async () => {
    const before = await storedHours(2);
    const beforeStarts = await starts('2027-03-02');
    const attempt = async (w: number, i: { opensAt: string; closesAt: string }[]) =>
      (await manager.ok<{ setOpeningHours: Record<string, any> }>(HOURS, { o: office.id, k: 'APPOINTMENTS', w, i }))
        .setOpeningHours;
    expect(
      await attempt(2, [
        { opensAt: '08:00', closesAt: '12:00' },
        { opensAt: '11:00', closesAt: '13:00' },
      ]),
    ).toEqual({ __typename: 'InvalidInput', fields: [{ field: 'intervals.1', code: 'OVERLAP' }] });
    expect(
      await attempt(2, [
        { opensAt: '08:00', closesAt: '09:00' },
        { opensAt: '12:00', closesAt: '10:00' },
        { opensAt: '13:00', closesAt: '13:00' },
        { opensAt: '1pm', closesAt: '14:00' },
      ]),
    ).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'intervals.1.closesAt', code: 'INVERTED_INTERVAL' },
        { field: 'intervals.2.closesAt', code: 'EMPTY_INTERVAL' },
        { field: 'intervals.3.opensAt', code: 'BAD_TIME' },
      ],
    });
    expect(await attempt(8, [])).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'weekday', code: 'OUT_OF_RANGE' }],
    });
    expect(await storedHours(2)).toEqual(before);
    expect(await starts('2027-03-02')).toEqual(beforeStarts);
  });

  it('refuses a clerk with FORBIDDEN and stores nothing', async () => {
    const before = await storedHours(5);
    const clerk = await t.clerk();
    const res = await clerk.request(HOURS, { o: office.id, k: 'APPOINTMENTS', w: 5, i: [] });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.setOpeningHours ?? null).toBeNull();
    expect(await storedHours(5)).toEqual(before);
  });
});

describe('office settings', () => {
  it('changes the slot grid for new bookings at once and refuses values out of range', async () => {
    const res = await manager.ok<{ updateOfficeSettings: Record<string, any> }>(SETTINGS, {
      o: office.id,
      input: { slotMinutes: 30, holidayRegion: 'by' },
    });
    expect(res.updateOfficeSettings).toMatchObject({
      __typename: 'OfficeSettings',
      slotMinutes: 30,
      holidayRegion: 'BY',
    });
    const grid = await starts('2027-03-03');
    expect(grid.length).toBeGreaterThan(0);
    for (const s of grid) expect(new Date(s).getUTCMinutes() % 30).toBe(0);

    const bad = await manager.ok<{ updateOfficeSettings: Record<string, any> }>(SETTINGS, {
      o: office.id,
      input: { slotMinutes: 5, maxCalls: 0, horizonDays: 1000, holidayRegion: 'XX' },
    });
    expect(bad.updateOfficeSettings).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'horizonDays', code: 'OUT_OF_RANGE' },
        { field: 'maxCalls', code: 'OUT_OF_RANGE' },
        { field: 'holidayRegion', code: 'UNKNOWN_REGION' },
      ],
    });
    const [stored] = await t.sql<{ slotMinutes: number; maxCalls: number }>(
      'SELECT "slotMinutes", "maxCalls" FROM office WHERE id = $1',
      [office.id],
    );
    expect(stored).toEqual({ slotMinutes: 30, maxCalls: 3 });
    await manager.ok(SETTINGS, { o: office.id, input: { slotMinutes: 5, holidayRegion: 'BW' } });
  });
});

describe('closures', () => {
  it('a closure on a day with a booking reports it, keeps it booked, and the day is closed for booking', async () => {
    const day = '2027-03-04';
    const appointment = await book(
      t.anonymous(),
      office.id,
      [{ serviceId: serviceId(office, 'Personalausweis'), count: 1 }],
      local(`${day}T09:00`),
    );
    expect((await starts(day)).length).toBeGreaterThan(0);

    const res = await manager.ok<{ addOfficeClosure: Record<string, any> }>(ADD_CLOSURE, {
      o: office.id,
      d: day,
      n: ' Betriebsausflug ',
    });
    expect(res.addOfficeClosure).toEqual({
      __typename: 'OfficeClosure',
      date: day,
      note: 'Betriebsausflug',
      affectedAppointments: 1,
    });
    expect(await starts(day)).toEqual([]);
    const [kept] = await t.sql<{ status: string }>('SELECT status FROM appointment WHERE id = $1', [appointment.id]);
    expect(kept?.status).toBe('BOOKED');

    const removed = await manager.ok<{ removeOfficeClosure: Record<string, any> }>(REMOVE_CLOSURE, {
      o: office.id,
      d: day,
    });
    expect(removed.removeOfficeClosure).toEqual({ __typename: 'OfficeClosureRemoved', date: day, removed: true });
    expect((await starts(day)).length).toBeGreaterThan(0);
  });

  it('a closure on a day without bookings counts none; past and malformed days are refused', async () => {
    const add = async (d: string) =>
      (await manager.ok<{ addOfficeClosure: Record<string, any> }>(ADD_CLOSURE, { o: office.id, d })).addOfficeClosure;
    expect(await add('2027-03-10')).toMatchObject({ __typename: 'OfficeClosure', affectedAppointments: 0, note: '' });
    expect(await add('2027-02-26')).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'date', code: 'IN_THE_PAST' }],
    });
    expect(await add('2027-02-30')).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'date', code: 'BAD_DATE' }],
    });
    const closures = await t.sql<{ date: string }>(
      `SELECT date::text AS date FROM office_closure WHERE "officeId" = $1 ORDER BY date`,
      [office.id],
    );
    expect(closures.map((c) => c.date)).toEqual(['2027-03-10']);
  });
});
