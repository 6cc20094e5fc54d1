import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext, productNow } from '../harness.js';
import { bookFirstFree, gql, kioskToken, signIn, until } from '../helpers.js';

/**
 * The clerk's workstation and the information desk at the screen an office has (1366×768, scrolled to the top): what
 * the clerk needs is in view, the next sensible action is the one primary button, the focus follows the work, and a
 * hardware scanner (a keyboard wedge) checks a visitor in at the desk without a click.
 */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');
const now = () => productNow(clockOffsetMs);
const screen = { width: 1366, height: 768 };
/** Screenshots for a look by eye (not committed): SCREENSHOT_DIR, else a folder in the system's temp. */
const shots = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'bc-counter-screens');
mkdirSync(shots, { recursive: true });

type Json = Record<string, any>;
const kiosk = (query: string, variables: Json = {}) => gql(baseUrl, query, variables, { bearer: kioskToken });

async function asStaff(page: Page, query: string, variables: Json = {}): Promise<Json> {
  const res = await page.request.post(`${baseUrl}/graphql`, { data: { query, variables } });
  const body = (await res.json()) as { data?: Json; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Cancels the office's tickets in these states, so the page meets only what this file makes. */
async function cancelTickets(page: Page, statuses: string[]): Promise<void> {
  const office = (await asStaff(page, '{ me { offices { id } } }')).me.offices[0];
  const left = await asStaff(
    page,
    `query($o: ID!) { officeTickets(officeId: $o, statuses: [${statuses.join(', ')}]) { id version } }`,
    { o: office.id },
  );
  for (const tk of left.officeTickets)
    await asStaff(page, 'mutation($id: ID!, $v: Int!) { cancelTicket(ticketId: $id, version: $v) { __typename } }', {
      id: tk.id,
      v: tk.version,
    });
}

async function drawAtKiosk(): Promise<string> {
  const status = await kiosk('query { walkInStatus { services { serviceId name } } }');
  const service = status.walkInStatus.services.find((s: Json) => s.name === 'Meldebescheinigung');
  const data = await kiosk(
    `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
      __typename ... on IssuedTicket { ticket { number } } } }`,
    { input: { requestId: randomUUID(), services: [{ serviceId: service.serviceId, count: 1 }] } },
  );
  if (data.issueWalkInTicket.__typename !== 'IssuedTicket') throw new Error('the kiosk got no ticket');
  return data.issueWalkInTicket.ticket.number;
}

/** Whether the element lies wholly inside the 1366×768 viewport while the page is scrolled to its top. */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const scrolled = await page.evaluate(() => window.scrollY);
  const box = await locator.boundingBox();
  return (
    scrolled === 0 &&
    !!box &&
    box.y >= 0 &&
    box.y + box.height <= screen.height &&
    box.x >= 0 &&
    box.x + box.width <= screen.width
  );
}

/** Horizontal overflow of the document in CSS pixels; 0 or less when nothing scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const focusedName = (page: Page) =>
  page.evaluate(() => (document.activeElement?.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('the workstation on a 1366×768 desk monitor', { timeout: 90_000 }, () => {
  let browser: Browser;
  let clerk: Page;
  const numbers: string[] = [];
  const counterHeading = () => clerk.getByRole('heading', { level: 2, name: /^Schalter \d+\b/ });
  const actions = () => clerk.locator('section', { has: clerk.getByRole('heading', { name: 'Aktionen' }) });
  const primary = () => actions().locator('.kern-btn--primary');
  const button = (name: string) => actions().getByRole('button', { name, exact: true });
  const current = () =>
    clerk
      .getByTestId('current-number')
      .textContent({ timeout: 1_000 })
      .catch(() => null);
  const queueRows = () =>
    clerk
      .locator('section', { has: clerk.getByRole('heading', { name: /^Warteschlange/ }) })
      .getByRole('row')
      .filter({ has: clerk.getByRole('rowheader') });
  const status = (contains: string) => clerk.getByRole('status').filter({ hasText: contains });

  /** In view without scrolling: the counter's state, the primary action, the visitor, the first waiting ticket. */
  async function expectAtAGlance(state: string) {
    await clerk.evaluate(() => window.scrollTo(0, 0)); // a focus moved further down may have scrolled
    await clerk.screenshot({ path: path.join(shots, `workstation-${state}.png`) });
    expect(await inView(clerk, counterHeading())).toBe(true);
    expect(await inView(clerk, clerk.getByRole('heading', { name: 'Am Schalter' }))).toBe(true);
    expect(await inView(clerk, primary())).toBe(true);
    expect(await inView(clerk, queueRows().first())).toBe(true);
  }

  /** Exactly one primary button among the actions, and it comes first. */
  async function expectPrimary(name: string) {
    expect(await primary().count()).toBe(1);
    expect(((await primary().textContent()) ?? '').replace(/\s+/g, ' ').trim()).toMatch(new RegExp(`^${name}`));
    const all = await actions().getByRole('button').allTextContents();
    expect(all[0]?.replace(/\s+/g, ' ').trim()).toMatch(new RegExp(`^${name}`));
    expect(await actions().locator('.kern-btn--secondary').count()).toBe(all.length - 1);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    clerk = await (await newContext(browser, clockOffsetMs, { locale: 'de-DE', viewport: screen })).newPage();
    await signIn(clerk, baseUrl, 'schalter', 'Demo-Schalter-2026', 'Sam Schalter');
    await cancelTickets(clerk, ['WAITING', 'CALLED', 'SERVING', 'PARKED']);
    for (let n = 0; n < 3; n++) numbers.push(await drawAtKiosk());
  });
  afterAll(async () => {
    // Leave the office as found: no ticket of this file waiting, the counter closed.
    if (clerk) {
      await cancelTickets(clerk, ['WAITING', 'CALLED', 'PARKED']).catch(() => undefined);
      await clerk
        .getByRole('button', { name: 'Schalter schließen' })
        .click({ timeout: 5_000 })
        .catch(() => undefined);
    }
    await browser?.close();
  });

  it('shows the idle counter with "call next" as the primary action and the queue beside it', async () => {
    await clerk.goto(`${baseUrl}/staff/arbeitsplatz/buergercentrum`);
    // The counter this clerk holds from before, else the first free one.
    const open = clerk.getByRole('button', { name: /^Schalter \d+ öffnen$/ }).first();
    await Promise.race([counterHeading().waitFor(until), open.waitFor(until)]);
    if ((await counterHeading().count()) === 0) await open.click();
    await counterHeading().waitFor(until);
    await expect.poll(() => queueRows().count(), until).toBe(3);
    await expectPrimary('Nächste Nummer aufrufen');
    await expectAtAGlance('idle');
    expect(await accessibilityViolations(clerk)).toEqual([]);
  });

  it('after a call: "start" is primary and has the focus; the message is in view', async () => {
    await primary().click();
    await expect.poll(current, until).toBe(numbers[0]);
    await expect.poll(() => isFocused(button('Bearbeitung beginnen')), until).toBe(true);
    await expectPrimary('Bearbeitung beginnen');
    await expect.poll(() => status(`Nummer ${numbers[0]} aufgerufen`).count(), until).toBe(1);
    expect(await inView(clerk, status(`Nummer ${numbers[0]} aufgerufen`))).toBe(true);
    await expectAtAGlance('called');
    expect(await accessibilityViolations(clerk)).toEqual([]);
  });

  it('gives the focus back to the opening button when a dialog is closed or escaped', async () => {
    // Escape in the transfer dialog → "Weiterleiten".
    await button('Weiterleiten').click();
    const transfer = clerk.getByRole('dialog', { name: `${numbers[0]} weiterleiten` });
    await transfer.waitFor(until);
    expect(await accessibilityViolations(clerk)).toEqual([]);
    await clerk.keyboard.press('Escape');
    await expect.poll(() => transfer.count(), until).toBe(0);
    await expect.poll(() => isFocused(button('Weiterleiten')), until).toBe(true);

    // The finish dialog opened by its key (F) and closed with "Abbrechen" → the "Abschließen" button.
    await clerk.keyboard.press('f');
    const finish = clerk.getByRole('dialog', { name: `${numbers[0]} abschließen` });
    await finish.waitFor(until);
    await finish.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => finish.count(), until).toBe(0);
    await expect.poll(() => isFocused(button('Abschließen')), until).toBe(true);
  });

  it('after start: "finish" is primary and has the focus; calling from the queue says why it cannot', async () => {
    await primary().click();
    await expect.poll(() => isFocused(button('Abschließen')), until).toBe(true);
    await expectPrimary('Abschließen');
    await expect.poll(() => status(`${numbers[0]}: Bearbeitung begonnen`).count(), until).toBe(1);
    await expectAtAGlance('serving');

    // "Aufrufen" in a queue row while a visitor is at the counter: the reason stands above the table, the button
    // refers to it, and pressing it says so in the message beside the actions.
    const row = queueRows().first();
    const call = row.getByRole('button', { name: `Aufrufen: ${numbers[1]}` });
    expect(await call.getAttribute('aria-disabled')).toBe('true');
    const reason = clerk.locator(`#${await call.getAttribute('aria-describedby')}`);
    expect(await reason.textContent()).toContain(`${numbers[0]} ist noch am Schalter`);
    expect(await inView(clerk, reason)).toBe(true);
    await call.click({ force: true }); // aria-disabled: still a button the clerk can press, and is told why
    const refused = status(`Am Schalter ist noch Nummer ${numbers[0]}`);
    await expect.poll(() => refused.count(), until).toBe(1);
    expect(await inView(clerk, refused)).toBe(true);
    expect(await current()).toBe(numbers[0]);
    expect(await accessibilityViolations(clerk)).toEqual([]);
  });

  it('after finishing: "call next" has the focus (Escape first gives it back to "Abschließen")', async () => {
    await primary().click();
    const finish = clerk.getByRole('dialog', { name: `${numbers[0]} abschließen` });
    await finish.waitFor(until);
    await clerk.keyboard.press('Escape');
    await expect.poll(() => finish.count(), until).toBe(0);
    await expect.poll(() => isFocused(button('Abschließen')), until).toBe(true);

    await primary().click();
    await finish.waitFor(until);
    await clerk.keyboard.press('Enter');
    await expect.poll(() => status(`${numbers[0]} abgeschlossen`).count(), until).toBe(1);
    await expect.poll(() => isFocused(button('Nächste Nummer aufrufen')), until).toBe(true);
    await expectPrimary('Nächste Nummer aufrufen');
  });

  it('after a no-show and after parking: "call next" has the focus', async () => {
    await clerk.keyboard.press('n');
    await expect.poll(current, until).toBe(numbers[1]);
    await expect.poll(() => focusedName(clerk), until).toMatch(/^Bearbeitung beginnen/);
    await button('Nicht erschienen').click();
    await expect.poll(() => status(`${numbers[1]} als nicht erschienen vermerkt`).count(), until).toBe(1);
    await expect.poll(() => isFocused(button('Nächste Nummer aufrufen')), until).toBe(true);

    await clerk.keyboard.press('n');
    await expect.poll(() => status(`Nummer ${numbers[2]} aufgerufen`).count(), until).toBe(1);
    await expect.poll(current, until).toBe(numbers[2]);
    await button('Zurückstellen').click();
    await expect.poll(() => status(`${numbers[2]} zurückgestellt`).count(), until).toBe(1);
    await expect.poll(() => isFocused(button('Nächste Nummer aufrufen')), until).toBe(true);
    expect(await accessibilityViolations(clerk)).toEqual([]);
  });

  it('fits a 320 px wide screen too (one column, the queue table scrolls inside its own frame)', async () => {
    await clerk.setViewportSize({ width: 320, height: 640 });
    await clerk.screenshot({ path: path.join(shots, 'workstation-320.png'), fullPage: true });
    expect(await overflow(clerk)).toBeLessThanOrEqual(0);
    await clerk.setViewportSize(screen);
  });
});

