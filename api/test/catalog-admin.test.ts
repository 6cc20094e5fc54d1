import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, type GqlClient } from './gql-client.js';
import { book, local, OFFICE, type OfficeInfo, serviceId } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (CET, UTC+1).
const clock = new TestClock(local('2027-03-01T07:00'));
let t: TestApp;
let office: OfficeInfo;
let manager: GqlClient;

const RESULT = `__typename
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message }
  ... on CatalogItemInUse { code message appointments tickets uploads services }`;
const SERVICE_FIELDS = `id name description durationMinutes leikaKey bookableOnline walkInAllowed maxPerBooking active
  documents { documentId name mandatory } counterIds futureAppointments deletable`;
const DOCUMENT_FIELDS = 'id name description uploadable active serviceIds deletable';
const COUNTER_FIELDS =
  'id label active serviceIds hours { weekday intervals { opensAt closesAt } } futureAppointments deletable';

const CATALOG = `query($o: ID!) { officeCatalog(officeId: $o) { __typename ... on OfficeNotAllowed { message }
  ... on OfficeCatalog { officeId services { ${SERVICE_FIELDS} } documents { ${DOCUMENT_FIELDS} } counters { ${COUNTER_FIELDS} } } } }`;
const CREATE_SERVICE = `mutation($o: ID!, $i: ServiceInput!) { createService(officeId: $o, input: $i) { ${RESULT}
  ... on AdminService { ${SERVICE_FIELDS} } } }`;
const UPDATE_SERVICE = `mutation($o: ID!, $s: ID!, $i: ServiceInput!) { updateService(officeId: $o, serviceId: $s, input: $i) {
  ${RESULT} ... on AdminService { ${SERVICE_FIELDS} } } }`;
const SERVICE_ACTIVE = `mutation($o: ID!, $s: ID!, $a: Boolean!) { setServiceActive(officeId: $o, serviceId: $s, active: $a) {
  ${RESULT} ... on AdminService { active } } }`;
const DELETE_SERVICE = `mutation($o: ID!, $s: ID!) { deleteService(officeId: $o, serviceId: $s) {
  ${RESULT} ... on CatalogItemDeleted { id } } }`;
const CREATE_DOCUMENT = `mutation($o: ID!, $i: RequiredDocumentInput!) { createRequiredDocument(officeId: $o, input: $i) {
  ${RESULT} ... on AdminDocument { ${DOCUMENT_FIELDS} } } }`;
const UPDATE_DOCUMENT = `mutation($o: ID!, $d: ID!, $i: RequiredDocumentInput!) {
  updateRequiredDocument(officeId: $o, documentId: $d, input: $i) { ${RESULT} ... on AdminDocument { ${DOCUMENT_FIELDS} } } }`;
const DOCUMENT_ACTIVE = `mutation($o: ID!, $d: ID!, $a: Boolean!) {
  setRequiredDocumentActive(officeId: $o, documentId: $d, active: $a) { ${RESULT} ... on AdminDocument { active } } }`;
const DELETE_DOCUMENT = `mutation($o: ID!, $d: ID!) { deleteRequiredDocument(officeId: $o, documentId: $d) {
  ${RESULT} ... on CatalogItemDeleted { id } } }`;
const CREATE_COUNTER = `mutation($o: ID!, $i: CounterInput!) { createCounter(officeId: $o, input: $i) { ${RESULT}
  ... on AdminCounter { ${COUNTER_FIELDS} } } }`;
const UPDATE_COUNTER = `mutation($o: ID!, $c: ID!, $i: CounterInput!) { updateCounter(officeId: $o, counterId: $c, input: $i) {
  ${RESULT} ... on AdminCounter { ${COUNTER_FIELDS} } } }`;
const COUNTER_ACTIVE = `mutation($o: ID!, $c: ID!, $a: Boolean!) { setCounterActive(officeId: $o, counterId: $c, active: $a) {
  ${RESULT} ... on AdminCounter { active } } }`;
const DELETE_COUNTER = `mutation($o: ID!, $c: ID!) { deleteCounter(officeId: $o, counterId: $c) {
  ${RESULT} ... on CatalogItemDeleted { id } } }`;
const PUBLIC_OFFICE = `query($slug: String!) { office(slug: $slug) { id services { id name durationMinutes
  requiredDocuments { documentId name mandatory uploadable } } } }`;
