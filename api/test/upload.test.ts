import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanFileName, UNATTACHED_TTL_MS } from '../src/modules/upload/upload.service.js';
import { createTestApp, type TestApp } from './test-app.js';

/** A complete one-page PDF, cross-reference offsets computed. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const PDF = minimalPdf();
/** 1×1 grey PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** 1×1 JFIF JPEG. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
/** The start of a 64-bit Linux executable (ELF header), padded. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 0x90)]);
/** The start of a Windows executable ("MZ" DOS header). */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0)]);

const run = promisify(execFile);

type UploadResponse = { status: number; headers: Headers; body: any };

function form(parts: {
  documentId?: string;
  file?: { data: Buffer; name: string; type?: string };
  fileFirst?: boolean;
}) {
  const fd = new FormData();
  const addId = () => parts.documentId !== undefined && fd.append('documentId', parts.documentId);
  const addFile = () =>
    parts.file &&
    fd.append(
      'file',
      new Blob([new Uint8Array(parts.file.data)], { type: parts.file.type ?? 'application/octet-stream' }),
      parts.file.name,
    );
  if (parts.fileFirst) {
    addFile();
    addId();
  } else {
    addId();
    addFile();
  }
  return fd;
}

async function post(baseUrl: string, body: FormData | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/uploads`, { method: 'POST', body, headers });
  return { status: res.status, headers: res.headers, body: await res.json() } as UploadResponse;
}

async function documentId(t: TestApp, name: string): Promise<string> {
  const rows = await t.sql<{ id: string }>('SELECT id FROM required_document WHERE name = $1 LIMIT 1', [name]);
  const id = rows[0]?.id;
  if (!id) throw new Error(`no required document ${name}`);
  return id;
}

async function stored(t: TestApp): Promise<{ uploads: number; blobs: number }> {
  const [row] = await t.sql<{ uploads: number; blobs: number }>(
    'SELECT (SELECT count(*) FROM upload)::int AS uploads, (SELECT count(*) FROM upload_blob)::int AS blobs',
  );
  return row ?? { uploads: -1, blobs: -1 };
}

describe('cleanFileName', () => {
  it('keeps an ordinary name, umlauts included', () => {
    expect(cleanFileName('Wohnungsgeberbescheinigung Müller.pdf')).toBe('Wohnungsgeberbescheinigung Müller.pdf');
  });

  it('drops every path part, POSIX and Windows', () => {
    expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanFileName('C:\\Users\\anna\\Desktop\\scan.png')).toBe('scan.png');
    expect(cleanFileName('..')).toBe('upload');
    expect(cleanFileName('dir/')).toBe('upload');
  });

  it('removes control and bidi-override characters, reserved characters and leading dots', () => {
    expect(cleanFileName('a\u0000b\r\nc.pdf')).toBe('abc.pdf');
    expect(cleanFileName('rechnung\u202Efdp.exe')).toBe('rechnungfdp.exe');
    expect(cleanFileName('what?<is>:"this"|*.jpg')).toBe('what__is___this___.jpg');
    expect(cleanFileName('  .hidden.pdf  ')).toBe('hidden.pdf');
    expect(cleanFileName('   ')).toBe('upload');
  });

  it('limits the length to 150 characters and keeps the extension', () => {
    const long = `${'ä'.repeat(300)}.jpeg`;
    const cleaned = cleanFileName(long);
    expect([...cleaned].length).toBe(150);
    expect(cleaned.endsWith('ää.jpeg')).toBe(true);
  });
});

describe('document uploads', () => {
  let t: TestApp;
  let landlord: string;
  let photo: string;
  beforeAll(async () => {
    // 0.01 MB = 10486 bytes keeps the too-large test fast.
    t = await createTestApp({ env: { UPLOAD_MAX_MB: '0.01', CORS_ORIGINS: 'https://portal.example.de' } });
    landlord = await documentId(t, 'Wohnungsgeberbescheinigung');
    photo = await documentId(t, 'Biometrisches Passfoto');
  });
  afterAll(() => t?.close());

  it('accepts a PDF: 201 with the id, stored as metadata row and bytes', async () => {
    const res = await post(
      t.baseUrl,
      form({ documentId: landlord, file: { data: PDF, name: 'Bescheinigung Müller.pdf', type: 'application/pdf' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      documentId: landlord,
      fileName: 'Bescheinigung Müller.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    const [row] = await t.sql<{ appointmentId: string | null; createdAt: Date; data: Buffer }>(
      'SELECT u."appointmentId", u."createdAt", b.data FROM upload u JOIN upload_blob b ON b."uploadId" = u.id WHERE u.id = $1',
      [res.body.id],
    );
    expect(row?.appointmentId).toBeNull();
    expect(row?.createdAt.getTime()).toBe(t.clock.now().getTime());
    expect(row?.data.equals(PDF)).toBe(true);

    const read = await t.app.services.uploads.read(res.body.id);
    expect(read?.upload.fileName).toBe('Bescheinigung Müller.pdf');
    expect(read?.data.equals(PDF)).toBe(true);
    expect(await t.app.services.uploads.read('not-a-uuid')).toBeNull();
    expect(await t.app.services.uploads.read('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('detects PNG and JPEG from the content, whatever the name, type or field order says', async () => {
    const png = await post(
      t.baseUrl,
      form({ documentId: landlord, file: { data: PNG, name: 'foto.png' }, fileFirst: true }),
    );
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ fileName: 'foto.png', mediaType: 'image/png', sizeBytes: PNG.length });

    const jpeg = await post(
      t.baseUrl,
      form({ documentId: landlord, file: { data: JPEG, name: 'scan.pdf', type: 'application/pdf' } }),
    );
    expect(jpeg.status).toBe(201);
    expect(jpeg.body).toMatchObject({ fileName: 'scan.pdf', mediaType: 'image/jpeg', sizeBytes: JPEG.length });
    const [row] = await t.sql<{ mediaType: string }>('SELECT "mediaType" FROM upload WHERE id = $1', [jpeg.body.id]);
    expect(row?.mediaType).toBe('image/jpeg');
  });

  it('refuses an executable named .pdf with 415 and stores nothing', async () => {
    const before = await stored(t);
    for (const data of [ELF, EXE]) {
      const res = await post(
        t.baseUrl,
        form({ documentId: landlord, file: { data, name: 'x.pdf', type: 'application/pdf' } }),
      );
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_TYPE');
      expect(res.body.error.message).toMatch(/Only PDF, JPEG and PNG/);
    }
    expect(await stored(t)).toEqual(before);
  });

  it('refuses plain text with 415', async () => {
    const before = await stored(t);
    const res = await post(
      t.baseUrl,
      form({ documentId: landlord, file: { data: Buffer.from('Name: Anna Muster\nStraße 1\n'), name: 'notes.pdf' } }),
    );
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      error: {
        code: 'UNSUPPORTED_TYPE',
        message: 'Only PDF, JPEG and PNG files are accepted; the content of this file is not one of them.',
      },
    });
    expect(await stored(t)).toEqual(before);
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const before = await stored(t);
    const justOver = Buffer.concat([PDF, Buffer.alloc(t.app.services.uploads.limits.maxBytes - PDF.length + 1, 0x20)]);
    const res = await post(
      t.baseUrl,
      form({ documentId: landlord, file: { data: justOver, name: 'big.pdf', type: 'application/pdf' } }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_LARGE');
    expect(res.body.error.message).toBe('The file is larger than 0.01 MB (10486 bytes).');
    // Much larger: answered from its declared size before the body is read.
    const huge = await post(
      t.baseUrl,
      form({ documentId: landlord, file: { data: Buffer.alloc(3 * 1024 * 1024, 0x25), name: 'huge.pdf' } }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('TOO_LARGE');
    expect(await stored(t)).toEqual(before);

    // Exactly at the limit is fine.
    const atLimit = Buffer.concat([PDF, Buffer.alloc(t.app.services.uploads.limits.maxBytes - PDF.length, 0x20)]);
    const ok = await post(t.baseUrl, form({ documentId: landlord, file: { data: atLimit, name: 'edge.pdf' } }));
    expect(ok.status).toBe(201);
    expect(ok.body.sizeBytes).toBe(10486);
  });

  it('answers 413 while a large body of unknown length is still arriving, without waiting for the rest', async () => {
    const boundary = 'bc-test-boundary';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="documentId"\r\n\r\n${landlord}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n';
    const max = 64 * 1024 * 1024;
    const { port } = new URL(t.baseUrl);
    const result = await new Promise<{ status: number; sent: number; body: string }>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/uploads',
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      let answered = false;
      let sent = 0;
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, sent, body });
          req.destroy(); // a client that gives up sending once answered
        });
      });
      req.on('error', (err) => !answered && reject(err));
      req.write(head);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        if (answered || req.destroyed) return;
        if (sent >= max) {
          req.end(`\r\n--${boundary}--\r\n`);
          return;
        }
        sent += chunk.length;
        if (req.write(chunk)) setImmediate(pump);
        else req.once('drain', pump);
      };
      pump();
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe('TOO_LARGE');
    // Answered while the client was still sending: socket buffers take some more, but far from all of it.
    expect(result.sent).toBeLessThan(max / 4);
  });

  it('keeps serving when a client goes away mid-upload, and stores nothing', async () => {
    const before = await stored(t);
    const { port } = new URL(t.baseUrl);
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/uploads',
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=b2', 'content-length': '100000' },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(
        `--b2\r\nContent-Disposition: form-data; name="documentId"\r\n\r\n${landlord}\r\n--b2\r\n` +
          'Content-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n',
        () => setTimeout(() => req.destroy(), 50),
      );
    });
    const after = await post(t.baseUrl, form({ documentId: landlord, file: { data: PNG, name: 'next.png' } }));
    expect(after.status).toBe(201);
    expect(await stored(t)).toEqual({ uploads: before.uploads + 1, blobs: before.blobs + 1 });
  });

  it('refuses a request without a file, with an empty file, in another field or with two files (400)', async () => {
    const before = await stored(t);
    const none = await post(t.baseUrl, form({ documentId: landlord }));
    expect(none.status).toBe(400);
    expect(none.body.error).toEqual({ code: 'MISSING_FILE', message: 'The request has no file (form field "file").' });

    const empty = await post(t.baseUrl, form({ documentId: landlord, file: { data: Buffer.alloc(0), name: 'a.pdf' } }));
    expect(empty.status).toBe(400);
    expect(empty.body.error).toEqual({ code: 'MISSING_FILE', message: 'The file is empty.' });

    const wrongField = new FormData();
    wrongField.append('documentId', landlord);
    wrongField.append('attachment', new Blob([new Uint8Array(PDF)]), 'a.pdf');
    const other = await post(t.baseUrl, wrongField);
    expect(other.status).toBe(400);
    expect(other.body.error).toEqual({ code: 'MISSING_FILE', message: 'Send the file in the form field "file".' });

    const two = form({ documentId: landlord, file: { data: PDF, name: 'a.pdf' } });
    two.append('file', new Blob([new Uint8Array(PNG)]), 'b.png');
    const twoRes = await post(t.baseUrl, two);
    expect(twoRes.status).toBe(400);
    expect(twoRes.body.error.code).toBe('MULTIPLE_FILES');
    expect(await stored(t)).toEqual(before);
  });

  it('refuses a missing, malformed or unknown documentId with 400 UNKNOWN_DOCUMENT', async () => {
    const before = await stored(t);
    const file = { data: PDF, name: 'a.pdf' };
    const missing = await post(t.baseUrl, form({ file }));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({
      code: 'UNKNOWN_DOCUMENT',
      message: 'The form field "documentId" is missing.',
    });

    const garbage = await post(t.baseUrl, form({ documentId: "1'; DROP TABLE upload; --", file }));
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe('UNKNOWN_DOCUMENT');

    const unknownId = '4b0a2c8e-0000-4000-8000-000000000001';
    const unknown = await post(t.baseUrl, form({ documentId: unknownId, file, fileFirst: true }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({
      code: 'UNKNOWN_DOCUMENT',
      message: `There is no required document with id ${unknownId}.`,
    });
    expect(await stored(t)).toEqual(before);
  });

  it('refuses a document that is not uploadable with 400 NOT_UPLOADABLE', async () => {
    const before = await stored(t);
    const res = await post(t.baseUrl, form({ documentId: photo, file: { data: JPEG, name: 'passfoto.jpg' } }));
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'NOT_UPLOADABLE',
      message: 'The document "Biometrisches Passfoto" cannot be uploaded; bring it along.',
    });
    expect(await stored(t)).toEqual(before);
  });

  it('stores a path-traversal file name as a harmless display name', async () => {
    const res = await post(
      t.baseUrl,
      form({ documentId: landlord, file: { data: PDF, name: '../../etc/passwd.pdf', type: 'application/pdf' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('passwd.pdf');
    const [row] = await t.sql<{ fileName: string }>('SELECT "fileName" FROM upload WHERE id = $1', [res.body.id]);
    expect(row?.fileName).toBe('passwd.pdf');
  });

  it('refuses a body that is not multipart (415 NOT_MULTIPART) or is broken (400 INVALID_MULTIPART)', async () => {
    const before = await stored(t);
    const json = await post(t.baseUrl, JSON.stringify({ documentId: landlord, file: PDF.toString('base64') }), {
      'content-type': 'application/json',
    });
    expect(json.status).toBe(415);
    expect(json.body.error).toEqual({ code: 'NOT_MULTIPART', message: 'Send the file as multipart/form-data.' });

    const noBoundary = await post(t.baseUrl, 'x', { 'content-type': 'multipart/form-data' });
    expect(noBoundary.status).toBe(415);
    expect(noBoundary.body.error.code).toBe('NOT_MULTIPART');

    const truncated = await post(
      t.baseUrl,
      `--b1\r\nContent-Disposition: form-data; name="documentId"\r\n\r\n${landlord}\r\n--b1\r\n` +
        'Content-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n',
      { 'content-type': 'multipart/form-data; boundary=b1' },
    );
    expect(truncated.status).toBe(400);
    expect(truncated.body.error).toEqual({
      code: 'INVALID_MULTIPART',
      message: 'The multipart body could not be read: Unexpected end of form.',
    });
    expect(await stored(t)).toEqual(before);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.baseUrl}/uploads`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('https://portal.example.de');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.de');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('purges unattached uploads older than an hour, with their bytes, and keeps fresh ones', async () => {
    const uploads = t.app.services.uploads;
    await t.sql('DELETE FROM upload');
    t.clock.advance(-2 * UNATTACHED_TTL_MS);
    const old = await post(t.baseUrl, form({ documentId: landlord, file: { data: PDF, name: 'old.pdf' } }));
    t.clock.advance(UNATTACHED_TTL_MS);
    const almost = await post(t.baseUrl, form({ documentId: landlord, file: { data: PNG, name: 'almost.png' } }));
    t.clock.advance(UNATTACHED_TTL_MS);
    const fresh = await post(t.baseUrl, form({ documentId: landlord, file: { data: JPEG, name: 'fresh.jpg' } }));
    expect([old.status, almost.status, fresh.status]).toEqual([201, 201, 201]);
    expect(await stored(t)).toEqual({ uploads: 3, blobs: 3 });

    // "almost" is exactly one hour old now: kept (strictly older is purged).
    expect(await uploads.purgeUnattached()).toBe(1);
    const left = await t.sql<{ id: string }>('SELECT "uploadId" AS id FROM upload_blob ORDER BY "uploadId"');
    expect(left.map((r) => r.id).sort()).toEqual([almost.body.id, fresh.body.id].sort());
    expect(await stored(t)).toEqual({ uploads: 2, blobs: 2 });
    expect(await uploads.read(old.body.id)).toBeNull();

    t.clock.advance(1);
    expect(await uploads.purgeUnattached()).toBe(1);
    const [remaining] = await t.sql<{ id: string }>('SELECT id FROM upload');
    expect(remaining?.id).toBe(fresh.body.id);
    expect(await uploads.purgeUnattached()).toBe(0);
  });
});

