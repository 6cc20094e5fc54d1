import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext } from '../harness.js';
import { until } from '../helpers.js';

/** Booking on a phone (375 × 667, and 320 wide where it matters): what a citizen sees without scrolling around. */

const clockOffsetMs = inject('clockOffsetMs');
const phone = { width: 375, height: 667 };

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const documentHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether the element's box lies fully inside the viewport. */
const inViewport = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });

/** The page's top of an element (document coordinates). */
const topOf = (locator: Locator) => locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);

/** The visible label of the first time offered (the radio itself is an invisible layer over it). */
const firstTimeLabel = (page: Page) =>
  page.locator('.bc-choice-grid--times:not([hidden]) .bc-choice__label--time').first();

/** The day radio of the shown week with the most free times (a "full day"), read from its accessible name. */
async function fullestDay(page: Page): Promise<Locator> {
  const days = page.getByRole('group', { name: 'Tag', exact: true }).getByRole('radio');
  let best = { index: 0, count: -1 };
  for (let i = 0; i < (await days.count()); i++) {
    const id = await days.nth(i).getAttribute('id');
    const text = (await page.locator(`label[for="${id}"]`).textContent()) ?? '';
    const count = Number(/(\d+) freie Zeit/.exec(text)?.[1] ?? 0);
    if (count > best.count) best = { index: i, count };
  }
  return days.nth(best.index);
}