const AVAILABILITY = `query($o: ID!, $s: [ServiceChoiceInput!]!, $from: String!, $to: String!) {
  availability(officeId: $o, services: $s, from: $from, to: $to) {
    __typename ... on Availability { durationMinutes days { date starts } } } }`;

type Res = Record<string, any>;
const run = async (client: GqlClient, query: string, variables: Record<string, unknown>): Promise<Res> => {
  const data = await client.ok<Record<string, Res>>(query, variables);
  return Object.values(data)[0] as Res;
};

const newService = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: 'Neu',
  durationMinutes: 20,
  bookableOnline: true,
  walkInAllowed: true,
  ...extra,
});

const publicServices = async () =>
  (await t.anonymous().ok<{ office: { services: Res[] } }>(PUBLIC_OFFICE, { slug: 'buergercentrum' })).office.services;

const starts = async (id: string, date: string): Promise<string[]> => {
  const res = await t.anonymous().ok<{ availability: Res }>(AVAILABILITY, {
    o: office.id,
    s: [{ serviceId: id, count: 1 }],
    from: date,
    to: date,
  });
  return (res.availability.days as { date: string; starts: string[] }[]).find((d) => d.date === date)?.starts ?? [];
};

const counts = async () =>
  (
    await t.sql<{ services: number; documents: number; counters: number; links: number; hours: number }>(
      `SELECT (SELECT count(*)::int FROM service) AS services, (SELECT count(*)::int FROM required_document) AS documents,
              (SELECT count(*)::int FROM counter) AS counters, (SELECT count(*)::int FROM counter_service) AS links,
              (SELECT count(*)::int FROM counter_hours) AS hours`,
    )
  )[0];

let zulassung: string;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000' } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  manager = await t.officeManager();
  zulassung = (await t.sql<{ id: string }>(`SELECT id FROM office WHERE slug = 'zulassungsstelle'`))[0]?.id as string;
});
afterAll(() => t?.close());

