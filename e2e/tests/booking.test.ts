import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';

describe('web-booking', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the offices and their services from the api', async () => {
    await page.goto(`${baseUrl}/booking/`);
    await expect.poll(() => page.getByRole('heading', { name: 'Bürgercentrum' }).count()).toBe(1);
    expect(await page.getByText('Personalausweis beantragen').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'Zulassungsstelle' }).count()).toBe(0);
  });

  it('has no accessibility violations', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
