import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';

/** An admin manages a portal key on the staff pages and finds the changes in the audit log. */
const clockOffsetMs = inject('clockOffsetMs');

/** A portal request with this key: the HTTP status and the first error code (or OK). */
async function portalCall(baseUrl: string, key: string): Promise<{ status: number; code: string }> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ offices { slug } }' }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code ?? (body.data ? 'OK' : 'NO_DATA') };
}

/** How far the page is wider than the window (0 when nothing scrolls sideways). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('web-staff portal keys and audit log', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const until = { timeout: 15_000 };
  const path = () => new URL(page.url()).pathname;
  const name = `E2E-Portal ${Date.now()}`;
  let key = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leads the admin from the administration to the portal keys', async () => {
    await page.goto(`${baseUrl}/staff/login`);
    await page.getByLabel('Benutzername').fill('admin');
    await page.getByLabel('Passwort').fill('Demo-Admin-2026');
    await page.getByLabel('Passwort').press('Enter');
    await expect.poll(path, until).toBe('/staff/');
    await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await page.getByRole('link', { name: 'Portal-Schlüssel' }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/portal-schluessel');
    await page.getByRole('heading', { level: 1, name: 'Portal-Schlüssel' }).waitFor(until);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('refuses a key without a name, with the error tied to the field', async () => {
    await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
    const field = page.getByLabel('Name des Portals');
    await expect.poll(() => field.getAttribute('aria-invalid'), until).toBe('true');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    const described = (await field.getAttribute('aria-describedby')) ?? '';
    const errorId = described.split(' ').find((id) => id.endsWith('-error')) as string;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain('Bitte geben Sie einen Namen an.');
  });

  it('creates a key, shows it once with a warning, and the key works', async () => {
    await page.getByLabel('Name des Portals').fill(name);
    await page.getByLabel('Anfragen pro Minute (optional)').fill('120');
    await page.getByRole('button', { name: 'Schlüssel anlegen' }).click();
    await page.getByRole('heading', { name: `Neuer Schlüssel für „${name}“` }).waitFor(until);
    expect(await page.getByText('Dieser Schlüssel wird nur jetzt angezeigt.').isVisible()).toBe(true);
    key = await page.getByLabel('Schlüssel', { exact: true }).inputValue();
    expect(key).toMatch(/^bck_/);
    await page.getByRole('button', { name: 'Schlüssel kopieren' }).click();
    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /Zwischenablage|Kopieren ging nicht/ })
            .count(),
        until,
      )
      .toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await portalCall(baseUrl, key)).toEqual({ status: 200, code: 'OK' });

    await page.getByRole('button', { name: 'Fertig, Schlüssel ausblenden' }).click();
    // Focus goes back to the form, not lost with the panel.
    await expect
      .poll(() => page.getByLabel('Name des Portals').evaluate((el) => el === document.activeElement), until)
      .toBe(true);
    // Gone from the page for good: the list shows only the prefix.
    expect(await page.getByLabel('Schlüssel', { exact: true }).count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor(until);
    expect(await row.textContent()).toContain(key.slice(0, 10));
    expect(await row.textContent()).not.toContain(key);
    expect(await row.textContent()).toContain('120');
  });

  it('changes the limit, and revokes the key after a confirmation: the next request is refused', async () => {
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: `Limit ändern: ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Limit für „${name}“` });
    await dialog.getByLabel('Anfragen pro Minute (optional)').fill('0');
    await dialog.getByRole('button', { name: 'Limit speichern' }).click();
    await expect
      .poll(() => dialog.getByLabel('Anfragen pro Minute (optional)').getAttribute('aria-invalid'), until)
      .toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByLabel('Anfragen pro Minute (optional)').fill('');
    await dialog.getByRole('button', { name: 'Limit speichern' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Das Limit von „${name}“ ist geändert.` })
      .waitFor(until);
    await expect.poll(() => row.textContent(), until).toContain('Standard (');

    await row.getByRole('button', { name: `Widerrufen: ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: `„${name}“ widerrufen?` });
    await confirm.waitFor(until);
    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await portalCall(baseUrl, key)).toEqual({ status: 200, code: 'OK' });
    await row.getByRole('button', { name: `Widerrufen: ${name}` }).click();
    await confirm.getByRole('button', { name: 'Endgültig widerrufen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `„${name}“ ist widerrufen.` })
      .waitFor(until);
    await expect.poll(() => row.textContent(), until).toContain('Widerrufen am');
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await portalCall(baseUrl, key)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('shows these actions in the audit log, filterable by operation', async () => {
    await page.goto(`${baseUrl}/staff/verwaltung/protokoll`);
    await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor(until);
    const table = page.getByRole('region', { name: /Einträge/ });
    await table.getByRole('row').filter({ hasText: 'Portal-Schlüssel widerrufen' }).first().waitFor(until);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Portal-Schlüssel angelegt');
    expect(text).toContain('Limit eines Portal-Schlüssels geändert');
    expect(text).toContain('Alex Admin (Mitarbeiter/in)');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Vorgang').selectOption({ label: 'Portal-Schlüssel widerrufen' });
    await page.getByLabel('Ergebnis').selectOption({ label: 'Erledigt (PortalApiKey)' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect
      .poll(async () => {
        const ops = await table.getByRole('row').locator('td:nth-child(3)').allTextContents();
        return ops.length > 0 && ops.every((o) => o === 'Portal-Schlüssel widerrufen');
      }, until)
      .toBe(true);
  });

  it('both pages fit a 320 px wide window', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.goto(`${baseUrl}/staff/verwaltung/portal-schluessel`);
    await page.getByRole('heading', { level: 1, name: 'Portal-Schlüssel' }).waitFor(until);
    await page.getByRole('row').filter({ hasText: name }).waitFor(until);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });
});