describe('the information desk with a hardware scanner', { timeout: 60_000 }, () => {
  let browser: Browser;
  let desk: Page;
  const field = () => desk.getByLabel('Buchungsnummer oder QR-Code');
  const status = (contains: string | RegExp) => desk.getByRole('status').filter({ hasText: contains });

  beforeAll(async () => {
    browser = await launchBrowser();
    desk = await (await newContext(browser, clockOffsetMs, { locale: 'de-DE', viewport: screen })).newPage();
    await signIn(desk, baseUrl, 'info', 'Demo-Info-2026', 'Ina Information');
  });
  afterAll(async () => {
    if (desk) await cancelTickets(desk, ['WAITING']).catch(() => undefined);
    await browser?.close();
  });

  it('has the scan field focused on load, checks a scanned code in without a click, and is ready again', async () => {
    const booked = await bookFirstFree(baseUrl, {
      officeSlug: 'buergercentrum',
      serviceName: 'Anmeldung / Ummeldung Wohnsitz',
      email: 'desk-scanner@example.org',
      from: now(),
    });
    await desk.goto(`${baseUrl}/staff/information/buergercentrum`);
    await desk.getByRole('heading', { level: 1, name: 'Information' }).waitFor(until);
    await expect.poll(() => isFocused(field()), until).toBe(true);
    await desk.screenshot({ path: path.join(shots, 'desk-load.png') });

    // The scanner types fast and ends with Enter; nobody clicks.
    await desk.keyboard.type(booked.checkInCode, { delay: 5 });
    await desk.keyboard.press('Enter');
    await expect.poll(() => status(/^Eingecheckt: Wartenummer/).count(), until).toBe(1);
    await desk.getByRole('heading', { level: 2, name: /^Eingecheckt – Wartenummer/ }).waitFor(until);
    await expect.poll(() => isFocused(field()), until).toBe(true);
    expect(await field().inputValue()).toBe('');
    // The ticket just checked in shows right beneath the scan field: both in view, nothing scrolled.
    expect(await inView(desk, field())).toBe(true);
    expect(await inView(desk, desk.getByRole('heading', { level: 2, name: /^Eingecheckt – Wartenummer/ }))).toBe(true);
    await desk.screenshot({ path: path.join(shots, 'desk-checked-in.png') });
    expect(await accessibilityViolations(desk)).toEqual([]);
  });

  it('catches a scan while the focus is on a button, and keeps the refused code selected for the next scan', async () => {
    await desk.getByRole('button', { name: 'Drucken' }).focus();
    await desk.keyboard.type('ZZZZ-ZZZZ', { delay: 5 });
    await desk.keyboard.press('Enter');
    await expect.poll(() => status('Diesen Code kennen wir nicht').count(), until).toBe(1);
    await expect.poll(() => isFocused(field()), until).toBe(true);
    expect(await field().inputValue()).toBe('ZZZZ-ZZZZ');
    // The next scan replaces the refused code rather than appending to it.
    await desk.keyboard.type('YYYY-YYYY', { delay: 5 });
    expect(await field().inputValue()).toBe('YYYY-YYYY');
  });

  it('gives the focus back to the scan field after a priority is set and after the issued ticket is put away', async () => {
    const row = desk
      .getByRole('row')
      .filter({ has: desk.getByRole('button', { name: /^Vorrang: / }) })
      .first();
    await row.getByRole('button', { name: /^Vorrang: / }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.waitFor(until);
    await dialog.getByRole('radio', { name: 'Biometrie bereits erfasst' }).check();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => dialog.count(), until).toBe(0);
    await expect.poll(() => isFocused(field()), until).toBe(true);

    await desk.getByRole('button', { name: 'Fertig' }).click();
    await expect.poll(() => isFocused(field()), until).toBe(true);

    await desk.setViewportSize({ width: 320, height: 640 });
    expect(await overflow(desk)).toBeLessThanOrEqual(0);
  });
});
