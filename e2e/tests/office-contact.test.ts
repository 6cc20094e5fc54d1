import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage, productNow } from '../harness.js';
import { bookFirstFree, gql, kioskToken } from '../helpers.js';

const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');
const until = { timeout: 15_000 };

/** Horizontal overflow of the document in CSS pixels; 0 when nothing scrolls sideways. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Whether a click in the middle of the element reaches it (and not, say, a card's stretched link above it); brought
 * into view first, as other test files add offices to the list.
 */
function reachable(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    // Instantly: the page scrolls smoothly by default, and the hit test must see the element where it ends up.
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  }, selector);
}

describe('the office’s contact, from the administration to the citizen', () => {
  let browser: Browser;
  let staff: Page;
  let original = { phone: '', email: '' };
  const form = () => staff.getByRole('form', { name: 'Angaben zur Dienststelle' });
  const phone = () => form().getByLabel('Telefon für Bürgerinnen und Bürger');
  const email = () => form().getByLabel('E-Mail-Adresse für Bürgerinnen und Bürger');

  beforeAll(async () => {
    browser = await launchBrowser();
    staff = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    // Back as it was, for the other browser tests on the same product.
    if (original.phone || original.email)
      await staff
        .evaluate(async (vars) => {
          const office = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: 'query { office(slug: "buergercentrum") { id } }' }),
          }).then((r) => r.json());
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: `mutation($o: ID!, $i: OfficeDetailsInput!) { updateOfficeDetails(officeId: $o, input: $i) { __typename } }`,
              variables: { o: office.data.office.id, i: vars },
            }),
          });
        }, original)
        .catch(() => undefined);
    await browser?.close();
  });

  it('the office manager refuses a bad phone and email with errors at the fields, then saves good ones', async () => {
    await staff.goto(`${baseUrl}/staff/login`);
    await staff.getByLabel('Benutzername').fill('leitung');
    await staff.getByLabel('Passwort').fill('Demo-Leitung-2026');
    await staff.getByLabel('Passwort').press('Enter');
    await expect.poll(() => new URL(staff.url()).pathname, until).toBe('/staff/');
    await staff.goto(`${baseUrl}/staff/verwaltung/buergercentrum/dienststelle`);
    await staff.getByRole('heading', { level: 1, name: 'Dienststelle' }).waitFor();
    await phone().waitFor();
    original = { phone: await phone().inputValue(), email: await email().inputValue() };
    expect(original).toEqual({ phone: '030 23125 100', email: 'buergercentrum@pforzheim.example' });
    expect(await phone().getAttribute('type')).toBe('tel');
    expect(await email().getAttribute('type')).toBe('email');

    await phone().fill('bitte anrufen');
    await email().fill('buergerbuero@');
    await staff.getByRole('button', { name: 'Angaben speichern' }).click();
    await expect.poll(() => phone().getAttribute('aria-invalid'), until).toBe('true');
    expect(await email().getAttribute('aria-invalid')).toBe('true');
    expect(await phone().getAttribute('aria-describedby')).toContain('office-phone-error');
    expect(await staff.locator('#office-phone-error').textContent()).toContain('Telefonnummer mit 6 bis 15 Ziffern');
    expect(await email().getAttribute('aria-describedby')).toContain('office-email-error');
    expect(await staff.locator('#office-email-error').textContent()).toContain('gültige E-Mail-Adresse');
    expect(await accessibilityViolations(staff)).toEqual([]);

    await phone().fill('07231 39-2000');
    await email().fill('Buergerbuero@Pforzheim.example');
    await email().press('Enter');
    await expect.poll(() => form().getByRole('status').textContent(), until).toContain('Die Angaben sind gespeichert.');
    expect(await phone().getAttribute('aria-invalid')).toBeNull();
    expect(await email().inputValue()).toBe('buergerbuero@pforzheim.example');

    await staff.setViewportSize({ width: 320, height: 800 });
    expect(await horizontalOverflow(staff)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(staff)).toEqual([]);
    await staff.setViewportSize({ width: 1280, height: 800 });
  }, 90_000);

  it('the office page shows the map, phone and email links; at 320 px without sideways scrolling', async () => {
    const page = await openPage(browser, clockOffsetMs);
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${baseUrl}/booking/buergercentrum`);
      await page.getByRole('heading', { level: 1, name: 'Bürgercentrum' }).waitFor();
      const map = page.getByRole('link', { name: 'Karte öffnen (externe Seite: OpenStreetMap)' });
      expect(await map.getAttribute('href')).toMatch(
        /^https:\/\/www\.openstreetmap\.org\/search\?query=Marktplatz%20\d+%2C%2075175%20Pforzheim$/,
      );
      expect(await page.getByRole('link', { name: '07231 39-2000' }).getAttribute('href')).toBe('tel:+497231392000');
      expect(await page.getByRole('link', { name: 'buergerbuero@pforzheim.example' }).getAttribute('href')).toBe(
        'mailto:buergerbuero@pforzheim.example',
      );
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The list of offices shows each office's phone and email, and the links are not covered by the card's link.
      await page.goto(`${baseUrl}/booking/`);
      const card = page.getByRole('listitem').filter({ hasText: 'Bürgercentrum' });
      const tel = card.getByRole('link', { name: '07231 39-2000' });
      await tel.waitFor();
      expect(await tel.getAttribute('href')).toBe('tel:+497231392000');
      expect(await reachable(page, 'a[href="tel:+497231392000"]')).toBe(true);
      expect(await reachable(page, 'a[href="mailto:buergerbuero@pforzheim.example"]')).toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('the appointment page ends with “Fragen?” and the office’s phone and email', async () => {
    const booked = await bookFirstFree(baseUrl, {
      officeSlug: 'buergercentrum',
      serviceName: 'Anmeldung / Ummeldung Wohnsitz',
      email: `kontakt-${Date.now()}@example.org`,
      from: productNow(clockOffsetMs) + 2 * 86_400_000,
    });
    const page = await openPage(browser, clockOffsetMs);
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${baseUrl}/booking/verwaltung#${booked.manageToken}`);
      await page.getByText(booked.reference).first().waitFor(until);
      const questions = page.getByRole('region', { name: 'Fragen?' });
      expect(await questions.textContent()).toContain('Rufen Sie uns an: 07231 39-2000');
      expect(await questions.getByRole('link', { name: '07231 39-2000' }).getAttribute('href')).toBe(
        'tel:+497231392000',
      );
      expect(await questions.getByRole('link', { name: 'buergerbuero@pforzheim.example' }).getAttribute('href')).toBe(
        'mailto:buergerbuero@pforzheim.example',
      );
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('the tracking page of a walk-in ticket gives the office’s phone with the number to name', async () => {
    const status = await gql(
      baseUrl,
      '{ walkInStatus { services { serviceId name open } } }',
      {},
      { bearer: kioskToken },
    );
    const service = (status.walkInStatus.services as { serviceId: string; name: string; open: boolean }[]).find(
      (s) => s.open,
    );
    if (!service) throw new Error('no walk-in service open');
    const issued = (
      await gql(
        baseUrl,
        `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
          __typename ... on IssuedTicket { trackingToken ticket { number } } } }`,
        { input: { requestId: randomUUID(), services: [{ serviceId: service.serviceId, count: 1 }] } },
        { bearer: kioskToken },
      )
    ).issueWalkInTicket;
    expect(issued.__typename).toBe('IssuedTicket');
    const page = await openPage(browser, clockOffsetMs);
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${baseUrl}/track/t/${issued.trackingToken}`);
      const questions = page.getByRole('region', { name: 'Fragen?' });
      await questions.waitFor(until);
      expect(await questions.textContent()).toContain(
        `Rufen Sie uns an: 07231 39-2000. Nennen Sie dabei Ihre Nummer ${issued.ticket.number}.`,
      );
      expect(await questions.getByRole('link', { name: '07231 39-2000' }).getAttribute('href')).toBe(
        'tel:+497231392000',
      );
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
      // Out of the queue again: other browser tests call the next visitor.
      await gql(baseUrl, 'mutation($t: String!) { leaveQueue(token: $t) { __typename } }', { t: issued.trackingToken });
    }
  }, 60_000);

  it('an unknown office and a dead manage link lead to the offices with their contact', async () => {
    const page = await openPage(browser, clockOffsetMs);
    try {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${baseUrl}/booking/gibt-es-nicht`);
      await page.getByRole('heading', { level: 1, name: 'Standort nicht gefunden' }).waitFor();
      expect(await page.getByText('jeden Standort mit Adresse, Telefon und E-Mail').count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Zur Übersicht der Standorte' }).click();
      await page.getByRole('link', { name: '07231 39-2000' }).waitFor();

      await page.goto(`${baseUrl}/booking/verwaltung#bcm_unbekannt`);
      await page.getByRole('heading', { level: 1, name: 'Termin nicht gefunden' }).waitFor();
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('link', { name: 'Zur Übersicht der Standorte mit Telefon und E-Mail' }).click();
      await page.getByRole('link', { name: '07231 39-2000' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