async function openTimeStep(page: Page, baseUrl: string, service: string) {
  await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
  await page.getByRole('checkbox', { name: service }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('heading', { level: 1, name: /Tag und Uhrzeit/ }).waitFor();
  await page.locator('input[name="start-time"]').first().waitFor();
}

describe('web-booking on a 375 px phone', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser, clockOffsetMs, { locale: 'de-DE', viewport: phone });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the days of one week in a row, with buttons for the other weeks', async () => {
    await openTimeStep(page, baseUrl, 'Meldebescheinigung');
    const days = page.getByRole('group', { name: 'Tag', exact: true }).getByRole('radio');
    // The test clock starts on Monday 1 March 2027: that week's working days, all on one row.
    expect(await page.locator('.bc-week__label').textContent()).toMatch(/^Woche: 1\.\s?–\s?7\. März/);
    const count = await days.count();
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThanOrEqual(7);
    const tops = await page
      .locator('.bc-choice__label--day')
      .evaluateAll((all) => all.map((el) => Math.round(el.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    // Full dates for screen readers.
    expect(await days.first().evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)).toMatch(
      /(Montag|Dienstag), \d{1,2}\. März, \d+ freie Zeiten/,
    );

    await page.getByRole('button', { name: 'Nächste Woche' }).click();
    await expect.poll(() => page.locator('.bc-week__label').textContent()).toMatch(/^Woche: 8\.\s?–\s?14\. März/);
    expect(await days.first().isChecked()).toBe(true);
    expect(await days.first().getAttribute('value')).toMatch(/^2027-03-(0[89]|1[0-4])$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Vorherige Woche' }).click();
    await expect.poll(() => page.locator('.bc-week__label').textContent()).toMatch(/^Woche: 1\.\s?–\s?7\. März/);
    // There is no week before the first: the button says so and does nothing.
    const previous = page.getByRole('button', { name: 'Vorherige Woche' });
    expect(await previous.getAttribute('aria-disabled')).toBe('true');
  });

  it('moves focus and view to the times of a tapped day; times come in parts of the day, compact', async () => {
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    const day = await fullestDay(page);
    await day.click();
    expect(await day.isChecked()).toBe(true);
    const heading = page.getByRole('heading', { level: 2, name: /^Uhrzeit am / });
    await expect.poll(() => isFocused(heading)).toBe(true);
    await expect.poll(() => inViewport(firstTimeLabel(page)), until).toBe(true);
    await expect.poll(() => inViewport(heading), until).toBe(true);

    // A full day (every 5 minutes from 07:30 on) in parts of the day, each under its heading.
    const parts = page.getByRole('heading', { level: 3 });
    expect(await parts.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Vormittag/), expect.stringMatching(/^Nachmittag/)]),
    );
    const morning = page.getByRole('button', { name: /^Vormittag/ });
    const afternoon = page.getByRole('button', { name: /^Nachmittag/ });
    expect(await morning.getAttribute('aria-expanded')).toBe('true');
    // Several small buttons a row, and the whole step stays within 2.5 screens.
    const labels = page.locator('.bc-choice-grid--times:not([hidden]) .bc-choice__label--time');
    const tops = await labels.evaluateAll((all) => all.map((el) => Math.round(el.getBoundingClientRect().top)));
    const perRow = tops.filter((top) => top === tops[0]).length;
    expect(perRow).toBeGreaterThanOrEqual(5);
    // A long day opens its first part only; the others open on request.
    expect(await afternoon.getAttribute('aria-expanded')).toBe('false');
    expect(await documentHeight(page)).toBeLessThan(2.5 * phone.height);
    await afternoon.click();
    expect(await afternoon.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator(`[id="${await afternoon.getAttribute('aria-controls')}"]`).isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('works by keyboard: arrows browse days, Enter goes to the times, Space chooses one', async () => {
    const days = page.getByRole('group', { name: 'Tag', exact: true }).getByRole('radio');
    await days.first().check();
    await days.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await days.nth(1).isChecked()).toBe(true);
    // Browsing with the arrows leaves the focus on the days.
    expect(await isFocused(days.nth(1))).toBe(true);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: /^Uhrzeit am / });
    await expect.poll(() => isFocused(heading)).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: /Tag und Uhrzeit/ }).count()).toBe(1); // not sent
    // Tab reaches the first part's button, then its first time.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    await page.keyboard.press('Tab');
    const focusedName = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
    expect(focusedName).toBe('start-time');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="start-time"]:checked').count()).toBe(1);
    await page.getByText(/^Gewählt: /).waitFor();
    // A part of the day closes and opens with Enter on its button.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
  });

  it('offers no change of uploaded files on the review page when nothing can be uploaded', async () => {
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 1, name: /Ihre Angaben/ }).waitFor();
    expect(await page.getByRole('heading', { name: 'Unterlagen hochladen' }).count()).toBe(0);
    await page.getByLabel('Vor- und Nachname').fill('Paula Phone');
    await page.getByLabel('E-Mail-Adresse').fill('paula@example.org');
    await page.getByRole('checkbox', { name: /Hinweise zum Datenschutz gelesen/ }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 1, name: /Schritt 4 von 4/ }).waitFor();
    expect(await page.getByRole('link', { name: /^Ändern\s?:\s*Tag und Uhrzeit$/ }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /Hochgeladene Dateien/ }).count()).toBe(0);
    // What to bring is still listed.
    expect(await page.getByRole('heading', { level: 2, name: 'Unterlagen' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('confirms with when and where first, then reference and QR code, and names the address mailed to', async () => {
    await page.getByRole('button', { name: 'Verbindlich buchen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Termin ist gebucht' }).waitFor();
    expect(await page.getByText('Bestätigung an paula@example.org gesendet.').count()).toBe(1);
    const when = page.getByRole('heading', { level: 2, name: 'Wann und wo' });
    const time = page.locator('time').first();
    const reference = page.getByRole('heading', { level: 2, name: 'Buchungsnummer' });
    const qr = page.getByRole('img', { name: /QR-Code zum Einchecken/ });
    expect(await topOf(when)).toBeLessThan(await topOf(reference));
    expect(await topOf(time)).toBeLessThan(await topOf(reference));
    expect(await topOf(reference)).toBeLessThan(await topOf(qr));
    // Date and time on the first screen.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    expect(await inViewport(time)).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The manage page (the link opened again) has the same order.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Ihr Termin/ }).waitFor();
    expect(await topOf(page.locator('time').first())).toBeLessThan(
      await topOf(page.getByRole('heading', { level: 2, name: 'Buchungsnummer' })),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

/** A tiny but real PDF: the server detects the type from the content (%PDF-), not from the name. */
const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

describe.each([375, 320])('web-booking uploads on a %i px phone', (width) => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser, clockOffsetMs, {
      locale: 'de-DE',
      viewport: { width, height: phone.height },
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('calls the upload voluntary and keeps the remove button’s label on one line', async () => {
    await openTimeStep(page, baseUrl, 'Anmeldung / Ummeldung Wohnsitz');
    await page.getByRole('group', { name: 'Tag', exact: true }).getByRole('radio').nth(1).click();
    await page.locator('input[name="start-time"]').first().check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 1, name: /Ihre Angaben/ }).waitFor();

    const input = page.getByLabel(/Wohnungsgeberbescheinigung/);
    const label = page.locator(`label[for="${await input.getAttribute('id')}"]`);
    expect(await label.textContent()).toBe('Wohnungsgeberbescheinigung (freiwillig)');
    expect(await page.locator('main').textContent()).not.toContain('(Pflicht)');
    // Whether the document is needed is said in the hint, tied to the field.
    const described = (await input.getAttribute('aria-describedby')) ?? '';
    const hints = await Promise.all(described.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(hints.join(' ')).toContain('Laden Sie sie hier hoch oder bringen Sie sie zum Termin mit.');

    await input.setInputFiles({
      name: 'wohnungsgeberbestaetigung-vermieter-mustermann-2027.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf,
    });
    await page
      .locator('.bc-file-name', { hasText: 'wohnungsgeberbestaetigung-vermieter-mustermann-2027.pdf' })
      .waitFor(until);
    const remove = page.getByRole('button', { name: /^Entfernen/ });
    const box = await remove.boundingBox();
    expect(box?.height).toBeLessThan(48);
    const lines = await remove.locator('.kern-label').evaluate((el) => {
      const style = getComputedStyle(el);
      const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
      const visible = el.firstChild as Text;
      const range = document.createRange();
      range.selectNodeContents(visible);
      return range.getBoundingClientRect().height / lineHeight;
    });
    expect(lines).toBeLessThanOrEqual(1.5);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // With something to upload, the review page links back to the files.
    await page.getByLabel('Vor- und Nachname').fill('Uwe Upload');
    await page.getByLabel('E-Mail-Adresse').fill('uwe@example.org');
    await page.getByRole('checkbox', { name: /Hinweise zum Datenschutz gelesen/ }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 1, name: /Schritt 4 von 4/ }).waitFor();
    expect(await page.getByRole('link', { name: /^Ändern\s?:\s*Hochgeladene Dateien$/ }).count()).toBe(1);
  });
});
