/**
 * Catalog texts in German, English and Leichte Sprache: office managers write them with a service or document, the
 * public api answers a reader's language and says when it had to fall back to German; offices name the languages
 * their kiosk offers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { follow, type GqlClient } from './gql-client.js';
import { book, local, OFFICE, type OfficeInfo, requestId, serviceId, WALK_IN } from './queue-helpers.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';

// Monday 1 March 2027, 07:00 in Pforzheim (CET, UTC+1).
const clock = new TestClock(local('2027-03-01T07:00'));
let t: TestApp;
let office: OfficeInfo;
let manager: GqlClient;

type Res = Record<string, any>;
const RESULT = `__typename ... on InvalidInput { fields { field code } } ... on OfficeNotAllowed { message }`;
const UPDATE_SERVICE = `mutation($o: ID!, $s: ID!, $i: ServiceInput!) { updateService(officeId: $o, serviceId: $s, input: $i) {
  ${RESULT} ... on AdminService { name translations { language name description } } } }`;
const UPDATE_DOCUMENT = `mutation($o: ID!, $d: ID!, $i: RequiredDocumentInput!) {
  updateRequiredDocument(officeId: $o, documentId: $d, input: $i) {
  ${RESULT} ... on AdminDocument { name translations { language name description } } } }`;
const CATALOG = `query($o: ID!) { officeCatalog(officeId: $o) { ... on OfficeCatalog {
  services { id name description durationMinutes bookableOnline walkInAllowed maxPerBooking
    documents { documentId mandatory } translations { language name description } }
  documents { id name description uploadable translations { language } } } } }`;
const TEXT = 'language name description fallback';
const PUBLIC = `query($slug: String!, $lang: String!) { office(slug: $slug) { languages services { id name
  text(language: $lang) { ${TEXT} } texts { language name }
  requiredDocuments { documentId name text(language: $lang) { ${TEXT} } } } } }`;
const BY_TOKEN = `query($t: String!, $lang: String!) { appointmentByToken(token: $t) { ... on Appointment {
  services { name text(language: $lang) { ${TEXT} } } documents { name text(language: $lang) { ${TEXT} } } } } }`;
const DETAILS = `mutation($o: ID!, $input: OfficeDetailsInput!) { updateOfficeDetails(officeId: $o, input: $input) {
  ${RESULT} ... on OfficeDetails { languages } } }`;

const run = async (client: GqlClient, query: string, variables: Record<string, unknown>): Promise<Res> =>
  Object.values(await client.ok<Record<string, Res>>(query, variables))[0] as Res;

let certificate: Res;
let idDocument: Res;

/** The service's whole input as the admin page sends it, with `translations` as given. */
const serviceInput = (s: Res, translations: unknown) => ({
  name: s.name,
  description: s.description,
  durationMinutes: s.durationMinutes,
  bookableOnline: s.bookableOnline,
  walkInAllowed: s.walkInAllowed,
  maxPerBooking: s.maxPerBooking,
  documents: s.documents,
  ...(translations === undefined ? {} : { translations }),
});

const publicService = async (lang: string, name = 'Meldebescheinigung') =>
  ((await t.anonymous().ok<{ office: Res }>(PUBLIC, { slug: 'buergercentrum', lang })).office.services as Res[]).find(
    (s) => s.name === name,
  ) as Res;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { BOOKING_RATE_PER_HOUR: '1000' } });
  office = (await t.anonymous().ok<{ office: OfficeInfo }>(OFFICE, { slug: 'buergercentrum' })).office;
  manager = await t.officeManager();
  const catalog = await run(manager, CATALOG, { o: office.id });
  certificate = catalog.services.find((s: Res) => s.name === 'Meldebescheinigung');
  idDocument = catalog.documents.find((d: Res) => d.name === 'Bisheriger Personalausweis oder Reisepass');
});
afterAll(() => t?.close());

