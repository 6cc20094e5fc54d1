import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext } from '../harness.js';
import { type GqlAuth, gql, staffCookie, until } from '../helpers.js';

/**
 * The call display at the screens an office has (full HD, 720p, full HD turned to portrait), in an office of its
 * own with more services than fit one screen and a full board of calls: the page is exactly one screen, nothing is
 * cut off, the newest call is in view, the sound switch scrolls nothing, and the services page through.
 * Screenshots go to the system's temporary folder (printed), never into the repository.
 */

const baseUrl = inject('baseUrl');
const clockOffsetMs = inject('clockOffsetMs');
const shots = path.join(os.tmpdir(), 'bc-display-sizes');

type Json = Record<string, any>;

const serviceNames = [
  'Personalausweis beantragen',
  'Reisepass beantragen',
  'Anmeldung / Ummeldung Wohnsitz',
  'Abmeldung ins Ausland',
  'Meldebescheinigung',
  'Führungszeugnis beantragen',
  'Auskunft aus dem Gewerbezentralregister',
  'Beglaubigung von Abschriften und Unterschriften',
  'Fundsachen',
  'Bewohnerparkausweis',
  'Wohnberechtigungsschein',
  'Lohnsteuerbescheinigung und Steuer-Identifikationsnummer',
  'Verpflichtungserklärung für Besuchsaufenthalte',
  'Untersuchungsberechtigungsschein Jugendarbeitsschutz',
  'Hundesteuer an- und abmelden',
  'Briefwahlunterlagen',
];
const counterLabels = ['1', '2', '12'];
const longNotice =
  'Heute ab 11 Uhr nur eingeschränkter Betrieb: Reisepässe und Personalausweise können wegen einer Störung nicht ' +
  'ausgegeben werden. Bitte beachten Sie die Aushänge im Wartebereich. Danke!';
const sizes = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1080x1920', width: 1080, height: 1920 },
];

/** A GraphQL call that must answer with the named type; returns that result. */
async function expectType(auth: GqlAuth, field: string, type: string, query: string, variables: Json = {}) {
  const data = await gql(baseUrl, query, variables, auth);
  const result = data[field];
  if (result?.__typename !== type) throw new Error(`${field}: ${JSON.stringify(result)}`);
  return result;
}

/**
 * A new office open all day every day, with the services, three counters, tickets waiting for each service and
 * eight calls (the last one still waiting for its visitor), and a display paired to it. Returns the display's token
 * and the number of the current call.
 */
async function officeWithFullBoard(): Promise<{ token: string; currentNumber: string }> {
  const admin = { cookie: await staffCookie(baseUrl, 'admin', 'Demo-Admin-2026') };
  const office = await expectType(
    admin,
    'createOffice',
    'OfficeDetails',
    'mutation($i: NewOfficeInput!) { createOffice(input: $i) { __typename ... on OfficeDetails { officeId } } }',
    {
      i: {
        name: 'Bürgerbüro Anzeigetest',
        slug: `anzeige-${randomUUID().slice(0, 8)}`,
        street: 'Marktplatz 1',
        postalCode: '70173',
        city: 'Stuttgart',
      },
    },
  );
  const officeId = office.officeId as string;
  for (let weekday = 1; weekday <= 7; weekday++) {
    await expectType(
      admin,
      'setOpeningHours',
      'WeekdayHours',
      `mutation($o: ID!, $w: Int!, $i: [TimeIntervalInput!]!) {
        setOpeningHours(officeId: $o, weekday: $w, kind: OPEN, intervals: $i) { __typename } }`,
      { o: officeId, w: weekday, i: [{ opensAt: '00:00', closesAt: '23:59' }] },
    );
  }
  const serviceIds: string[] = [];
  for (const name of serviceNames) {
    const service = await expectType(
      admin,
      'createService',
      'AdminService',
      `mutation($o: ID!, $i: ServiceInput!) {
        createService(officeId: $o, input: $i) { __typename ... on AdminService { id } } }`,
      { o: officeId, i: { name, bookableOnline: false, walkInAllowed: true, durationMinutes: 10 } },
    );
    serviceIds.push(service.id);
  }
  const counterIds: string[] = [];
  for (const label of counterLabels) {
    const counter = await expectType(
      admin,
      'createCounter',
      'AdminCounter',
      `mutation($o: ID!, $i: CounterInput!) {
        createCounter(officeId: $o, input: $i) { __typename ... on AdminCounter { id } } }`,
      { o: officeId, i: { label, serviceIds } },
    );
    counterIds.push(counter.id);
  }
  // Three tickets per service: every service has people waiting and an expected wait of some minutes.
  for (let i = 0; i < serviceIds.length * 3; i++) {
    await expectType(
      admin,
      'issueWalkInTicket',
      'IssuedTicket',
      `mutation($i: WalkInTicketInput!) { issueWalkInTicket(input: $i) { __typename } }`,
      {
        i: {
          officeId,
          requestId: randomUUID(),
          services: [{ serviceId: serviceIds[i % serviceIds.length], count: 1 }],
        },
      },
    );
  }
  // Eight calls at the three counters; all but the last are served and done.
  let currentNumber = '';
  for (let i = 0; i < 8; i++) {
    const counterId = counterIds[i % counterIds.length];
    await expectType(
      admin,
      'openCounter',
      'QueueCounter',
      'mutation($c: ID!) { openCounter(counterId: $c, takeOver: true) { __typename } }',
      { c: counterId },
    );
    const called = await expectType(
      admin,
      'callNextTicket',
      'QueueTicket',
      'mutation($c: ID!) { callNextTicket(counterId: $c) { __typename ... on QueueTicket { id version number } } }',
      { c: counterId },
    );
    currentNumber = called.number;
    if (i === 7) break;
    const serving = await expectType(
      admin,
      'startServing',
      'QueueTicket',
      'mutation($t: ID!, $v: Int!) { startServing(ticketId: $t, version: $v) { __typename ... on QueueTicket { version } } }',
      { t: called.id, v: called.version },
    );
    await expectType(
      admin,
      'finishTicket',
      'QueueTicket',
      'mutation($t: ID!, $v: Int!) { finishTicket(ticketId: $t, version: $v) { __typename } }',
      { t: called.id, v: serving.version },
    );
  }
  // The longest notice an office may set (200 characters) takes its room on every screen too.
  const notice = await gql(
    baseUrl,
    'mutation($o: ID!, $n: String) { setOfficeNotice(officeId: $o, notice: $n) }',
    { o: officeId, n: longNotice },
    admin,
  );
  expect(notice.setOfficeNotice).toBe(longNotice);
  const pairing = await expectType(
    admin,
    'registerDevice',
    'DevicePairingCode',
    `mutation($o: ID!) { registerDevice(officeId: $o, kind: DISPLAY, name: "Anzeige Test") {
      __typename ... on DevicePairingCode { code } } }`,
    { o: officeId },
  );
  const paired = await expectType(
    {},
    'pairDevice',
    'DevicePaired',
    'mutation($c: String!) { pairDevice(code: $c) { __typename ... on DevicePaired { token } } }',
    { c: pairing.code },
  );
  return { token: paired.token, currentNumber };
}

