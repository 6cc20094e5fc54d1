/**
 * A Web Push service in the test process: a plain HTTP server that takes pushes the way FCM or Mozilla's service do
 * (POST to the subscription's endpoint), checks the VAPID signature (RFC 8292) and decrypts the aes128gcm payload
 * (RFC 8291 over RFC 8188) with the browser keys a test subscription made with node:crypto. So a test proves that
 * what the api sends is really encrypted for that browser and really signed with the api's key.
 */
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TestBrowser = {
  /** The path of its endpoint on the push service. */
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  ecdh: ReturnType<typeof createECDH>;
  authSecret: Buffer;
};

export type ReceivedPush = {
  browser: string;
  /** The decrypted payload, parsed. */
  payload: { title: string; body: string; url: string; tag?: string };
  /** The `k` of the VAPID header: the api's public key. */
  vapidKey: string;
  ttl: string | undefined;
};

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 section 3.4 and RFC 8188 section 2: the message body of one push decrypted with the browser's keys. */
export function decryptAes128gcm(body: Buffer, browser: Pick<TestBrowser, 'ecdh' | 'authSecret'>): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body.readUInt8(20);
  const senderPublic = body.subarray(21, 21 + idLength); // the application server's ephemeral key (keyid)
  const ciphertext = body.subarray(21 + idLength);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const receiverPublic = browser.ecdh.getPublicKey();
  const ecdhSecret = browser.ecdh.computeSecret(senderPublic);
  // HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
  const prkKey = hmac(browser.authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverPublic, senderPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  // HKDF(salt, IKM, "Content-Encoding: aes128gcm" || 0x00, 16) and the nonce (12 bytes); one record, sequence 0.
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>`: an ES256 JWT for the endpoint's origin, signed by that key. */
function checkVapid(header: string | undefined, origin: string): string {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m) throw new Error(`no VAPID authorization: ${header}`);
  const [jwt, key] = [m[1] as string, m[2] as string];
  const [head, claims, signature] = jwt.split('.') as [string, string, string];
  const point = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const ok = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  const aud = JSON.parse(Buffer.from(claims, 'base64url').toString()).aud;
  if (!ok || aud !== origin) throw new Error(`VAPID JWT not valid (signature ${ok}, aud ${aud})`);
  return key;
}

export class TestPushService {
  readonly received: ReceivedPush[] = [];
  /** Requests that could not be checked or decrypted (a test expects none). */
  readonly errors: string[] = [];
  /** Answers per browser id other than 201 (e.g. 410: the subscription expired). */
  readonly status = new Map<string, number>();
  /** Waits this long before answering (so that concurrent senders overlap). */
  delayMs = 0;
  private server: Server | undefined;
  private browsers = new Map<string, TestBrowser>();
  private counter = 0;
  origin = '';

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const id = (req.url ?? '').replace(/^\/push\//, '');
        const browser = this.browsers.get(id);
        try {
          if (req.method !== 'POST' || !browser) throw new Error(`unknown endpoint ${req.method} ${req.url}`);
          if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
          const vapidKey = checkVapid(req.headers.authorization, this.origin);
          const text = decryptAes128gcm(Buffer.concat(chunks), browser);
          this.received.push({ browser: id, payload: JSON.parse(text), vapidKey, ttl: req.headers.ttl as string });
        } catch (err) {
          this.errors.push(String(err));
        }
        if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
        res.writeHead(this.status.get(id) ?? 201).end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  /** A new browser: its P-256 key pair and auth secret, and an endpoint on this service. */
  browser(): TestBrowser {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const authSecret = randomBytes(16);
    const id = `b${++this.counter}-${randomBytes(4).toString('hex')}`;
    const browser = {
      id,
      endpoint: `${this.origin}/push/${id}`,
      p256dh: ecdh.getPublicKey().toString('base64url'),
      auth: authSecret.toString('base64url'),
      ecdh,
      authSecret,
    };
    this.browsers.set(id, browser);
    return browser;
  }

  of(browser: TestBrowser): ReceivedPush[] {
    return this.received.filter((r) => r.browser === browser.id);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