describe('writing translations', () => {
  it('an office manager saves English and Leichte Sprache texts with the service, German first in `texts`', async () => {
    const saved = await run(manager, UPDATE_SERVICE, {
      o: office.id,
      s: certificate.id,
      i: serviceInput(certificate, [
        {
          language: 'de-x-ls',
          name: ' Eine Bescheinigung  über Ihre Wohnung ',
          description: 'Da steht: Sie wohnen hier.',
        },
        { language: 'en', name: 'Certificate of registration', description: 'Confirms your registered address.' },
      ]),
    });
    expect(saved).toEqual({
      __typename: 'AdminService',
      name: 'Meldebescheinigung',
      translations: [
        { language: 'en', name: 'Certificate of registration', description: 'Confirms your registered address.' },
        {
          language: 'de-x-ls',
          name: 'Eine Bescheinigung über Ihre Wohnung',
          description: 'Da steht: Sie wohnen hier.',
        },
      ],
    });
    const shown = await publicService('en');
    expect(shown.texts.map((x: Res) => x.language)).toEqual(['de', 'en', 'de-x-ls']);
    expect(shown.texts[0].name).toBe('Meldebescheinigung');
  });

  it('an English text for the document alone; its Leichte Sprache stays missing', async () => {
    const saved = await run(manager, UPDATE_DOCUMENT, {
      o: office.id,
      d: idDocument.id,
      i: {
        name: idDocument.name,
        description: idDocument.description,
        uploadable: idDocument.uploadable,
        translations: [
          { language: 'en', name: 'Your current ID card or passport', description: 'Even if expired.' },
          { language: 'de-x-ls', name: '', description: '' },
        ],
      },
    });
    expect(saved.translations).toEqual([
      { language: 'en', name: 'Your current ID card or passport', description: 'Even if expired.' },
    ]);
  });

  it('refuses unknown or doubled languages and a translation without the description German has', async () => {
    const refused = await run(manager, UPDATE_SERVICE, {
      o: office.id,
      s: certificate.id,
      i: serviceInput(certificate, [
        { language: 'fr', name: 'Certificat', description: 'x' },
        { language: 'en', name: 'Certificate', description: '' },
        { language: 'en', name: 'Again', description: 'y' },
        { language: 'de-x-ls', name: '', description: 'Nur Beschreibung' },
      ]),
    });
    expect(refused).toEqual({
      __typename: 'InvalidInput',
      fields: [
        { field: 'translations.0.language', code: 'UNSUPPORTED' },
        { field: 'translations.1.description', code: 'REQUIRED' },
        { field: 'translations.2.language', code: 'DUPLICATE' },
        { field: 'translations.3.name', code: 'REQUIRED' },
      ],
    });
    // Nothing changed.
    expect((await publicService('en')).text.name).toBe('Certificate of registration');
  });

  it('keeps the translations when an update leaves them out, and removes them with an empty list', async () => {
    const kept = await run(manager, UPDATE_SERVICE, {
      o: office.id,
      s: certificate.id,
      i: serviceInput(certificate, undefined),
    });
    expect(kept.translations).toHaveLength(2);
    const doc = (await run(manager, CATALOG, { o: office.id })).documents.find((d: Res) => d.id === idDocument.id);
    expect(doc.translations).toEqual([{ language: 'en' }]);
  });

  it('is for the office’s managers and admins: a clerk is refused, a manager of another office too', async () => {
    const input = serviceInput(certificate, [{ language: 'en', name: 'Hijacked', description: 'x' }]);
    const clerk = await (await t.clerk()).request(UPDATE_SERVICE, { o: office.id, s: certificate.id, i: input });
    expect(clerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.anonymous().request(UPDATE_SERVICE, { o: office.id, s: certificate.id, i: input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = (await t.sql<{ id: string }>(`SELECT id FROM office WHERE slug = 'zulassungsstelle'`))[0]?.id;
    const foreign = await run(manager, UPDATE_SERVICE, { o: other, s: certificate.id, i: input });
    expect(foreign.__typename).toBe('OfficeNotAllowed');
    expect((await publicService('en')).text.name).toBe('Certificate of registration');
    const admin = await run(await t.admin(), UPDATE_SERVICE, { o: office.id, s: certificate.id, i: input });
    expect(admin.translations).toEqual([{ language: 'en', name: 'Hijacked', description: 'x' }]);
    await run(manager, UPDATE_SERVICE, {
      o: office.id,
      s: certificate.id,
      i: serviceInput(certificate, [
        { language: 'en', name: 'Certificate of registration', description: 'Confirms your registered address.' },
        {
          language: 'de-x-ls',
          name: 'Eine Bescheinigung über Ihre Wohnung',
          description: 'Da steht: Sie wohnen hier.',
        },
      ]),
    });
  });
});

describe('reading them', () => {
  it('answers English, Leichte Sprache and German, and flags the German fallback', async () => {
    expect((await publicService('en')).text).toEqual({
      language: 'en',
      name: 'Certificate of registration',
      description: 'Confirms your registered address.',
      fallback: false,
    });
    expect((await publicService('en-GB')).text.name).toBe('Certificate of registration');
    expect((await publicService('de-x-ls')).text).toMatchObject({
      language: 'de-x-ls',
      name: 'Eine Bescheinigung über Ihre Wohnung',
      fallback: false,
    });
    expect((await publicService('de')).text).toMatchObject({
      language: 'de',
      name: 'Meldebescheinigung',
      fallback: false,
    });
    // No French texts: German, flagged.
    expect((await publicService('fr')).text).toMatchObject({
      language: 'de',
      name: 'Meldebescheinigung',
      fallback: true,
    });
    // The document has English but no Leichte Sprache.
    const documentOf = (s: Res) => s.requiredDocuments.find((d: Res) => d.documentId === idDocument.id);
    expect(documentOf(await publicService('en')).text).toEqual({
      language: 'en',
      name: 'Your current ID card or passport',
      description: 'Even if expired.',
      fallback: false,
    });
    expect(documentOf(await publicService('de-x-ls')).text).toMatchObject({
      language: 'de',
      name: 'Bisheriger Personalausweis oder Reisepass',
      fallback: true,
    });
    // A service without any translation falls back as a whole.
    expect((await publicService('en', 'Führungszeugnis beantragen')).text).toMatchObject({
      language: 'de',
      name: 'Führungszeugnis beantragen',
      fallback: true,
    });
  });

  it('gives the booked appointment’s services and documents in the reader’s language', async () => {
    const booked = await book(
      t.anonymous(),
      office.id,
      [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }],
      local('2027-03-03T09:00'),
    );
    const res = await t.anonymous().ok<{ appointmentByToken: Res }>(BY_TOKEN, { t: booked.manageToken, lang: 'en' });
    expect(res.appointmentByToken.services).toEqual([
      {
        name: 'Meldebescheinigung',
        text: {
          language: 'en',
          name: 'Certificate of registration',
          description: 'Confirms your registered address.',
          fallback: false,
        },
      },
    ]);
    expect(res.appointmentByToken.documents[0].text).toMatchObject({
      name: 'Your current ID card or passport',
      fallback: false,
    });
  });
});

describe('on the tracking page and the call display', () => {
  const LINE = `name text(language: "en") { ${TEXT} } texts { language name }`;
  const TRACK = `subscription($token: String!) { trackedTicket(token: $token) {
    ... on PublicTicket { number services { ${LINE} } } } }`;
  const BOARD = `subscription($o: ID!) { callBoard(officeId: $o) { services { waiting ${LINE} } } }`;
  type Line = { name: string; text: Res; texts: Res[]; waiting?: number };

  it('name the ticket’s services in the reader’s language, and follow a translation written meanwhile', async () => {
    clock.current = local('2027-03-01T08:00'); // open for walk-ins
    const d = await t.kiosk().ok<{ issueWalkInTicket: Res }>(WALK_IN, {
      input: { requestId: requestId(), services: [{ serviceId: serviceId(office, 'Meldebescheinigung'), count: 1 }] },
    });
    const issued = d.issueWalkInTicket;
    expect(issued.__typename).toBe('IssuedTicket');
    const phone = t.anonymous().socket();
    const display = t.display().socket();
    try {
      const tracking = follow<{ trackedTicket: { services: Line[] } }>(phone, TRACK, { token: issued.trackingToken });
      const board = follow<{ callBoard: { services: Line[] } }>(display, BOARD, { o: office.id });
      const english = {
        language: 'en',
        name: 'Certificate of registration',
        description: 'Confirms your registered address.',
        fallback: false,
      };
      const first = await tracking.until((v) => v.trackedTicket.services.length === 1);
      expect(first.trackedTicket.services[0]).toEqual({
        name: 'Meldebescheinigung',
        text: english,
        texts: [
          { language: 'de', name: 'Meldebescheinigung' },
          { language: 'en', name: english.name },
          { language: 'de-x-ls', name: 'Eine Bescheinigung über Ihre Wohnung' },
        ],
      });
      const waits = await board.until((v) => v.callBoard.services.some((s) => (s.waiting ?? 0) > 0));
      expect(waits.callBoard.services.find((s) => s.name === 'Meldebescheinigung')?.text).toEqual(english);

      // A new English name, then a change both screens show (the office's notice): they answer with the new text.
      await run(manager, UPDATE_SERVICE, {
        o: office.id,
        s: certificate.id,
        i: serviceInput(certificate, [
          { language: 'en', name: 'Registration certificate', description: english.description },
          {
            language: 'de-x-ls',
            name: 'Eine Bescheinigung über Ihre Wohnung',
            description: 'Da steht: Sie wohnen hier.',
          },
        ]),
      });
      await manager.ok('mutation($o: ID!, $n: String) { setOfficeNotice(officeId: $o, notice: $n) }', {
        o: office.id,
        n: 'Heute zwei Schalter.',
      });
      const renamed = (v: { services: Line[] }) => v.services.some((s) => s.text.name === 'Registration certificate');
      await tracking.until((v) => renamed(v.trackedTicket));
      await board.until((v) => renamed(v.callBoard));
      await manager.ok('mutation($o: ID!) { setOfficeNotice(officeId: $o, notice: "") }', { o: office.id });
    } finally {
      await phone.dispose();
      await display.dispose();
    }
  });
});

describe('the kiosk’s languages', () => {
  it('are German and English by default and follow the office administration, German always first', async () => {
    const languages = async () =>
      (await t.anonymous().ok<{ office: Res }>(PUBLIC, { slug: 'buergercentrum', lang: 'de' })).office.languages;
    expect(await languages()).toEqual(['de', 'en']);
    expect(await run(manager, DETAILS, { o: office.id, input: { languages: ['de'] } })).toEqual({
      __typename: 'OfficeDetails',
      languages: ['de'],
    });
    expect(await languages()).toEqual(['de']);
    expect((await run(manager, DETAILS, { o: office.id, input: { languages: ['EN', 'de', 'en'] } })).languages).toEqual(
      ['de', 'en'],
    );
    expect(await run(manager, DETAILS, { o: office.id, input: { languages: ['en'] } })).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'languages', code: 'GERMAN_REQUIRED' }],
    });
    expect(await run(manager, DETAILS, { o: office.id, input: { languages: ['de', 'tr'] } })).toEqual({
      __typename: 'InvalidInput',
      fields: [{ field: 'languages', code: 'UNSUPPORTED' }],
    });
    const clerk = await (await t.clerk()).request(DETAILS, { o: office.id, input: { languages: ['de'] } });
    expect(clerk.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await languages()).toEqual(['de', 'en']);
  });
});