/** What the test measures of the page: sizes, positions and cut-off text. */
function layoutFacts() {
  const doc = document.documentElement;
  const inView = (el: Element | null) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
  };
  // The tables people see (the measuring copies are hidden).
  const waits = document.querySelector('.tr-waits:not([aria-hidden])');
  const calls = document.querySelector('.tr-calls:not([aria-hidden])');
  const cells = [
    ...(waits?.querySelectorAll('tbody td') ?? []),
    ...(calls?.querySelectorAll('tbody th, tbody td') ?? []),
  ];
  // A ticket number or counter broken over two lines reads as two.
  const lines = (el: Element) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  const numbers = [
    ...document.querySelectorAll('[data-testid="current-call"] > span:not([aria-hidden])'),
    ...(calls?.querySelectorAll('tbody th, tbody td') ?? []),
  ];
  const rows = [...(waits?.querySelectorAll('tbody tr') ?? []), ...(calls?.querySelectorAll('tbody tr') ?? [])];
  return {
    scrollHeight: doc.scrollHeight,
    scrollWidth: doc.scrollWidth,
    innerHeight,
    innerWidth,
    scrollY,
    currentInView: inView(document.querySelector('[data-testid="current-call"]')),
    noticeInView: inView(document.querySelector('.tr-display__notice')),
    serviceRows: waits?.querySelectorAll('tbody tr').length ?? 0,
    earlierRows: calls?.querySelectorAll('tbody tr').length ?? 0,
    cutCells: cells
      .filter((c) => c.scrollWidth > c.clientWidth || c.scrollHeight > c.clientHeight)
      .map((c) => c.textContent),
    brokenNumbers: numbers.filter((n) => lines(n) > 1).map((n) => n.textContent),
    rowsOutOfView: rows.filter((r) => !inView(r)).map((r) => r.textContent),
  };
}

/** The service names on the page of the waiting list shown now. */
function shownServices(page: Page): Promise<string[]> {
  return page.getByRole('table', { name: 'Wartende' }).getByRole('rowheader').allTextContents();
}

