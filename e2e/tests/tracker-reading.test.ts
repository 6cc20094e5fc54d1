import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';
import { until, walkInTrackingToken } from '../helpers.js';

/**
 * The tracking page in Leichte Sprache and high contrast, as on the booking pages (the same switches, remembered on
 * the phone for both apps), at 320 px and axe clean.
 */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('tracking page: Leichte Sprache and high contrast', () => {
  let browser: Browser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
    await page.setViewportSize({ width: 320, height: 640 });
    token = await walkInTrackingToken(baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches the page to easy language by its header switch, remembers it, and stays German', async () => {
    await page.goto(`${baseUrl}/track/t/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Ihre Wartenummer' }).waitFor(until);
    const toggle = page.getByRole('button', { name: 'Leichte Sprache' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ihre Warte·nummer' }).waitFor(until);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByText('Lassen Sie diese Seite offen.', { exact: false }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The same choice holds on the booking pages (one setting for the citizen's phone).
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('heading', { level: 1, name: /Was möchten Sie erledigen\?/ }).waitFor(until);
    await page.getByRole('button', { name: 'Leichte Sprache' }).click();
    await page.goto(`${baseUrl}/track/t/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Ihre Wartenummer' }).waitFor(until);
  });

  it('switches to high contrast, remembers it after a reload, and stays free of violations', async () => {
    const toggle = page.getByRole('button', { name: 'Hoher Kontrast' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ihre Wartenummer' }).waitFor(until);
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Hoher Kontrast' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBeUndefined();
  });
});
