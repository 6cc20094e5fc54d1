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

const ADMINISTRATION = `query($o: ID!) { officeAdministration(officeId: $o) {
  __typename
  ... on OfficeAdministration {
    officeId today
    details { name slug enabled street postalCode city timeZone notice }
    settings { slotMinutes maxCalls closingBufferMinutes holidayRegion }
    openingHours { weekday kind intervals { opensAt closesAt } }
    appointmentHours { weekday kind intervals { opensAt closesAt } }
    closures { date note affectedAppointments } }
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message } } }`;
const DETAILS = `mutation($o: ID!, $input: OfficeDetailsInput!) { updateOfficeDetails(officeId: $o, input: $input) {
  __typename
  ... on OfficeDetails { name street postalCode city timeZone notice }
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message } } }`;

const otherOffice = async () =>
  (await t.sql<{ id: string }>(`SELECT id FROM office WHERE slug = 'zulassungsstelle'`))[0] as { id: string };
const storedDetails = async (id: string) =>
  (
    await t.sql('SELECT name, street, "postalCode", city, "timeZone", notice, "updatedAt" FROM office WHERE id = $1', [
      id,
    ])
  )[0];

describe('office administration view', () => {
  it('shows details, settings, hours of every weekday and the coming closures with their bookings', async () => {
    const day = '2027-03-11';
    await book(
      t.anonymous(),
      office.id,
      [{ serviceId: serviceId(office, 'Personalausweis'), count: 1 }],
      local(`${day}T10:00`),
    );
    await manager.ok(ADD_CLOSURE, { o: office.id, d: day, n: 'Personalversammlung' });
    // A closure in the past is not shown (stored directly: the api refuses to add one).
    await t.sql(`INSERT INTO office_closure ("officeId", date, reason) VALUES ($1, '2027-02-15', 'alt')`, [office.id]);

    const res = await manager.ok<{ officeAdministration: Record<string, any> }>(ADMINISTRATION, { o: office.id });
    const view = res.officeAdministration;
    expect(view.__typename).toBe('OfficeAdministration');
    expect(view.today).toBe('2027-03-01');
    expect(view.details).toMatchObject({ slug: 'buergercentrum', enabled: true, timeZone: 'Europe/Berlin' });
    expect(view.settings).toMatchObject({ slotMinutes: 5, holidayRegion: 'BW' });
    expect(view.openingHours.map((d: { weekday: number }) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(view.appointmentHours.map((d: { weekday: number }) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(view.openingHours.every((d: { kind: string }) => d.kind === 'OPEN')).toBe(true);
    // Tuesday's appointment hours as set by the first test, in order.
    expect(view.appointmentHours[1].intervals).toEqual([
      { opensAt: '10:00', closesAt: '11:00' },
      { opensAt: '14:00', closesAt: '15:00' },
    ]);
    const sunday = await t.sql(`SELECT 1 FROM opening_hours WHERE "officeId" = $1 AND weekday = 7`, [office.id]);
    expect(sunday).toEqual([]);
    expect(view.openingHours[6].intervals).toEqual([]);
    expect(view.closures).toEqual([
      { date: '2027-03-10', note: '', affectedAppointments: 0 },
      { date: day, note: 'Personalversammlung', affectedAppointments: 1 },
    ]);
  });

  it('refuses the manager of another office and a clerk; an admin sees any office', async () => {
    const other = await otherOffice();
    expect(
      (await manager.ok<{ officeAdministration: Record<string, any> }>(ADMINISTRATION, { o: other.id }))
        .officeAdministration.__typename,
    ).toBe('OfficeNotAllowed');
    const clerk = await t.clerk();
    const res = await clerk.request(ADMINISTRATION, { o: office.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.officeAdministration ?? null).toBeNull();
    const admin = await t.admin();
    expect(
      (await admin.ok<{ officeAdministration: Record<string, any> }>(ADMINISTRATION, { o: other.id }))
        .officeAdministration,
    ).toMatchObject({ __typename: 'OfficeAdministration', details: { slug: 'zulassungsstelle' } });
  });
});

describe('office details', () => {
  it('a manager changes name, address and notice; the public office follows', async () => {
    const before = await storedDetails(office.id);
    const res = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(DETAILS, {
      o: office.id,
      input: { name: ' Bürgercentrum  Mitte ', street: 'Marktplatz 2', notice: ' Heute nur Schalter 1 bis 3 ' },
    });
    expect(res.updateOfficeDetails).toEqual({
      __typename: 'OfficeDetails',
      name: 'Bürgercentrum Mitte',
      street: 'Marktplatz 2',
      postalCode: (before as { postalCode: string }).postalCode,
      city: (before as { city: string }).city,
      timeZone: 'Europe/Berlin',
      notice: 'Heute nur Schalter 1 bis 3',
    });
    const pub = await t
      .anonymous()
      .ok<{ office: { name: string } }>(`query($slug: String!) { office(slug: $slug) { name } }`, {
        slug: 'buergercentrum',
      });
    expect(pub.office.name).toBe('Bürgercentrum Mitte');
    // An empty notice removes it.
    const cleared = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(DETAILS, {
      o: office.id,
      input: { notice: '' },
    });
    expect(cleared.updateOfficeDetails).toMatchObject({ name: 'Bürgercentrum Mitte', notice: null });
    await manager.ok(DETAILS, { o: office.id, input: { name: (before as { name: string }).name } });
  });

  it('refuses bad input with a field error each and changes nothing', async () => {
    const before = await storedDetails(office.id);
    const res = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(DETAILS, {
      o: office.id,
      input: {
        name: 'Neuer Name',
        street: '   ',
        postalCode: '7517',
        timeZone: 'Europe/Pforzheim',
        notice: 'x'.repeat(201),
      },
    });
    expect(res.updateOfficeDetails).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'street', code: 'REQUIRED' },
        { field: 'postalCode', code: 'BAD_POSTAL_CODE' },
        { field: 'timeZone', code: 'UNKNOWN_TIME_ZONE' },
        { field: 'notice', code: 'TOO_LONG' },
      ],
    });
    expect(await storedDetails(office.id)).toEqual(before);
  });

  it('refuses the manager of another office before looking at the input, changing nothing', async () => {
    const other = await otherOffice();
    const before = await storedDetails(other.id);
    const res = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(DETAILS, {
      o: other.id,
      input: { name: 'Übernommen', postalCode: 'kaputt' },
    });
    expect(res.updateOfficeDetails.__typename).toBe('OfficeNotAllowed');
    expect(await storedDetails(other.id)).toEqual(before);
  });

  it('a new time zone moves the office-local hours for new bookings', async () => {
    const wednesday = '2027-03-03';
    const before = await starts(wednesday);
    expect(before).toContain(local(`${wednesday}T07:30`).toISOString());
    const admin = await t.admin();
    const res = await admin.ok<{ updateOfficeDetails: Record<string, any> }>(DETAILS, {
      o: office.id,
      input: { timeZone: 'Europe/London' },
    });
    expect(res.updateOfficeDetails.timeZone).toBe('Europe/London');
    // 07:30 in London is 08:30 in Berlin: the same local hours now start an hour later in absolute time.
    const after = await starts(wednesday);
    expect(after).not.toContain(local(`${wednesday}T07:30`).toISOString());
    expect(after).toContain(local(`${wednesday}T08:30`).toISOString());
    await admin.ok(DETAILS, { o: office.id, input: { timeZone: 'Europe/Berlin' } });
    expect(await starts(wednesday)).toEqual(before);
  });
});

describe('office contact', () => {
  const CONTACT = `mutation($o: ID!, $input: OfficeDetailsInput!) { updateOfficeDetails(officeId: $o, input: $input) {
    __typename
    ... on OfficeDetails { phone email }
    ... on InvalidInput { fields { field code message } }
    ... on OfficeNotAllowed { message } } }`;
  const PUBLIC = `query($slug: String!) { office(slug: $slug) {
    address { street postalCode city } contact { phone phoneUri email } mapUrl } }`;
  const stored = async (id: string) =>
    (await t.sql('SELECT phone, email, name, notice, "updatedAt" FROM office WHERE id = $1', [id]))[0];
  const publicOffice = async () =>
    (await t.anonymous().ok<{ office: Record<string, any> }>(PUBLIC, { slug: 'buergercentrum' })).office;

  it('the public office shows the demo contact and a map link computed from the address', async () => {
    const pub = await publicOffice();
    expect(pub.contact).toEqual({
      phone: '030 23125 100',
      phoneUri: 'tel:+493023125100',
      email: 'buergercentrum@pforzheim.example',
    });
    const { street, postalCode, city } = pub.address;
    expect(pub.mapUrl).toBe(
      `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${street}, ${postalCode} ${city}`)}`,
    );
    // An earlier test moved the office to Marktplatz 2.
    expect(pub.mapUrl).toMatch(
      /^https:\/\/www\.openstreetmap\.org\/search\?query=Marktplatz%20\d%2C%2075175%20Pforzheim$/,
    );
  });

  it('a manager sets phone and email, the public office shows them; empty texts remove them', async () => {
    const before = await stored(office.id);
    const set = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(CONTACT, {
      o: office.id,
      input: { phone: ' +49 (7231) 39-2000 ', email: ' Buergerbuero@Pforzheim.example ' },
    });
    expect(set.updateOfficeDetails).toEqual({
      __typename: 'OfficeDetails',
      phone: '+49 (7231) 39-2000',
      email: 'buergerbuero@pforzheim.example',
    });
    expect((await publicOffice()).contact).toEqual({
      phone: '+49 (7231) 39-2000',
      phoneUri: 'tel:+497231392000',
      email: 'buergerbuero@pforzheim.example',
    });
    // Other details stay as they were.
    expect(await stored(office.id)).toMatchObject({
      name: (before as { name: string }).name,
      notice: (before as { notice: string | null }).notice,
    });

    const cleared = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(CONTACT, {
      o: office.id,
      input: { phone: '', email: '  ' },
    });
    expect(cleared.updateOfficeDetails).toEqual({ __typename: 'OfficeDetails', phone: null, email: null });
    expect((await publicOffice()).contact).toEqual({ phone: null, phoneUri: null, email: null });

    const admin = await t.admin();
    await admin.ok(CONTACT, {
      o: office.id,
      input: { phone: (before as { phone: string }).phone, email: (before as { email: string }).email },
    });
    expect(await stored(office.id)).toMatchObject({
      phone: '030 23125 100',
      email: 'buergercentrum@pforzheim.example',
    });
  });

  it('refuses a bad phone or email with a typed error on each field and changes nothing', async () => {
    const before = await stored(office.id);
    for (const [phone, email] of [
      ['bitte anrufen', 'buergercentrum'],
      ['12345', 'a@b'],
      ['+49 7231 39-2000 123456789', 'zwei@leer zeichen.example'],
    ]) {
      const res = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(CONTACT, {
        o: office.id,
        input: { name: 'Neuer Name', phone, email },
      });
      expect(res.updateOfficeDetails.__typename).toBe('InvalidInput');
      expect(res.updateOfficeDetails.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
        ['phone', 'BAD_PHONE'],
        ['email', 'BAD_EMAIL'],
      ]);
      expect(await stored(office.id)).toEqual(before);
    }
  });

  it('refuses the manager of another office, changing nothing', async () => {
    const other = await otherOffice();
    const before = await stored(other.id);
    const res = await manager.ok<{ updateOfficeDetails: Record<string, any> }>(CONTACT, {
      o: other.id,
      input: { phone: '07231 39-0', email: 'x@pforzheim.example' },
    });
    expect(res.updateOfficeDetails.__typename).toBe('OfficeNotAllowed');
    expect(await stored(other.id)).toEqual(before);
  });
});

describe('creating an office', () => {
  const CREATE = `mutation($input: NewOfficeInput!) { createOffice(input: $input) {
    __typename
    ... on OfficeDetails { officeId name slug enabled street postalCode city timeZone notice }
    ... on InvalidInput { fields { field code } } } }`;
  const input = {
    name: 'Bürgerbüro Nord',
    slug: 'buergerbuero-nord',
    street: 'Nordstraße 1',
    postalCode: '75179',
    city: 'Pforzheim',
  };
  const count = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM office'))[0]?.n;

  it('lets an admin set up an office that starts with no hours, services or closures', async () => {
    const admin = await t.admin();
    const res = await admin.ok<{ createOffice: Record<string, any> }>(CREATE, { input });
    expect(res.createOffice).toMatchObject({
      __typename: 'OfficeDetails',
      ...input,
      enabled: true,
      timeZone: 'Europe/Berlin',
      notice: null,
    });
    const id = res.createOffice.officeId as string;
    const view = (await admin.ok<{ officeAdministration: Record<string, any> }>(ADMINISTRATION, { o: id }))
      .officeAdministration;
    expect(view.settings).toMatchObject({ holidayRegion: 'BW' });
    expect(view.openingHours.every((d: { intervals: unknown[] }) => d.intervals.length === 0)).toBe(true);
    expect(view.appointmentHours.every((d: { intervals: unknown[] }) => d.intervals.length === 0)).toBe(true);
    expect(view.closures).toEqual([]);
    const pub = await t
      .anonymous()
      .ok<{ office: { id: string; services: unknown[] } }>(
        `query($slug: String!) { office(slug: $slug) { id services { id } } }`,
        { slug: 'buergerbuero-nord' },
      );
    expect(pub.office).toEqual({ id, services: [] });
    const me = await admin.ok<{ me: { offices: { slug: string }[] } }>('query { me { offices { slug } } }');
    expect(me.me.offices.map((o) => o.slug)).toContain('buergerbuero-nord');
  });

  it('refuses a taken slug and bad input with field errors, creating nothing', async () => {
    const admin = await t.admin();
    const before = await count();
    const taken = await admin.ok<{ createOffice: Record<string, any> }>(CREATE, {
      input: { ...input, slug: 'buergercentrum' },
    });
    expect(taken.createOffice).toEqual({ __typename: 'InvalidInput', fields: [{ field: 'slug', code: 'SLUG_TAKEN' }] });
    const bad = await admin.ok<{ createOffice: Record<string, any> }>(CREATE, {
      input: { ...input, slug: 'Nord Büro', postalCode: '123', timeZone: 'Mitte', holidayRegion: 'XX' },
    });
    expect(bad.createOffice).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'slug', code: 'BAD_SLUG' },
        { field: 'postalCode', code: 'BAD_POSTAL_CODE' },
        { field: 'timeZone', code: 'UNKNOWN_TIME_ZONE' },
        { field: 'holidayRegion', code: 'UNKNOWN_REGION' },
      ],
    });
    expect(await count()).toBe(before);
  });

  it('is for admins only: an office manager is refused and nothing is created', async () => {
    const before = await count();
    const res = await manager.request(CREATE, { input: { ...input, slug: 'manager-office' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.createOffice ?? null).toBeNull();
    expect(await count()).toBe(before);
  });
});

describe('extra opening days', () => {
  const EXTRA = `mutation($o: ID!, $d: String!, $i: [TimeIntervalInput!]!, $n: String) {
    setExtraOpeningDay(officeId: $o, date: $d, intervals: $i, note: $n) {
      __typename
      ... on ExtraOpeningDay { date note intervals { opensAt closesAt } }
      ... on InvalidInput { fields { field code } }
      ... on OfficeNotAllowed { message } } }`;
  const SATURDAY = '2027-03-06';
  const extra = async (client: GqlClient, vars: Record<string, unknown>) =>
    (await client.ok<{ setExtraOpeningDay: Record<string, any> }>(EXTRA, { o: office.id, d: SATURDAY, ...vars }))
      .setExtraOpeningDay;

  it('opens a Saturday for booking at its own hours, and removing it closes the day again', async () => {
    expect(await starts(SATURDAY)).toEqual([]);
    expect(
      await extra(manager, {
        i: [
          { opensAt: '11:00', closesAt: '12:00' },
          { opensAt: '09:00', closesAt: '10:00' },
        ],
        n: 'Samstagsöffnung',
      }),
    ).toEqual({
      __typename: 'ExtraOpeningDay',
      date: SATURDAY,
      note: 'Samstagsöffnung',
      intervals: [
        { opensAt: '09:00', closesAt: '10:00' },
        { opensAt: '11:00', closesAt: '12:00' },
      ],
    });
    const open = await starts(SATURDAY);
    expect(open).toContain(local(`${SATURDAY}T09:00`).toISOString());
    expect(open).toContain(local(`${SATURDAY}T11:00`).toISOString());
    expect(open).not.toContain(local(`${SATURDAY}T10:00`).toISOString());
    const booked = await book(
      t.anonymous(),
      office.id,
      [{ serviceId: serviceId(office, 'Personalausweis'), count: 1 }],
      local(`${SATURDAY}T09:30`),
    );
    expect(booked.id).toBeTruthy();
    const view = await manager.ok<{ officeAdministration: Record<string, any> }>(
      ADMINISTRATION.replace(
        'closures { date note affectedAppointments } }',
        'closures { date note affectedAppointments } extraDays { date note intervals { opensAt } } }',
      ),
      { o: office.id },
    );
    expect(view.officeAdministration.extraDays).toEqual([
      { date: SATURDAY, note: 'Samstagsöffnung', intervals: [{ opensAt: '09:00' }, { opensAt: '11:00' }] },
    ]);

    expect(await extra(manager, { i: [] })).toMatchObject({ __typename: 'ExtraOpeningDay', intervals: [] });
    expect(await starts(SATURDAY)).toEqual([]);
  });

  it('are listed on the public office with closures and holidays, but not holidays it is closed on anyway', async () => {
    await extra(manager, { d: '2027-03-13', i: [{ opensAt: '09:00', closesAt: '12:00' }], n: 'Samstagsöffnung' });
    await manager.ok(ADD_CLOSURE, { o: office.id, d: '2027-03-12', n: 'Betriebsausflug' });
    await manager.ok(ADD_CLOSURE, { o: office.id, d: '2027-03-14', n: 'Sonntag' });
    const { office: shown } = await t.anonymous().ok<{
      office: { specialDays: { date: string; closed: boolean; reason: string; hours: unknown[] }[] };
    }>('query($s: String!) { office(slug: $s) { specialDays { date closed reason hours { opensAt closesAt } } } }', {
      s: 'buergercentrum',
    });
    const byDate = new Map(shown.specialDays.map((d) => [d.date, d]));
    expect(byDate.get('2027-03-12')).toEqual({
      date: '2027-03-12',
      closed: true,
      reason: 'Betriebsausflug',
      hours: [],
    });
    expect(byDate.get('2027-03-13')).toEqual({
      date: '2027-03-13',
      closed: false,
      reason: 'Samstagsöffnung',
      hours: [{ opensAt: '09:00', closesAt: '12:00' }],
    });
    expect(byDate.get('2027-03-26')).toEqual({ date: '2027-03-26', closed: true, reason: 'Karfreitag', hours: [] });
    expect(byDate.get('2027-03-29')?.reason).toBe('Ostermontag');
    // A closure on a Sunday, when the office does not open anyway, is no news.
    expect(byDate.has('2027-03-14')).toBe(false);
    const dates = shown.specialDays.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0] && dates[0] >= '2027-03-01').toBe(true);
    await extra(manager, { d: '2027-03-13', i: [] });
    await manager.ok(REMOVE_CLOSURE, { o: office.id, d: '2027-03-12' });
    await manager.ok(REMOVE_CLOSURE, { o: office.id, d: '2027-03-14' });
  });

  it('refuses bad input and another office’s manager, storing nothing', async () => {
    const rows = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM office_extra_day'))[0]?.n;
    const before = await rows();
    expect(await extra(manager, { d: '2027-02-27', i: [{ opensAt: '10:00', closesAt: '09:00' }] })).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'date', code: 'IN_THE_PAST' },
        { field: 'intervals.0.closesAt', code: 'INVERTED_INTERVAL' },
      ],
    });
    expect(
      (
        await manager.ok<{ setExtraOpeningDay: Record<string, any> }>(EXTRA, {
          o: (await otherOffice()).id,
          d: SATURDAY,
          i: [{ opensAt: '09:00', closesAt: '10:00' }],
        })
      ).setExtraOpeningDay.__typename,
    ).toBe('OfficeNotAllowed');
    expect(await rows()).toBe(before);
  });
});
