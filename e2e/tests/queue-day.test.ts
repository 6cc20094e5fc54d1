import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityViolations,
  launchBrowser,
  openPage,
  productNow,
  type RunningProduct,
  startProduct,
} from '../harness.js';
import { type Booked, berlinTime, bookFirstFree, openKiosk, signIn, typeOnScreen, until } from '../helpers.js';

/**
 * A day at the office (issue 14, docs/queue-policy.md): an appointment is a promise. Two visitors with an
 * appointment check in at the kiosk an hour early and get their tickets at once; walk-ins draw tickets before and
 * after them. While the appointments are early, the clerk's "call next" takes the walk-ins in the order they came.
 * Once the first appointment's start has come, it is called before the walk-ins who have waited since the morning;
 * the second, still early, is called only when no walk-in waits and the counter would otherwise stand idle.
 *
 * The product's time has to move by an hour in between, so this file runs its own product (not the shared one of
 * global-setup.ts) and moves its clock by restarting the api on the same database (RunningProduct.restartAt).
 */

const serviceName = 'Meldebescheinigung';
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('a day at the office: appointments on time, walk-ins in the order they came', () => {
  let product: RunningProduct;
  let browser: Browser;
  let kiosk: Page;
  let clerk: Page;
  /** The first appointment starts about an hour after the day's "now", the second half an hour later. */
  let first: Booked;
  let second: Booked;
  const tickets = { first: '', second: '', walkIns: [] as string[] };

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  const startScreen = () => kiosk.getByRole('heading', { level: 1, name: 'Guten Tag! Was möchten Sie tun?' });

  /** Checks an appointment in on the kiosk's on-screen keyboard; returns the ticket number the kiosk shows. */
  async function checkInAtKiosk(booked: Booked): Promise<string> {
    await kiosk.getByRole('button', { name: /^Ich habe einen Termin/ }).click();
    await typeOnScreen(kiosk, booked.reference);
    await kiosk.getByRole('button', { name: 'Einchecken', exact: true }).click();
    const ticket = kiosk.getByTestId('kiosk-ticket-number');
    const tooEarly = kiosk.getByRole('status').filter({ hasText: 'Noch zu früh' });
    await ticket.or(tooEarly).waitFor(until);
    expect(await tooEarly.count()).toBe(0);
    expect(await kiosk.getByText('Sie sind eingecheckt.').count()).toBe(1);
    return text(ticket);
  }

  /** Draws a walk-in ticket at the kiosk for a Meldebescheinigung; returns its number. */
  async function drawAtKiosk(): Promise<string> {
    await kiosk.getByRole('button', { name: /^Ohne Termin/ }).click();
    await kiosk.getByRole('button', { name: new RegExp(`^${serviceName}`) }).click();
    await kiosk.getByRole('button', { name: 'Wartenummer ziehen' }).click();
    const ticket = kiosk.getByTestId('kiosk-ticket-number');
    await ticket.waitFor(until);
    const number = await text(ticket);
    expect(number).toMatch(/^W\d{3}$/);
    await kiosk.getByRole('button', { name: 'Fertig' }).click();
    await startScreen().waitFor(until);
    return number;
  }

  const counterHeading = () => clerk.getByRole('heading', { level: 2, name: /^Schalter 1\b/ });
  const current = () =>
    clerk
      .getByTestId('current-number')
      .textContent({ timeout: 1_000 })
      .catch(() => null);
  const clerkStatus = (contains: string) => clerk.getByRole('status').filter({ hasText: contains });
  /** The numbers in the counter's queue, in the order "call next" takes them. */
  const queued = () =>
    clerk
      .locator('section', { has: clerk.getByRole('heading', { name: /^Warteschlange/ }) })
      .getByRole('rowheader')
      .allTextContents()
      .then((all) => all.map((s) => s.trim()));

  /** The clerk's keyboard: N calls the next number (focus on the counter, not in a field). */
  async function callNext(): Promise<string> {
    const before = await current();
    await counterHeading().focus();
    await clerk.keyboard.press('n');
    await expect.poll(current, until).not.toBe(before);
    const number = (await current()) ?? '';
    await expect.poll(() => clerkStatus(`Nummer ${number} aufgerufen`).count(), until).toBe(1);
    return number;
  }

  /** F opens the finish dialog with everything asked for preselected; Enter confirms. */
  async function finish(number: string): Promise<void> {
    await clerk.keyboard.press('f');
    await clerk.getByRole('dialog', { name: `${number} abschließen` }).waitFor(until);
    await clerk.keyboard.press('Enter');
    await expect.poll(() => clerkStatus(`${number} abgeschlossen`).count(), until).toBe(1);
    await expect.poll(current, until).toBeNull();
  }

  /** The clerk signs in and goes to the workstation of the Bürgercentrum (the only office: no choice to make). */
  async function toWorkstation(): Promise<void> {
    clerk = await openPage(browser, product.clockOffsetMs);
    await signIn(clerk, product.baseUrl, 'schalter', 'Demo-Schalter-2026', 'Sam Schalter');
    await clerk
      .getByRole('navigation', { name: 'Arbeitsbereiche' })
      .getByRole('link', { name: 'Arbeitsplatz' })
      .click();
    await clerk.getByRole('heading', { level: 1, name: 'Arbeitsplatz' }).waitFor(until);
  }

  it('checks two appointments in at the kiosk an hour before their time: tickets at once, no "come back at"', async () => {
    const now = productNow(product.clockOffsetMs);
    first = await bookFirstFree(product.baseUrl, {
      officeSlug: 'buergercentrum',
      serviceName,
      email: 'day-first@example.org',
      from: now,
    });
    second = await bookFirstFree(product.baseUrl, {
      officeSlug: 'buergercentrum',
      serviceName,
      email: 'day-second@example.org',
      from: Date.parse(first.startsAt) + 30 * 60_000,
    });
    // About an hour ahead (bookings need an hour's lead), on the same morning: more than the 30 minutes' early
    // check-in the kiosk allowed before.
    expect(Date.parse(first.startsAt) - now).toBeGreaterThan(30 * 60_000);
    expect(Date.parse(first.startsAt) - now).toBeLessThan(90 * 60_000);

    kiosk = await openKiosk(browser, product.baseUrl, product.clockOffsetMs);
    // Three walk-ins were there before the appointments' visitors.
    tickets.walkIns.push(await drawAtKiosk(), await drawAtKiosk(), await drawAtKiosk());

    tickets.first = await checkInAtKiosk(first);
    expect(tickets.first).toMatch(/^T\d{3}$/);
    expect(await kiosk.getByText(`Ihr Anliegen: ${serviceName}`).count()).toBe(1);
    expect(await accessibilityViolations(kiosk)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Fertig' }).click();
    await startScreen().waitFor(until);

    tickets.second = await checkInAtKiosk(second);
    expect(tickets.second).toMatch(/^T\d{3}$/);
    expect(tickets.second).not.toBe(tickets.first);
    await kiosk.getByRole('button', { name: 'Fertig' }).click();
    await startScreen().waitFor(until);
  }, 60_000);

  it('issues a walk-in ticket at the kiosk after the check-ins', async () => {
    tickets.walkIns.push(await drawAtKiosk());
    expect(new Set(tickets.walkIns).size).toBe(4);
    // Numbered in the order they were drawn.
    expect([...tickets.walkIns].sort()).toEqual(tickets.walkIns);
    await kiosk.context().close();
  }, 60_000);

  it('calls the walk-ins in the order they came while the appointments are early', async () => {
    const [w1, w2, w3, w4] = tickets.walkIns as [string, string, string, string];
    await toWorkstation();
    await clerk.getByRole('button', { name: 'Schalter 1 öffnen', exact: true }).click();
    await counterHeading().waitFor(until);
    // W4 came after the appointments' visitors checked in and is ahead of them: the appointments are early.
    await expect.poll(queued, until).toEqual([w1, w2, w3, w4, tickets.first, tickets.second]);
    const queue = clerk.locator('section', { has: clerk.getByRole('heading', { name: /^Warteschlange/ }) });
    const firstRow = queue.getByRole('row').filter({ has: clerk.getByRole('rowheader', { name: tickets.first }) });
    expect(await text(firstRow)).toContain(berlinTime(first.startsAt));
    expect(await accessibilityViolations(clerk)).toEqual([]);

    expect(await callNext()).toBe(w1);
    await finish(w1);
    expect(await callNext()).toBe(w2);
    await finish(w2);
    await expect.poll(queued, until).toEqual([w3, w4, tickets.first, tickets.second]);
  }, 60_000);

  it('calls the appointment whose time has come before the walk-ins who came before it, then them, then an early appointment rather than stand idle', async () => {
    const [, , w3, w4] = tickets.walkIns as [string, string, string, string];
    await clerk.context().close();
    // An hour later: the first appointment's start. W3 came before its visitor checked in, W4 after.
    await product.restartAt(first.startsAt);
    await toWorkstation();
    // The counter stayed open over the restart: the clerk's day goes on.
    await counterHeading().waitFor(until);
    await expect.poll(queued, { timeout: 20_000 }).toEqual([tickets.first, w3, w4, tickets.second]);
    expect(await accessibilityViolations(clerk)).toEqual([]);

    expect(await callNext()).toBe(tickets.first);
    const panel = clerk.locator('section', { has: clerk.getByRole('heading', { name: 'Am Schalter' }) });
    expect(await text(panel)).toContain(berlinTime(first.startsAt));
    expect(await accessibilityViolations(clerk)).toEqual([]);
    await finish(tickets.first);

    expect(await callNext()).toBe(w3);
    await finish(w3);
    expect(await callNext()).toBe(w4);
    await finish(w4);

    // Nobody else waits: the second appointment, half an hour early, rather than an idle counter.
    await expect.poll(queued, until).toEqual([tickets.second]);
    expect(Date.parse(second.startsAt) - productNow(product.clockOffsetMs)).toBeGreaterThan(25 * 60_000);
    expect(await callNext()).toBe(tickets.second);
    await finish(tickets.second);
    await counterHeading().focus();
    await clerk.keyboard.press('n');
    await expect.poll(() => clerkStatus('Niemand wartet auf diesen Schalter').count(), until).toBe(1);
  }, 90_000);
});
