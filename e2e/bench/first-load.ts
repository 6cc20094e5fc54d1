/**
 * First load of the citizen pages on a weak phone connection: the booking start page (/booking/) and a tracking
 * page (/track/t/<token> of a real walk-in ticket), in Debian's Chromium with Chrome DevTools' "Slow 4G" preset and
 * the CPU slowed down four times, cache off. Starts the built product twice: once as shipped (brotli/gzip), once
 * with WEB_COMPRESSION=false as the baseline, and prints one table per page with the targets beside the figures.
 * A benchmark, not a test: it prints and does not fail on the targets. `npm run bench:first-load` (builds first).
 *
 * Time to interactive (TTI), as measured here: the page's main content is in the DOM (the heading with the first
 * office link / the ticket's heading with its number) and the main thread is free, i.e. the end of the last long
 * task (over 50 ms, Long Tasks API) that starts before a 1 s window without long tasks after that moment. Shorter
 * than Lighthouse's 5 s quiet window and without its network condition: the pages keep a WebSocket open.
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser, type RunningProduct, startProduct } from '../harness.js';
import { gql, kioskToken } from '../helpers.js';

/** Chrome DevTools' "Slow 4G" preset (formerly "Fast 3G"): 150 ms RTT × 3.75, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up. */
const slow4g = { latency: 150 * 3.75, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const cpuSlowdown = 4;
const runs = Number(process.env.RUNS ?? 3);
const targets = { jsGzipKb: 120, ttiMs: 3500 };

type Figures = {
  requests: number;
  transferredKb: number;
  jsTransferredKb: number;
  jsGzipKb: number;
  fcpMs: number;
  ttiMs: number;
};

type PageCase = { name: string; path: string; ready: string };

declare global {
  interface Window {
    __bench: { readyAt?: number; longTasks: { start: number; end: number }[] };
  }
}

/**
 * Watches, from before the first script runs, for the page's main content and for long tasks. A string, not a
 * function: tsx would wrap a function's inner functions in a helper the page does not have.
 */
function instrument(readySelector: string): string {
  return `
    window.__bench = { longTasks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      if (window.__bench.readyAt === undefined && document.querySelector(${JSON.stringify(readySelector)})) {
        window.__bench.readyAt = performance.now();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  `;
}

/** The size of a response as gzip would send it (the build's .gz when the api has it, else gzip -9 of the body). */
function gzipSize(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve(res.headers['content-encoding'] === 'gzip' ? body.length : gzipSync(body, { level: 9 }).length);
        });
      })
      .on('error', reject);
  });
}

async function measure(browser: Browser, url: string, ready: string): Promise<Figures> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...slow4g });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  const responses = new Map<string, { url: string; type: string }>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.addInitScript(instrument(ready));

  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench.readyAt !== undefined, undefined, { timeout: 120_000 });
  // Let the quiet window pass (page time runs slower under the CPU slowdown; 3 s of wall time covers it).
  await page.waitForTimeout(3_000);
  const { fcp, tti } = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    let t = window.__bench.readyAt ?? 0;
    for (const task of [...window.__bench.longTasks].sort((a, b) => a.start - b.start)) {
      if (task.start <= t + 1_000 && task.end > t) t = task.end;
    }
    return { fcp: paint?.startTime ?? Number.NaN, tti: t };
  });
  await context.close();

  let transferred = 0;
  let jsTransferred = 0;
  let jsGzip = 0;
  for (const [id, size] of sizes) {
    transferred += size;
    const response = responses.get(id);
    if (response?.type === 'Script') {
      jsTransferred += size;
      jsGzip += await gzipSize(response.url);
    }
  }
  return {
    requests: sizes.size,
    transferredKb: transferred / 1000,
    jsTransferredKb: jsTransferred / 1000,
    jsGzipKb: jsGzip / 1000,
    fcpMs: fcp,
    ttiMs: tti,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function measureProduct(compressed: boolean): Promise<Map<string, Figures>> {
  const product: RunningProduct = await startProduct({ WEB_COMPRESSION: String(compressed) });
  const browser = await launchBrowser();
  try {
    const pages = await citizenPages(product.baseUrl);
    const result = new Map<string, Figures>();
    for (const p of pages) {
      // One unmeasured load first: the api's first answers (cold caches, first queries) are not the phone's.
      await measure(browser, product.baseUrl + p.path, p.ready);
      const all: Figures[] = [];
      for (let i = 0; i < runs; i++) all.push(await measure(browser, product.baseUrl + p.path, p.ready));
      const keys = Object.keys(all[0] as Figures) as (keyof Figures)[];
      result.set(p.name, Object.fromEntries(keys.map((k) => [k, median(all.map((f) => f[k]))])) as Figures);
    }
    return result;
  } finally {
    await browser.close();
    await product.stop();
  }
}

/** The booking start page, and the tracking page of a walk-in ticket drawn at the demo kiosk through the api. */
async function citizenPages(baseUrl: string): Promise<PageCase[]> {
  const status = await gql(baseUrl, '{ walkInStatus { services { serviceId open } } }', {}, { bearer: kioskToken });
  const service = (status.walkInStatus.services as { serviceId: string; open: boolean }[]).find((s) => s.open);
  if (!service) throw new Error('the demo office issues no walk-in tickets on the product clock');
  const issued = await gql(
    baseUrl,
    `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
      __typename ... on IssuedTicket { trackingToken } } }`,
    { input: { requestId: crypto.randomUUID(), services: [{ serviceId: service.serviceId, count: 1 }] } },
    { bearer: kioskToken },
  );
  const token = issued.issueWalkInTicket.trackingToken as string;
  return [
    { name: 'booking start page /booking/', path: '/booking/', ready: '.bc-office-list a' },
    { name: 'tracking page /track/t/<token>', path: `/track/t/${token}`, ready: 'h1.tr-ticket__heading' },
  ];
}

function table(name: string, baseline: Figures, shipped: Figures) {
  const kb = (v: number) => `${v.toFixed(1)} KB`;
  const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const rows: [string, (f: Figures) => string, string][] = [
    ['requests', (f) => String(f.requests), ''],
    ['transferred (as sent)', (f) => kb(f.transferredKb), ''],
    ['JS transferred (as sent)', (f) => kb(f.jsTransferredKb), ''],
    ['JS gzip on first load', (f) => kb(f.jsGzipKb), `≤ ${targets.jsGzipKb} KB`],
    ['first contentful paint', (f) => ms(f.fcpMs), ''],
    ['time to interactive', (f) => ms(f.ttiMs), `≤ ${ms(targets.ttiMs)}`],
  ];
  const head = ['', 'uncompressed', 'brotli/gzip', 'target'];
  const lines = rows.map(([label, get, target]) => [label, get(baseline), get(shipped), target]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(`\n${name} (median of ${runs})`);
  console.log(row(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(row(l));
}

console.log(
  `First load, Chromium, Chrome DevTools "Slow 4G": ${slow4g.latency} ms latency, ` +
    `${(slow4g.downloadThroughput / 1000).toFixed(0)} KB/s down, ${(slow4g.uploadThroughput / 1000).toFixed(1)} KB/s up; ` +
    `CPU ${cpuSlowdown}× slower; cache off; 360 × 740 viewport.`,
);
const baseline = await measureProduct(false);
const shipped = await measureProduct(true);
for (const [name, figures] of shipped) table(name, baseline.get(name) as Figures, figures);
console.log(
  '\nTTI: main content in the DOM and the end of the last long task (> 50 ms) before 1 s without one. ' +
    'JS gzip: the gzip size of every script the page loaded. Not a test: the targets are shown, not enforced.',
);