describe('call display at the screen sizes of an office', () => {
  let browser: Browser;
  let token = '';
  let currentNumber = '';

  beforeAll(async () => {
    browser = await launchBrowser(['--autoplay-policy=document-user-activation-required']);
    await mkdir(shots, { recursive: true });
    ({ token, currentNumber } = await officeWithFullBoard());
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openDisplay(width: number, height: number, reducedMotion: 'reduce' | 'no-preference' = 'reduce') {
    const context = await newContext(browser, clockOffsetMs, {
      locale: 'de-DE',
      viewport: { width, height },
      reducedMotion,
    });
    // Audio stays locked until the page resumes it from a gesture, as on a display browser as shipped (see
    // tracker.test.ts: headless Chromium sometimes starts audio by itself under load).
    await context.addInitScript(() => {
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        private unlocked = false;
        override get state(): AudioContextState {
          return this.unlocked ? super.state : 'suspended';
        }
        override async resume(): Promise<void> {
          await super.resume();
          this.unlocked = true;
          this.dispatchEvent(new Event('statechange'));
        }
      };
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/track/display#device=${token}`);
    await page.getByTestId('current-call').filter({ hasText: currentNumber }).waitFor(until);
    await page.getByRole('table', { name: 'Wartende' }).waitFor(until);
    return page;
  }

  for (const size of sizes) {
    it(`fills exactly one ${size.name} screen with the newest call in view and nothing cut off`, async () => {
      const page = await openDisplay(size.width, size.height);
      await page.getByTestId('waits-page').waitFor(until);
      const sound = page.getByRole('button', { name: 'Ton einschalten' });
      expect(await sound.count()).toBe(1);
      await page.screenshot({ path: path.join(shots, `display-${size.name}.png`) });
      console.info(`screenshot: ${path.join(shots, `display-${size.name}.png`)}`);

      const facts = await page.evaluate(layoutFacts);
      expect(facts.scrollHeight).toBeLessThanOrEqual(facts.innerHeight);
      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
      expect(facts.currentInView).toBe(true);
      expect(facts.noticeInView).toBe(true);
      expect(facts.cutCells).toEqual([]);
      expect(facts.brokenNumbers).toEqual([]);
      expect(facts.rowsOutOfView).toEqual([]);
      // More services than fit: some are shown, the rest on later pages; the earlier calls as many as fit.
      expect(facts.serviceRows).toBeGreaterThan(0);
      expect(facts.serviceRows).toBeLessThan(serviceNames.length);
      expect(await page.getByTestId('waits-page').textContent()).toMatch(/^Seite 1\/\d+$/);
      expect(facts.earlierRows).toBeGreaterThan(0);
      expect(await accessibilityViolations(page)).toEqual([]);

      // Space on the sound switch turns the sound on and moves nothing.
      await sound.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => sound.count()).toBe(0);
      const after = await page.evaluate(layoutFacts);
      expect(after.scrollY).toBe(0);
      // The keyboard keeps its place: the focus is on the main area, not lost to the page.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(after.currentInView).toBe(true);
      expect(after.scrollHeight).toBeLessThanOrEqual(after.innerHeight);
      expect(after.rowsOutOfView).toEqual([]);
      // Nor does any further key that would scroll a page.
      for (const key of ['Space', 'PageDown', 'End', 'ArrowDown']) await page.keyboard.press(key);
      expect(await page.evaluate(() => scrollY)).toBe(0);
      await page.context().close();
    });
  }

  it('is an ordinary page that lists everything on a 320 px phone', async () => {
    const page = await openDisplay(320, 568);
    const facts = await page.evaluate(layoutFacts);
    expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
    expect(facts.cutCells).toEqual([]);
    expect(facts.brokenNumbers).toEqual([]);
    expect(await shownServices(page)).toEqual(serviceNames);
    expect(await page.getByTestId('waits-page').count()).toBe(0);
    expect(facts.earlierRows).toBe(7);
    await page.screenshot({ path: path.join(shots, 'display-320x568.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('pages through the services every ten seconds until each was shown', async () => {
    const page = await openDisplay(1280, 720);
    await page.getByTestId('waits-page').waitFor(until);
    const label = page.getByTestId('waits-page');
    const pages = Number((await label.textContent())?.match(/\/(\d+)$/)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let n = 1; n <= pages; n++) {
      await expect.poll(() => label.textContent()).toBe(`Seite ${n}/${pages}`);
      const names = await shownServices(page);
      expect(names.length).toBeGreaterThan(0);
      seen.push(...names);
      // Each page fits the screen as the first one did.
      const facts = await page.evaluate(layoutFacts);
      expect(facts.rowsOutOfView).toEqual([]);
      expect(facts.cutCells).toEqual([]);
      expect(facts.scrollHeight).toBeLessThanOrEqual(facts.innerHeight);
      await page.clock.fastForward(10_000);
    }
    // Every service once, in the catalog's order; then the first page again.
    expect(seen).toEqual(serviceNames);
    await expect.poll(() => label.textContent()).toBe(`Seite 1/${pages}`);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => label.textContent()).toMatch(/^Page 1\/\d+$/);
    await page.context().close();
  });

  it('flashes a new call for a few seconds, and not at all when motion is reduced', async () => {
    const animation = (page: Page) =>
      page.getByTestId('current-call').evaluate((el) => {
        const style = getComputedStyle(el);
        return {
          name: style.animationName,
          seconds: Number.parseFloat(style.animationDuration),
          count: style.animationIterationCount,
        };
      });
    const moving = await openDisplay(1920, 1080, 'no-preference');
    const flash = await animation(moving);
    expect(flash.name).toBe('tr-call-flash');
    expect(flash.seconds * Number(flash.count)).toBeLessThanOrEqual(5);
    await moving.context().close();
    const still = await openDisplay(1920, 1080, 'reduce');
    expect((await animation(still)).name).toBe('none');
    await still.context().close();
  });
});