describe('the staff view of the catalog', () => {
  it('lists services with their documents and counters, inactive ones included', async () => {
    await t.sql(`UPDATE service SET active = false WHERE name = 'Führungszeugnis beantragen'`);
    const catalog = await run(manager, CATALOG, { o: office.id });
    expect(catalog.__typename).toBe('OfficeCatalog');
    const names = catalog.services.map((s: Res) => s.name);
    expect(names).toContain('Führungszeugnis beantragen');
    expect((await publicServices()).map((s) => s.name)).not.toContain('Führungszeugnis beantragen');
    const passport = catalog.services.find((s: Res) => s.name === 'Reisepass beantragen');
    expect(passport.documents.map((d: Res) => d.name)).toContain('Biometrisches Passfoto');
    expect(passport.counterIds).toHaveLength(8);
    expect(catalog.counters.map((c: Res) => c.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(catalog.documents.find((d: Res) => d.name === 'Biometrisches Passfoto').serviceIds.length).toBeGreaterThan(
      0,
    );
    await t.sql(`UPDATE service SET active = true WHERE name = 'Führungszeugnis beantragen'`);
  });

  it('is for managers of the office and admins only', async () => {
    expect((await run(await t.admin(), CATALOG, { o: zulassung })).__typename).toBe('OfficeCatalog');
    expect((await run(manager, CATALOG, { o: zulassung })).__typename).toBe('OfficeNotAllowed');
    const refused = await (await t.clerk()).request(CATALOG, { o: office.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.officeCatalog ?? null).toBeNull();
  });
});

describe('a new service with a new document and counter', () => {
  it('is offered for booking at once, with its document, at the hours of the counter that handles it', async () => {
    const doc = await run(manager, CREATE_DOCUMENT, {
      o: office.id,
      i: { name: ' Jagdschein ', description: 'Der alte Jagdschein.', uploadable: true },
    });
    expect(doc).toMatchObject({ __typename: 'AdminDocument', name: 'Jagdschein', active: true, deletable: true });
    const service = await run(manager, CREATE_SERVICE, {
      o: office.id,
      i: newService('Jagdschein verlängern', {
        leikaKey: '99001001000000',
        maxPerBooking: 2,
        documents: [{ documentId: doc.id, mandatory: true }],
      }),
    });
    expect(service).toMatchObject({
      __typename: 'AdminService',
      name: 'Jagdschein verlängern',
      durationMinutes: 20,
      leikaKey: '99001001000000',
      maxPerBooking: 2,
      active: true,
      documents: [{ documentId: doc.id, name: 'Jagdschein', mandatory: true }],
      counterIds: [],
      deletable: true,
    });
    // Listed at once, with its document; no counter handles it yet, so nothing can be booked.
    const listed = (await publicServices()).find((s) => s.id === service.id);
    expect(listed?.requiredDocuments).toEqual([
      { documentId: doc.id, name: 'Jagdschein', mandatory: true, uploadable: true },
    ]);
    expect(await starts(service.id, '2027-03-02')).toEqual([]);

    const counter = await run(manager, CREATE_COUNTER, {
      o: office.id,
      i: {
        label: ' J1 ',
        serviceIds: [service.id],
        hours: [{ weekday: 2, intervals: [{ opensAt: '09:00', closesAt: '10:00' }] }],
      },
    });
    expect(counter).toMatchObject({
      __typename: 'AdminCounter',
      label: 'J1',
      active: true,
      serviceIds: [service.id],
      hours: [{ weekday: 2, intervals: [{ opensAt: '09:00', closesAt: '10:00' }] }],
    });
    const tuesday = await starts(service.id, '2027-03-02');
    expect(tuesday.length).toBeGreaterThan(0);
    for (const s of tuesday) {
      expect(new Date(s).getTime()).toBeGreaterThanOrEqual(local('2027-03-02T09:00').getTime());
      expect(new Date(s).getTime() + 20 * 60_000).toBeLessThanOrEqual(local('2027-03-02T10:00').getTime());
    }
    expect(await starts(service.id, '2027-03-03')).toEqual([]);
    const booked = await book(
      t.anonymous(),
      office.id,
      [{ serviceId: service.id, count: 1 }],
      local('2027-03-02T09:00'),
    );
    expect(booked.reference).toBeTruthy();

    // Now used: deactivating the service or the counter, or taking the service from the counter, is refused.
    expect(await run(manager, SERVICE_ACTIVE, { o: office.id, s: service.id, a: false })).toMatchObject({
      __typename: 'CatalogItemInUse',
      code: 'FUTURE_APPOINTMENTS',
      appointments: 1,
    });
    expect(await run(manager, COUNTER_ACTIVE, { o: office.id, c: counter.id, a: false })).toMatchObject({
      __typename: 'CatalogItemInUse',
      code: 'FUTURE_APPOINTMENTS',
      appointments: 1,
    });
    const other = serviceId(office, 'Meldebescheinigung');
    expect(
      await run(manager, UPDATE_COUNTER, { o: office.id, c: counter.id, i: { label: 'J1', serviceIds: [other] } }),
    ).toMatchObject({ __typename: 'CatalogItemInUse', code: 'FUTURE_APPOINTMENTS', appointments: 1 });
    // Deleting it is refused with what refers to it.
    expect(await run(manager, DELETE_SERVICE, { o: office.id, s: service.id })).toMatchObject({
      __typename: 'CatalogItemInUse',
      code: 'IN_USE',
      appointments: 1,
    });
    expect(await run(manager, DELETE_COUNTER, { o: office.id, c: counter.id })).toMatchObject({
      __typename: 'CatalogItemInUse',
      code: 'IN_USE',
      appointments: 1,
    });
    expect(await run(manager, DELETE_DOCUMENT, { o: office.id, d: doc.id })).toMatchObject({
      __typename: 'CatalogItemInUse',
      code: 'IN_USE',
      services: 1,
    });
    const [stored] = await t.sql<{ active: boolean; counterActive: boolean; links: number }>(
      `SELECT s.active, c.active AS "counterActive",
              (SELECT count(*)::int FROM counter_service WHERE "counterId" = c.id AND "serviceId" = s.id) AS links
         FROM service s, counter c WHERE s.id = $1 AND c.id = $2`,
      [service.id, counter.id],
    );
    expect(stored).toEqual({ active: true, counterActive: true, links: 1 });

    // Adding a service to the counter and changing its hours are fine.
    const widened = await run(manager, UPDATE_COUNTER, {
      o: office.id,
      c: counter.id,
      i: { label: 'J1', serviceIds: [service.id, other], hours: [] },
    });
    expect(widened).toMatchObject({ serviceIds: [service.id, other], hours: [], futureAppointments: 1 });

    // Once the appointment is cancelled the service can be deactivated: it disappears from booking.
    await t.sql(`UPDATE appointment SET status = 'CANCELLED' WHERE id = $1`, [booked.id]);
    expect(await run(manager, SERVICE_ACTIVE, { o: office.id, s: service.id, a: false })).toEqual({
      __typename: 'AdminService',
      active: false,
    });
    expect((await publicServices()).map((s) => s.id)).not.toContain(service.id);
    expect(await run(manager, SERVICE_ACTIVE, { o: office.id, s: service.id, a: true })).toMatchObject({
      active: true,
    });
    expect((await publicServices()).map((s) => s.id)).toContain(service.id);
  });

  it('changes a service and its documents for new bookings; an inactive document is not listed', async () => {
    const a = await run(manager, CREATE_DOCUMENT, {
      o: office.id,
      i: { name: 'Waffenbesitzkarte', uploadable: false },
    });
    const b = await run(manager, CREATE_DOCUMENT, {
      o: office.id,
      i: { name: 'Versicherungsnachweis', uploadable: true },
    });
    const s = await run(manager, CREATE_SERVICE, { o: office.id, i: newService('Waffenschein') });
    const updated = await run(manager, UPDATE_SERVICE, {
      o: office.id,
      s: s.id,
      i: newService('Waffenschein beantragen', {
        durationMinutes: 45,
        documents: [
          { documentId: b.id, mandatory: false },
          { documentId: a.id, mandatory: true },
        ],
      }),
    });
    expect(updated).toMatchObject({
      name: 'Waffenschein beantragen',
      durationMinutes: 45,
      documents: [
        { documentId: b.id, mandatory: false },
        { documentId: a.id, mandatory: true },
      ],
    });
    expect(await run(manager, DOCUMENT_ACTIVE, { o: office.id, d: b.id, a: false })).toEqual({
      __typename: 'AdminDocument',
      active: false,
    });
    const listed = (await publicServices()).find((x) => x.id === s.id);
    expect(listed).toMatchObject({ name: 'Waffenschein beantragen', durationMinutes: 45 });
    expect(listed?.requiredDocuments.map((d: Res) => d.name)).toEqual(['Waffenbesitzkarte']);
    const renamed = await run(manager, UPDATE_DOCUMENT, {
      o: office.id,
      d: a.id,
      i: { name: 'Waffenbesitzkarte (grün)', description: 'Original', uploadable: true },
    });
    expect(renamed).toMatchObject({ name: 'Waffenbesitzkarte (grün)', uploadable: true, serviceIds: [s.id] });

    // Never used: the service can be deleted, and then its documents too.
    expect(await run(manager, DELETE_SERVICE, { o: office.id, s: s.id })).toEqual({
      __typename: 'CatalogItemDeleted',
      id: s.id,
    });
    expect(await run(manager, DELETE_DOCUMENT, { o: office.id, d: a.id })).toEqual({
      __typename: 'CatalogItemDeleted',
      id: a.id,
    });
    expect(await t.sql('SELECT 1 FROM service WHERE id = $1', [s.id])).toEqual([]);
    expect(await t.sql('SELECT 1 FROM required_document WHERE id = $1', [a.id])).toEqual([]);
  });
});

describe('bad input', () => {
  it('is refused with field errors and changes nothing', async () => {
    const before = await counts();
    const doc = (await run(manager, CATALOG, { o: office.id })).documents[0];
    expect(
      await run(manager, CREATE_SERVICE, {
        o: office.id,
        i: {
          name: '',
          bookableOnline: true,
          walkInAllowed: true,
          documents: [{ documentId: doc.id, mandatory: true }],
        },
      }),
    ).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'name', code: 'REQUIRED' },
        { field: 'durationMinutes', code: 'REQUIRED' },
      ],
    });
    expect(
      await run(manager, CREATE_SERVICE, {
        o: office.id,
        i: newService('Reisepass beantragen', {
          documents: [
            { documentId: doc.id, mandatory: true },
            { documentId: '00000000-0000-4000-8000-000000000000', mandatory: true },
            { documentId: 'nonsense', mandatory: true },
          ],
        }),
      }),
    ).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'name', code: 'NAME_TAKEN' },
        { field: 'documents.1.documentId', code: 'UNKNOWN_DOCUMENT' },
        { field: 'documents.2.documentId', code: 'UNKNOWN_DOCUMENT' },
      ],
    });
    expect(await run(manager, CREATE_COUNTER, { o: office.id, i: { label: 'X', serviceIds: [] } })).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'serviceIds', code: 'NO_SERVICES' }],
    });
    // A service of another office is unknown here.
    const foreign = (await t.sql<{ id: string }>(`SELECT id FROM service WHERE "officeId" = $1`, [zulassung]))[0]?.id;
    expect(
      await run(manager, CREATE_COUNTER, {
        o: office.id,
        i: {
          label: '1',
          serviceIds: [foreign],
          hours: [{ weekday: 1, intervals: [{ opensAt: '10:00', closesAt: '09:00' }] }],
        },
      }),
    ).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'hours.0.intervals.0.closesAt', code: 'INVERTED_INTERVAL' }],
    });
    expect(await run(manager, CREATE_COUNTER, { o: office.id, i: { label: '1', serviceIds: [foreign] } })).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'label', code: 'NAME_TAKEN' },
        { field: 'serviceIds.0', code: 'UNKNOWN_SERVICE' },
      ],
    });
    expect(await run(manager, DELETE_SERVICE, { o: office.id, s: foreign })).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'serviceId', code: 'UNKNOWN_SERVICE' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('a manager touching another office is refused and nothing is stored', async () => {
    const before = await counts();
    const foreign = (await t.sql<{ id: string }>(`SELECT id FROM service WHERE "officeId" = $1`, [zulassung]))[0]?.id;
    for (const [query, variables] of [
      [CREATE_SERVICE, { o: zulassung, i: newService('Fremd') }],
      [CREATE_DOCUMENT, { o: zulassung, i: { name: 'Fremd', uploadable: false } }],
      [CREATE_COUNTER, { o: zulassung, i: { label: 'F', serviceIds: [foreign] } }],
      [SERVICE_ACTIVE, { o: zulassung, s: foreign, a: false }],
      [DELETE_SERVICE, { o: zulassung, s: foreign }],
    ] as const) {
      expect((await run(manager, query, variables)).__typename).toBe('OfficeNotAllowed');
    }
    expect(await counts()).toEqual(before);
    const [s] = await t.sql<{ active: boolean }>('SELECT active FROM service WHERE id = $1', [foreign]);
    expect(s?.active).toBe(true);
  });

  it('a counter that only handles a service keeps it: deleting that service is refused', async () => {
    const s = await run(manager, CREATE_SERVICE, { o: office.id, i: newService('Nur hier') });
    const c = await run(manager, CREATE_COUNTER, { o: office.id, i: { label: 'N1', serviceIds: [s.id] } });
    expect(await run(manager, DELETE_SERVICE, { o: office.id, s: s.id })).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'serviceId', code: 'LAST_SERVICE_OF_COUNTER' }],
    });
    expect(await run(manager, DELETE_COUNTER, { o: office.id, c: c.id })).toEqual({
      __typename: 'CatalogItemDeleted',
      id: c.id,
    });
    expect((await run(manager, DELETE_SERVICE, { o: office.id, s: s.id })).__typename).toBe('CatalogItemDeleted');
  });
});

