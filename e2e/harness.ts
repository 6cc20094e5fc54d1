import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Debian's Chromium (apt-get install -y chromium), or the one CHROME_PATH names. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH.`,
    );
  }
  return found;
}

/** Flags for Debian's Chromium in the tests: headless, and quiet on the closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `args` adds Chromium flags, e.g. `--autoplay-policy=document-user-activation-required` (headless allows autoplay). */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * A browser with a real profile in `userDataDir` (not the off-the-record contexts of launchBrowser), for what
 * Chromium refuses in incognito, such as installing a web app.
 */
export function launchProfile(
  userDataDir: string,
  options: { locale?: string; permissions?: string[] } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    ...options,
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The api's time when the browser tests start: Monday 1 March 2027, 09:30 in Berlin (no holiday, no daylight-saving
 * change near). The demo Bürgercentrum is open until 12:30, so the kiosk, information desk and workstation meet an
 * open office with walk-ins allowed, whatever the hour the tests run at; the clock runs on from there.
 */
export const E2E_CLOCK_START = '2027-03-01T08:30:00.000Z';

/** The api's time now, for a process that knows the offset of the product's clock to the real time. */
export function productNow(clockOffsetMs: number): number {
  return Date.now() + clockOffsetMs;
}

/**
 * A browser context whose pages live on the product's time (Date, Intl, timers run on from there), so that the
 * screens and the api agree on "today" and "now". Use it instead of browser.newContext().
 */
export async function newContext(
  browser: Browser,
  clockOffsetMs: number,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.install({ time: productNow(clockOffsetMs) });
  return context;
}

export type RunningProduct = {
  baseUrl: string;
  /** The product's clock minus the real time (ms): the api runs on E2E_CLOCK_START from its start. */
  clockOffsetMs: number;
  /**
   * Moves the product's time: stops the api and starts it again on the same database and address, its clock at
   * `clockStart` (a running api's clock cannot be moved). Updates clockOffsetMs; open pages lose their connection
   * for a moment and keep their own (older) clock.
   */
  restartAt: (clockStart: string) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Starts the built product (api/dist + the three SPA builds) on embedded PostgreSQL in a throw-away folder, with
 * its clock at `clockStart` when the process starts (TEST_CLOCK_START, honoured with NODE_ENV=test only).
 */
export async function startProduct(
  env: Record<string, string> = {},
  clockStart = E2E_CLOCK_START,
): Promise<RunningProduct> {
  const missing = ['api/dist/main.js', 'web-booking/dist', 'web-staff/dist', 'web-tracker/dist'].filter(
    (p) => !existsSync(path.join(repoRoot, p)),
  );
  if (missing.length > 0) throw new Error(`Build first (pnpm build); missing: ${missing.join(', ')}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bc-e2e-'));
  await chmod(dir, 0o755); // the embedded PostgreSQL runs as "postgres" when tests run as root
  const port = await freePort();
  const pgPort = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const apiEnv = {
    ...process.env,
    // The production build; "test" only lets TEST_CLOCK_START in (and, with the embedded database, changes nothing
    // else: the dev mailbox is on there either way).
    NODE_ENV: 'test',
    PORT: String(port),
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(pgPort),
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    ...env,
  };
  let api = await startApi(baseUrl, apiEnv, clockStart);
  const stopApi = async () => {
    if (api.child.exitCode === null) {
      const exited = new Promise((r) => api.child.once('exit', r));
      api.child.kill('SIGTERM');
      await exited;
    }
  };
  const product: RunningProduct = {
    baseUrl,
    clockOffsetMs: api.clockOffsetMs,
    restartAt: async (later) => {
      await stopApi();
      api = await startApi(baseUrl, apiEnv, later);
      product.clockOffsetMs = api.clockOffsetMs;
    },
    stop: async () => {
      await stopApi();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return product;
}

/** Spawns the api with its clock at `clockStart` and waits until it is ready. */
async function startApi(
  baseUrl: string,
  env: NodeJS.ProcessEnv,
  clockStart: string,
): Promise<{ child: ChildProcess; clockOffsetMs: number }> {
  // The api anchors its clock at its process start (performance.timeOrigin): the offset is known to a few ms.
  const clockOffsetMs = Date.parse(clockStart) - Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'api/dist/main.js')], {
    env: { ...env, TEST_CLOCK_START: clockStart },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const deadline = Date.now() + 60_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`The product exited at start:\n${stderr}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, clockOffsetMs };
    if (Date.now() > deadline) throw new Error(`The product was not ready within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** WCAG 2.1 A/AA rules of axe-core; returns readable lines, empty when the page is clean. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** A page in its own context (axe-core needs one) on the product's time, German unless told otherwise. */
export async function openPage(browser: Browser, clockOffsetMs: number, locale = 'de-DE'): Promise<Page> {
  const context = await newContext(browser, clockOffsetMs, { locale });
  return context.newPage();
}
