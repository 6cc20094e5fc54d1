/**
 * A client in its own process for the upload tests (a client in the server's process shares its event loop and never
 * sees the races a real one does): sends `tries` multipart bodies of `size` bytes to `url`, with Node's http or with
 * fetch, and prints one JSON array of outcomes: `{ status, retryAfter, code }` or `{ error }` (e.g. EPIPE).
 * Usage: node --import tsx upload-client.ts <url> <size> <tries> <http|fetch> <address>…   (one address per try,
 * sent as X-Forwarded-For; the last one repeats).
 */
import http from 'node:http';

type Outcome = { status: number; retryAfter?: string; code?: string } | { error: string };

const [url = '', size = '0', tries = '1', mode = 'http', ...addresses] = process.argv.slice(2);
const boundary = 'bc-large';
const type = `multipart/form-data; boundary=${boundary}`;
const body = Buffer.concat([
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="documentId"\r\n\r\n00000000-0000-0000-0000-000000000000\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
  ),
  Buffer.alloc(Number(size), 0x20),
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

const errorCode = (err: unknown) => {
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  return { error: e.cause?.code ?? e.code ?? e.message ?? String(err) };
};

function withHttp(address: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': type, 'content-length': body.length, 'x-forwarded-for': address },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const parsed = JSON.parse(text) as { error?: { code?: string } };
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], code: parsed.error?.code });
      });
      res.on('error', (err) => resolve(errorCode(err)));
    });
    req.on('error', (err) => resolve(errorCode(err)));
    req.end(body);
  });
}

async function withFetch(address: string): Promise<Outcome> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': type, 'x-forwarded-for': address },
      body: new Uint8Array(body),
    });
    const parsed = (await res.json()) as { error?: { code?: string } };
    return { status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined, code: parsed.error?.code };
  } catch (err) {
    return errorCode(err);
  }
}

const outcomes: Outcome[] = [];
for (let i = 0; i < Number(tries); i++) {
  const address = addresses[Math.min(i, addresses.length - 1)] ?? '127.0.0.1';
  outcomes.push(await (mode === 'fetch' ? withFetch(address) : withHttp(address)));
}
process.stdout.write(JSON.stringify(outcomes));
