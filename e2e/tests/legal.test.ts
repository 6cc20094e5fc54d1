import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';
import { until } from '../helpers.js';

/**
 * The legal pages: every citizen page (booking and tracking) has a footer with Impressum, Datenschutz and
 * Barrierefreiheit; each page reads well at 320 px, by keyboard, in German and English; an admin changes a text and
 * citizens see it at once.
 */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const path = (page: Page) => new URL(page.url()).pathname;

describe('legal pages', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
    await page.setViewportSize({ width: 320, height: 640 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every citizen page has the footer, and its links work by keyboard (focus moves to the new page)', async () => {
    for (const start of ['/booking/', '/booking/buergercentrum', '/track/']) {
      await page.goto(`${baseUrl}${start}`);
      const footer = page.getByRole('navigation', { name: 'Rechtliches' });
      await footer.waitFor(until);
      expect(await footer.getByRole('link').allTextContents()).toEqual([
        'Impressum',
        'Datenschutz',
        'Barrierefreiheit',
      ]);
    }
    await page.goto(`${baseUrl}/booking/buergercentrum`);
    await page.getByRole('navigation', { name: 'Rechtliches' }).getByRole('link', { name: 'Barrierefreiheit' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => path(page), until).toBe('/booking/barrierefreiheit');
    await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor(until);
    expect(await focusedText(page)).toBe('Erklärung zur Barrierefreiheit');
  });

  for (const app of ['booking', 'track']) {
    it(`shows each page in ${app} at 320 px, axe clean, the accessibility statement with its feedback contact`, async () => {
      for (const [slug, title] of [
        ['impressum', 'Impressum'],
        ['datenschutz', 'Datenschutzerklärung'],
        ['barrierefreiheit', 'Erklärung zur Barrierefreiheit'],
      ] as const) {
        await page.goto(`${baseUrl}/${app}/${slug}`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor(until);
        expect(await page.title()).toContain(title);
        expect(await overflow(page), slug).toBeLessThanOrEqual(0);
        expect(await accessibilityViolations(page), slug).toEqual([]);
      }
      const feedback = page.getByRole('region', { name: 'Barrieren melden' }).getByRole('link');
      expect(await feedback.getAttribute('href')).toMatch(/^mailto:.+@/);
    });
  }

  it('switches to English; a page without an English text shows the German one marked as German', async () => {
    await page.goto(`${baseUrl}/booking/impressum`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Legal notice' }).waitFor(until);
    expect(await page.getByRole('navigation', { name: 'Legal' }).getByRole('link').allTextContents()).toEqual([
      'Legal notice',
      'Privacy',
      'Accessibility',
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Auf Deutsch wechseln' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impressum' }).waitFor(until);
  });

  it('an admin replaces the imprint; citizens see the new text, and English readers get it marked as German', async () => {
    const staff = await openPage(browser, clockOffsetMs);
    await staff.goto(`${baseUrl}/staff/login`);
    await staff.getByLabel('Benutzername').fill('admin');
    await staff.getByLabel('Passwort').fill('Demo-Admin-2026');
    await staff.getByLabel('Passwort').press('Enter');
    await expect.poll(() => path(staff), until).toBe('/staff/');
    await staff.goto(`${baseUrl}/staff/verwaltung/rechtliches`);
    const imprint = staff.getByRole('region', { name: 'Impressum' });
    await imprint.waitFor(until);
    expect(await imprint.getByText('Noch Mustertext').count()).toBe(1);
    expect(await accessibilityViolations(staff)).toEqual([]);

    // An empty German text is refused with the error at the field, which takes the focus.
    const germanBody = imprint
      .getByRole('group', { name: 'Deutsch (verbindlich)' })
      .getByLabel('Text', { exact: true });
    await germanBody.fill('');
    await imprint.getByRole('button', { name: 'Impressum speichern' }).click();
    await expect.poll(() => germanBody.getAttribute('aria-invalid'), until).toBe('true');
    expect(await germanBody.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await accessibilityViolations(staff)).toEqual([]);

    await germanBody.fill('Stadt Teststadt\nRathausplatz 2\n\n## Kontakt\n- Telefon 0123 99');
    const english = imprint.getByRole('group', { name: 'Englisch (freiwillig)' });
    await english.getByLabel('Titel').fill('');
    await english.getByLabel('Text', { exact: true }).fill('');
    await imprint.getByRole('button', { name: 'Impressum speichern' }).click();
    await staff.getByRole('status').getByText('Impressum gespeichert.', { exact: false }).waitFor(until);
    await staff.getByRole('region', { name: 'Impressum' }).getByText('Zuletzt gespeichert:').waitFor(until);
    await staff.close();

    await page.goto(`${baseUrl}/track/impressum`);
    await page.getByText('Rathausplatz 2').waitFor(until);
    expect(await page.getByRole('heading', { level: 2, name: 'Kontakt' }).count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: 'Telefon 0123 99' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByText('This page is available in German only.').waitFor(until);
    expect(await page.locator('article[lang="de"] h1').textContent()).toBe('Impressum');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Auf Deutsch wechseln' }).click();
  }, 90_000);
});