describe('live screens', () => {
  it('the call board follows a renamed service at once', async () => {
    const id = serviceId(office, 'Meldebescheinigung');
    const display = t.display().socket();
    const board = follow<{ callBoard: { services: { name: string }[] } }>(
      display,
      `subscription($o: ID!) { callBoard(officeId: $o) { services { name } } }`,
      { o: office.id },
    );
    await board.until((v) => v.callBoard.services.some((s) => s.name === 'Meldebescheinigung'));
    const current = (await run(manager, CATALOG, { o: office.id })).services.find((s: Res) => s.id === id);
    const input = {
      name: 'Meldebescheinigung (neu)',
      description: current.description,
      durationMinutes: current.durationMinutes,
      leikaKey: current.leikaKey,
      bookableOnline: current.bookableOnline,
      walkInAllowed: current.walkInAllowed,
      maxPerBooking: current.maxPerBooking,
      documents: current.documents.map((d: Res) => ({ documentId: d.documentId, mandatory: d.mandatory })),
    };
    expect((await run(manager, UPDATE_SERVICE, { o: office.id, s: id, i: input })).name).toBe(
      'Meldebescheinigung (neu)',
    );
    await board.until((v) => v.callBoard.services.some((s) => s.name === 'Meldebescheinigung (neu)'));
    board.stop();
    await display.dispose();
    expect(board.errors).toEqual([]);
  });
});
