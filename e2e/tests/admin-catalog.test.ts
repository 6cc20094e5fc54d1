import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';

/** The product runs on its own clock (a Monday morning, E2E_CLOCK_START); pages run on it too. */
const clockOffsetMs = inject('clockOffsetMs');

/** Horizontal overflow of the document in CSS pixels; 0 when nothing scrolls sideways. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * A manager sets up a new service with a new required document and a counter handling it; the booking page offers
 * it at once. The demo office is left as it was: the test adds its own items and deletes them at the end.
 */
describe('web-staff catalog administration', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  const until = { timeout: 15_000 };
  const path = () => new URL(page.url()).pathname;
  const suffix = Date.now().toString(36).slice(-5);
  const documentName = `Jagdschein ${suffix}`;
  const serviceName = `Jagdschein verlängern ${suffix}`;
  const counterLabel = `J${suffix}`;
  const status = () => page.getByRole('status');

  async function openSection(title: string, slug: string) {
    await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await page.getByRole('link', { name: title, exact: true }).click();
    await expect.poll(path, until).toBe(`/staff/verwaltung/buergercentrum/${slug}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('table').first().waitFor();
  }

  async function fitsNarrowScreen() {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 800 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .filter((el) => !el.closest('.kern-table-responsive'))
        .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
        .slice(0, 8),
    );
    expect(wide).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    if (size) await page.setViewportSize(size);
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  }, 90_000);

  it('creates a required document on the Unterlagen page', async () => {
    await page.goto(`${baseUrl}/staff/login`);
    await page.getByLabel('Benutzername').fill('leitung');
    await page.getByLabel('Passwort').fill('Demo-Leitung-2026');
    await page.getByLabel('Passwort').press('Enter');
    await expect.poll(path, until).toBe('/staff/');
    await openSection('Unterlagen', 'unterlagen');
    expect(await page.title()).toBe('Unterlagen – Bürgercentrum – Mitarbeitende');
    expect(await accessibilityViolations(page)).toEqual([]);
    const form = page.locator('#document-form');
    await form.getByLabel('Name', { exact: true }).fill(documentName);
    await form.getByLabel('Beschreibung', { exact: true }).fill('Der bisherige Jagdschein.');
    await form.getByLabel('Kann vorab hochgeladen werden').check();
    await form.getByRole('button', { name: 'Unterlage anlegen' }).click();
    await expect.poll(() => status().textContent(), until).toContain(`„${documentName}“ wurde angelegt.`);
    const row = page.getByRole('row').filter({ hasText: documentName });
    await expect.poll(() => row.count(), until).toBe(1);
    expect(await row.textContent()).toContain('aktiv');
    await fitsNarrowScreen();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);

  it('creates a service needing that document; a missing duration is a field error first', async () => {
    await openSection('Dienstleistungen', 'dienstleistungen');
    expect(await accessibilityViolations(page)).toEqual([]);
    const form = page.locator('#service-form');
    await form.getByLabel('Name', { exact: true }).fill(serviceName);
    await form.getByLabel('Ohne Termin (Wartemarke)').uncheck();
    await form.getByLabel(documentName, { exact: true }).check();
    expect(await form.getByLabel(`„${documentName}“ ist Pflicht`).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Dienstleistung anlegen' }).click();

    // No duration: refused with the error tied to the field, which takes the focus; nothing was created.
    const duration = form.getByLabel('Dauer in Minuten');
    await expect.poll(() => duration.getAttribute('aria-invalid'), until).toBe('true');
    await expect.poll(() => duration.evaluate((el) => el === document.activeElement), until).toBe(true);
    const errorId = (await duration.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(await page.locator(`#${errorId}`).textContent()).toContain('Bitte füllen Sie dieses Feld aus.');
    expect(await status().textContent()).toContain('Es wurde nichts gespeichert.');
    expect(await page.getByRole('row').filter({ hasText: serviceName }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await duration.fill('20');
    await form.getByRole('button', { name: 'Dienstleistung anlegen' }).click();
    await expect.poll(() => status().textContent(), until).toContain(`„${serviceName}“ wurde angelegt.`);
    const row = page.getByRole('row').filter({ hasText: serviceName });
    await expect.poll(() => row.count(), until).toBe(1);
    expect(await row.textContent()).toContain(documentName);
    expect(await row.textContent()).toContain('20 Minuten');
    await fitsNarrowScreen();
  }, 90_000);

  it('creates a counter handling the service on the Schalter page', async () => {
    await openSection('Schalter', 'schalter');
    expect(await accessibilityViolations(page)).toEqual([]);
    const form = page.locator('#counter-form');
    await form.getByRole('button', { name: 'Schalter anlegen' }).click();
    // Without services a counter is refused.
    const services = page.locator('#counter-services');
    await expect.poll(() => services.textContent(), until).toContain('Wählen Sie mindestens eine Dienstleistung.');
    await form.getByLabel('Bezeichnung').fill(counterLabel);
    await form.getByLabel(serviceName, { exact: true }).check();
    await form.getByLabel('Dienstag').fill('08:00-12:00');
    await form.getByRole('button', { name: 'Schalter anlegen' }).click();
    await expect.poll(() => status().textContent(), until).toContain(`„Schalter ${counterLabel}“ wurde angelegt.`);
    const row = page.getByRole('row').filter({ hasText: serviceName });
    await expect.poll(() => row.count(), until).toBe(1);
    expect(await row.textContent()).toContain('Dienstag 08:00–12:00');
    await fitsNarrowScreen();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);

  it('the booking page offers the new service with its document', async () => {
    const citizen = await openPage(browser, clockOffsetMs);
    await citizen.goto(`${baseUrl}/booking/buergercentrum`);
    const bookable = citizen.locator('section', {
      has: citizen.getByRole('heading', { level: 2, name: 'Online buchbare Anliegen' }),
    });
    const service = bookable.locator('details', { hasText: serviceName });
    await service.locator('summary').waitFor();
    await service.locator('summary').click();
    const doc = service.getByRole('listitem').filter({ hasText: documentName });
    expect(await doc.getByText('Pflicht', { exact: true }).isVisible()).toBe(true);
    expect(await doc.getByText('Kann bei der Buchung hochgeladen werden.').isVisible()).toBe(true);
    expect(await service.textContent()).toContain('Dauer: etwa 20 Minuten');
    await citizen.context().close();
  }, 90_000);

  it('removes what it added again (never used, so it can be deleted)', async () => {
    const remove = async (section: string, slug: string, name: string) => {
      await openSection(section, slug);
      await page.getByRole('button', { name: `Löschen: ${name}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Löschen' }).click();
      await expect.poll(() => status().textContent(), until).toContain(`„${name}“ wurde gelöscht.`);
    };
    await remove('Schalter', 'schalter', `Schalter ${counterLabel}`);
    await remove('Dienstleistungen', 'dienstleistungen', serviceName);
    await remove('Unterlagen', 'unterlagen', documentName);
    expect(await page.getByRole('row').filter({ hasText: documentName }).count()).toBe(0);
  }, 90_000);
});
