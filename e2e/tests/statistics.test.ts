import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';
import { gql, staffCookie } from '../helpers.js';

/** The product runs on its own clock (a Monday morning, E2E_CLOCK_START); pages run on it too. */
const clockOffsetMs = inject('clockOffsetMs');
const KIOSK = 'bcd_demo-kiosk-buergercentrum';

describe('web-staff statistics', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const until = { timeout: 15_000 };
  const path = () => new URL(page.url()).pathname;
  /** The total row's cells of a table under the heading. */
  const totalRow = (heading: string) =>
    page.getByRole('region', { name: heading }).getByRole('row').filter({ hasText: 'Gesamt' });

  beforeAll(async () => {
    // A walk-in ticket drawn at the kiosk today, so the period has at least one visit whatever ran before; the office
    // manager calls it at a counter of their own (it is then marked a no-show, so no service time is learned), so
    // the estimate it was given at issue is measured too.
    const office = await gql(baseUrl, 'query { office(slug: "buergercentrum") { id services { id name } } }', {});
    const service = office.office.services.find((s: { name: string }) => s.name === 'Meldebescheinigung');
    const issued = await gql(
      baseUrl,
      `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
        __typename ... on IssuedTicket { ticketId ticket { estimate { expectedCallAt } } } } }`,
      { input: { requestId: `stats-e2e-${Date.now()}`, services: [{ serviceId: service.id, count: 1 }] } },
      { bearer: KIOSK },
    );
    expect(issued.issueWalkInTicket.__typename).toBe('IssuedTicket');
    expect(issued.issueWalkInTicket.ticket.estimate).not.toBeNull();
    const ticketId = issued.issueWalkInTicket.ticketId as string;
    const cookie = await staffCookie(baseUrl, 'leitung', 'Demo-Leitung-2026');
    const asManager = (query: string, variables: Record<string, unknown>) => gql(baseUrl, query, variables, { cookie });
    const counters = (
      await asManager('query($o: ID!) { queueCounters(officeId: $o) { id label } }', { o: office.office.id })
    ).queueCounters as { id: string; label: string }[];
    const counterId = counters.find((c) => c.label === '8')?.id;
    const version = async () =>
      (await asManager('query($id: ID!) { queueTicket(id: $id) { version } }', { id: ticketId })).queueTicket.version;
    await asManager('mutation($c: ID!) { openCounter(counterId: $c) { __typename } }', { c: counterId });
    const called = await asManager(
      'mutation($c: ID!, $id: ID!, $v: Int!) { callTicket(counterId: $c, ticketId: $id, version: $v) { __typename } }',
      { c: counterId, id: ticketId, v: await version() },
    );
    expect(called.callTicket.__typename).toBe('QueueTicket');
    await asManager('mutation($id: ID!, $v: Int!) { markNoShow(ticketId: $id, version: $v) { __typename } }', {
      id: ticketId,
      v: await version(),
    });
    await asManager('mutation($c: ID!) { closeCounter(counterId: $c) { __typename } }', { c: counterId });
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leads the office manager from the navigation to an office’s statistics', async () => {
    await page.goto(`${baseUrl}/staff/login`);
    await page.getByLabel('Benutzername').fill('leitung');
    await page.getByLabel('Passwort').fill('Demo-Leitung-2026');
    await page.getByLabel('Passwort').press('Enter');
    await expect.poll(path, until).toBe('/staff/');
    await page.getByRole('navigation', { name: 'Arbeitsbereiche' }).getByRole('link', { name: 'Statistik' }).click();
    await expect.poll(path, until).toBe('/staff/statistik');
    await page.getByRole('link', { name: 'Bürgercentrum' }).click();
    await expect.poll(path, until).toBe('/staff/statistik/buergercentrum');
    expect(await page.getByRole('heading', { level: 1, name: 'Statistik' }).count()).toBe(1);
    await expect.poll(() => page.title(), until).toBe('Statistik – Bürgercentrum – Mitarbeitende');
  });

  it('shows the last 30 days with today’s walk-in, in tables and charts, without accessibility violations', async () => {
    expect(await page.getByLabel('Von', { exact: true }).inputValue()).toBe('2027-01-31');
    expect(await page.getByLabel('Bis', { exact: true }).inputValue()).toBe('2027-03-01');
    const total = totalRow('Besuche nach Weg');
    await expect.poll(() => total.count(), until).toBe(1);
    const cells = await total.getByRole('cell').allTextContents();
    // Walk-in at the kiosk (4th channel) and all visits (last column): at least the ticket drawn above.
    expect(Number(cells[3])).toBeGreaterThanOrEqual(1);
    expect(Number(cells[cells.length - 1])).toBeGreaterThanOrEqual(1);
    expect(await page.locator('figure.bc-chart svg').count()).toBe(3);
    // Each bar carries its number: the chart reads without colour.
    expect(await page.locator('figure.bc-chart .bc-chart__value').count()).toBeGreaterThanOrEqual(2);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows how good the estimates were, as a table and a chart of the same numbers', async () => {
    const total = totalRow('Genauigkeit der Wartezeitprognose');
    await expect.poll(() => total.count(), until).toBe(1);
    // All visitors: count, error (minutes), bias (minutes, signed), share called inside the range told.
    const [count, error, bias, inside] = await total.getByRole('cell').allTextContents();
    expect(Number(count)).toBeGreaterThanOrEqual(1);
    expect(error).toMatch(/^\d+(,\d)?$/);
    expect(bias).toMatch(/^([+−-]?\d+(,\d)?)$/);
    expect(inside).toMatch(/^\d+(,\d)?\s%$/);
    const heading = page.getByRole('columnheader', { name: 'Ohne Termin' });
    expect(await heading.count()).toBeGreaterThanOrEqual(2); // waiting times and estimate accuracy
    const chart = page.getByRole('figure', { name: /^Mittlere Abweichung der Prognose je Zeitraum/ });
    expect(await chart.locator('svg').count()).toBe(1);
    expect(await chart.locator('[aria-hidden="true"]').count()).toBe(1);
    // The tickets left open at the end of a day are counted apart.
    expect(await page.getByRole('columnheader', { name: 'Offen geblieben, wartend' }).count()).toBe(1);
  });

  it('fits a 320 px wide screen: only the tables scroll sideways, in their own regions', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('region', { name: 'Genauigkeit der Wartezeitprognose' }).scrollIntoViewIfNeeded();
    const overflowX = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflowX).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('is driven by keyboard: one day, split by day', async () => {
    await page.getByLabel('Von', { exact: true }).fill('2027-03-01');
    await page.getByLabel('Aufteilung').selectOption('DAY');
    await page.getByLabel('Aufteilung').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Anzeigen');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Überblick/ }).textContent(), until)
      .toBe('Überblick 01.03.2027 bis 01.03.2027');
    const rows = page.getByRole('region', { name: 'Besuche nach Weg' }).getByRole('row');
    expect(await rows.count()).toBe(3); // header, the day, total
  });

  it('ties a bad range to the field', async () => {
    await page.getByLabel('Bis', { exact: true }).fill('2027-02-01');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    const to = page.getByLabel('Bis', { exact: true });
    await expect.poll(() => to.getAttribute('aria-invalid'), until).toBe('true');
    const errorId = await to.getAttribute('aria-describedby');
    expect(await page.locator(`#${errorId}`).textContent()).toBe('Das Ende liegt vor dem Anfang.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await to.fill('2027-03-01');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect.poll(() => to.getAttribute('aria-invalid'), until).toBeNull();
  });

  it('downloads the same numbers as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('statistik-buergercentrum-2027-03-01-2027-03-01.csv');
    const text = await readFile((await download.path()) as string, 'utf8');
    expect(text.startsWith('\uFEFFoffice,period_from,period_to,visitors,')).toBe(true);
    const dayRow = text.split('\r\n')[1] as string;
    expect(dayRow.startsWith('Bürgercentrum,2027-03-01,2027-03-01,')).toBe(true);
    const cells = await totalRow('Besuche nach Weg').getByRole('cell').allTextContents();
    expect(dayRow.split(',')[3]).toBe(cells[cells.length - 1]);
  });
});