describe('upload rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_RATE_PER_HOUR: '3' } });
  });
  afterAll(() => t?.close());

  it('answers 429 with Retry-After after the hourly number of attempts, refused ones included', async () => {
    const landlord = await documentId(t, 'Wohnungsgeberbescheinigung');
    const good = () => post(t.baseUrl, form({ documentId: landlord, file: { data: PDF, name: 'a.pdf' } }));
    expect((await good()).status).toBe(201);
    const refused = await post(t.baseUrl, form({ documentId: landlord, file: { data: ELF, name: 'x.pdf' } }));
    expect(refused.status).toBe(415);
    expect((await good()).status).toBe(201);

    const limited = await good();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toMatch(/at most 3 per hour/);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await stored(t)).toEqual({ uploads: 2, blobs: 2 });
  });
});

/**
 * What a client sees when its upload is refused while it is still sending the body: the answer (413, or 429 with
 * Retry-After), not a reset connection (EPIPE). Real clients in their own process (Node's http and fetch) send 8 MB
 * bodies, 20 times each.
 */
describe('refused uploads while the body is still arriving', () => {
  let t: TestApp;
  const TRIES = 20;
  const BODY = 8 * 1024 * 1024;
  beforeAll(async () => {
    t = await createTestApp({ env: { UPLOAD_MAX_MB: '1', UPLOAD_RATE_PER_HOUR: '1', TRUST_PROXY: 'true' } });
  });
  afterAll(() => t?.close());

  type Outcome = { status?: number; retryAfter?: string; code?: string; error?: string };
  const client = path.resolve(import.meta.dirname, 'upload-client.ts');
  const send = async (mode: 'http' | 'fetch', size: number, addresses: string[]): Promise<Outcome[]> => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', client, `${t.baseUrl}/uploads`, String(size), String(TRIES), mode, ...addresses],
      { cwd: path.resolve(import.meta.dirname, '..'), maxBuffer: 1024 * 1024 },
    );
    return JSON.parse(stdout) as Outcome[];
  };

  it('answers 413 TOO_LARGE every time, before reading the body', async () => {
    for (const mode of ['http', 'fetch'] as const) {
      // A new address each time: only the size refuses these.
      const addresses = Array.from({ length: TRIES }, (_, i) => `198.51.100.${mode === 'http' ? i : 100 + i}`);
      expect(await send(mode, BODY, addresses)).toEqual(Array(TRIES).fill({ status: 413, code: 'TOO_LARGE' }));
    }
    expect(await stored(t)).toEqual({ uploads: 0, blobs: 0 });
  });

  it('answers 429 RATE_LIMITED with Retry-After every time once the address is over its limit', async () => {
    const address = '203.0.113.7';
    for (const mode of ['http', 'fetch'] as const) {
      const outcomes = await send(mode, BODY, [address]);
      // The first try of all is the address's one attempt of the hour (refused as too large); then the limit holds.
      const limited = mode === 'http' ? outcomes.slice(1) : outcomes;
      if (mode === 'http') expect(outcomes[0]).toEqual({ status: 413, code: 'TOO_LARGE' });
      for (const outcome of limited) {
        expect(outcome).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
        expect(Number(outcome.retryAfter)).toBeGreaterThan(3000);
      }
    }
  });

  it('keeps the connection usable after a refusal: the next request on it is answered', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: Buffer, type: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(`${t.baseUrl}/uploads`, {
          method: 'POST',
          agent,
          headers: { 'content-type': type, 'content-length': body.length, 'x-forwarded-for': '203.0.113.9' },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect(await post(Buffer.alloc(2 * 1024 * 1024, 0x20), 'multipart/form-data; boundary=x')).toBe(413);
      expect(await post(Buffer.from('x'), 'text/plain')).toBe(415);
    } finally {
      agent.destroy();
    }
  });
});
