import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GqlClient } from './gql-client.js';
import { createTestApp, type TestApp, TestClock } from './test-app.js';
import { PDF, PNG, publicOffice, type RequiredDoc, uploadTarget } from './upload-fixtures.js';

// Monday 1 March 2027, 07:00 in Pforzheim; the appointments are on Tuesday 2 March (09:00 local is 08:00Z).
const clock = new TestClock(new Date('2027-03-01T06:00:00Z'));
let t: TestApp;

const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename
  ... on BookingConfirmed { appointment { id } } ... on InvalidInput { fields { field code } } } }`;

let mail = 0;
async function bookWithUpload(
  slug: string,
  serviceName: string,
  documentName: string,
  start: string,
  file: { name: string; data: Buffer },
): Promise<string> {
  const target = await uploadTarget(t.anonymous(), slug, serviceName, documentName);
  const uploaded = await t.app.services.uploads.accept({
    documentId: target.documentId,
    fileName: file.name,
    data: file.data,
    clientKey: 'download-test',
  });
  if (!uploaded.ok) throw new Error(uploaded.message);
  mail += 1;
  const res = await t.anonymous().ok<{ bookAppointment: { __typename: string } }>(BOOK, {
    input: {
      officeId: target.officeId,
      services: [{ serviceId: target.serviceId, count: 1 }],
      start,
      name: 'Erika Mustermann',
      email: `download${mail}@example.de`,
      language: 'de',
      privacyConsent: true,
      uploadIds: [uploaded.upload.id],
    },
  });
  expect(res.bookAppointment.__typename).toBe('BookingConfirmed');
  return uploaded.upload.id;
}

/** GET /uploads/:id as a browser tab would: the session cookie of `client`, if any. */
function download(id: string, client?: GqlClient, headers: Record<string, string> = {}) {
  return fetch(`${t.baseUrl}/uploads/${encodeURIComponent(id)}`, {
    headers: { ...(client?.cookie ? { cookie: client.cookie } : {}), ...headers },
  });
}

let registrationUpload: string;
let citizenshipUpload: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  registrationUpload = await bookWithUpload(
    'buergercentrum',
    'Anmeldung / Ummeldung Wohnsitz',
    'Wohnungsgeberbescheinigung',
    '2027-03-02T08:00:00.000Z',
    { name: 'Wohnungsgeberbestätigung Müller "neu".pdf', data: PDF },
  );
  citizenshipUpload = await bookWithUpload(
    'staatsangehoerigkeit',
    'Einbürgerungsantrag stellen',
    'Sprachzertifikat (mindestens B1)',
    '2027-03-02T08:00:00.000Z',
    { name: 'b1.png', data: PNG },
  );
});
afterAll(async () => {
  await t?.close();
});

describe('GET /uploads/:id (staff download)', () => {
  it('gives the clerk of the office the bytes, inline, typed from the content, never cached or sniffed', async () => {
    const clerk = await t.clerk();
    const res = await download(registrationUpload, clerk);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-length')).toBe(String(PDF.length));
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Wohnungsgeberbest_tigung M_ller _neu_.pdf"; filename*=UTF-8''Wohnungsgeberbest%C3%A4tigung%20M%C3%BCller%20_neu_.pdf`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^sandbox; default-src 'none'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('serves an image the same way, to the information desk and to a manager of both offices', async () => {
    const manager = await t.officeManager();
    const res = await download(citizenshipUpload, manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="b1.png"; filename*=UTF-8''b1.png`);

    expect((await download(registrationUpload, await t.infoDesk())).status).toBe(200);
    expect((await download(registrationUpload, await t.admin())).status).toBe(200);
  });

  it("answers 404 to a clerk for another office's upload, as for one that does not exist", async () => {
    const clerk = await t.clerk(); // works in the Bürgercentrum only
    const res = await download(citizenshipUpload, clerk);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: 'There is no such document.' } });
    const unknown = await download('00000000-0000-4000-8000-000000000000', clerk);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(body);
  });

  it('answers 401 without a staff session: anonymous, a signed-out cookie, a device or portal token', async () => {
    const anonymous = await download(registrationUpload);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect(Buffer.from(await (await download(registrationUpload)).arrayBuffer()).includes(PDF)).toBe(false);

    const clerk = await t.clerk();
    const cookie = clerk.cookie as string;
    await clerk.ok('mutation { logout }');
    expect((await download(registrationUpload, undefined, { cookie })).status).toBe(401);
    expect((await download(registrationUpload, undefined, { cookie: 'bc_session=guessed' })).status).toBe(401);

    const kiosk = t.kiosk();
    expect((await download(registrationUpload, undefined, { authorization: `Bearer ${kiosk.bearer}` })).status).toBe(
      401,
    );
    expect((await download(registrationUpload, undefined, { authorization: `Bearer ${t.portalKey.key}` })).status).toBe(
      401,
    );
  });

  it('never serves an upload no booking attached, even to an admin', async () => {
    const office = await publicOffice(t.anonymous(), 'buergercentrum');
    const document = office.services
      .flatMap((s) => s.requiredDocuments)
      .find((d) => d.name === 'Wohnungsgeberbescheinigung') as RequiredDoc;
    const loose = await t.app.services.uploads.accept({
      documentId: document.documentId,
      fileName: 'loose.pdf',
      data: PDF,
      clientKey: 'download-test',
    });
    if (!loose.ok) throw new Error(loose.message);
    expect((await download(loose.upload.id, await t.admin())).status).toBe(404);
    expect((await download(loose.upload.id, await t.clerk())).status).toBe(404);
  });

  it('answers 404 to malformed ids', async () => {
    const clerk = await t.clerk();
    for (const id of ['not-a-uuid', `${registrationUpload}x`, '..%2F..%2Fetc%2Fpasswd', "1' OR '1'='1"]) {
      const res = await download(id, clerk);
      expect(res.status, id).toBe(404);
    }
  });
});
