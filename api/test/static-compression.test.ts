import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, serveSpas } from '../src/http/spa.js';
import { createTestApp, type TestApp } from './test-app.js';

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET or POST with exactly the headers given (fetch would add its own Accept-Encoding and decode the body). */
function request(url: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body ? 'POST' : 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const chromium = 'gzip, deflate, br, zstd';
const script = `export const greeting = ${JSON.stringify('Grüß Gott! '.repeat(400))};\n`;
const html = `<!doctype html><html lang="de"><head><title>Termine</title></head><body><div id="root"></div>${'<!-- x -->'.repeat(100)}</body></html>`;

describe('the SPAs as a slow phone gets them', () => {
  let root: string;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    // A build as Vite and the precompress plugin leave it: hashed assets with .br and .gz beside them.
    root = await mkdtemp(path.join(os.tmpdir(), 'bc-spa-'));
    const dist = path.join(root, 'web-booking', 'dist');
    await mkdir(path.join(dist, 'assets'), { recursive: true });
    const files: Record<string, string> = { 'index.html': html, 'assets/index-Ab12Cd34.js': script };
    for (const [name, text] of Object.entries(files)) {
      await writeFile(path.join(dist, name), text);
      await writeFile(path.join(dist, `${name}.br`), brotliCompressSync(text));
      await writeFile(path.join(dist, `${name}.gz`), gzipSync(text));
    }
    await writeFile(path.join(dist, 'assets', 'font-Ef56Gh78.woff2'), Buffer.from('wOF2 already compressed'));
    const app = express();
    expect(serveSpas(app, { root })).toEqual(['web-staff', 'web-tracker']);
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await rm(root, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, whatever the order of its header', async () => {
    const res = await request(`${base}/booking/assets/index-Ab12Cd34.js`, { 'accept-encoding': chromium });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip when only gzip is accepted, and when brotli is refused', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const res = await request(`${base}/booking/assets/index-Ab12Cd34.js`, { 'accept-encoding': accept });
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(gunzipSync(res.body).toString()).toBe(script);
    }
  });

  it('sends the file itself to a client that accepts no compression, still saying that the answer varies', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'deflate, zstd' },
    ]) {
      const res = await request(`${base}/booking/assets/index-Ab12Cd34.js`, headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.body.toString()).toBe(script);
    }
  });

  it('keeps hashed assets for a year, immutable, and does not re-encode fonts', async () => {
    const js = await request(`${base}/booking/assets/index-Ab12Cd34.js`, { 'accept-encoding': chromium });
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const font = await request(`${base}/booking/assets/font-Ef56Gh78.woff2`, { 'accept-encoding': chromium });
    expect(font.status).toBe(200);
    expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['content-type']).toBe('font/woff2');
  });

  it('checks index.html and every deep SPA route on each load, compressed like the assets', async () => {
    for (const route of ['/booking/', '/booking/index.html', '/booking/buergercentrum/termin/leistungen']) {
      const res = await request(base + route, { 'accept-encoding': chromium });
      expect(res.status, route).toBe(200);
      expect(res.headers['cache-control'], route).toBe('no-cache');
      expect(res.headers['content-encoding'], route).toBe('br');
      expect(res.headers['content-type'], route).toBe('text/html; charset=utf-8');
      expect(brotliDecompressSync(res.body).toString(), route).toBe(html);
    }
    const plain = await request(`${base}/booking/buergercentrum`, {});
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
  });

  it('serves nothing but the files when compression is off', async () => {
    const app = express();
    serveSpas(app, { root, compression: false });
    const off = http.createServer(app);
    await new Promise<void>((r) => off.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(off.address() as AddressInfo).port}`;
      const res = await request(`${url}/booking/assets/index-Ab12Cd34.js`, { 'accept-encoding': chromium });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString()).toBe(script);
    } finally {
      await new Promise((r) => off.close(r));
    }
  });
});

describe('chooseEncoding', () => {
  it('follows q-values, wildcards and refusals', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('br;q=0.2, gzip;q=0.8', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('*;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBeUndefined();
    expect(chooseEncoding('identity', ['br', 'gzip'])).toBeUndefined();
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBeUndefined();
  });
});

describe('GraphQL answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const query = JSON.stringify({ query: '{ __schema { types { name description } } }' });
  const post = (accept: Record<string, string>) =>
    request(`${t.baseUrl}/graphql`, { 'content-type': 'application/json', ...accept }, query);

  it('are compressed as the client accepts, and sent as they are otherwise', async () => {
    const br = await post({ 'accept-encoding': chromium });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    const json = JSON.parse(brotliDecompressSync(br.body).toString());
    expect(json.data.__schema.types.length).toBeGreaterThan(10);

    const gz = await post({ 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(json);

    const plain = await post({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toEqual(json);
  });
});
