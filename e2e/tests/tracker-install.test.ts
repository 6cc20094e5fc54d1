import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, launchProfile, openPage } from '../harness.js';
import { until, walkInTrackingToken } from '../helpers.js';

/**
 * The tracker as an app on the home screen: a valid web app manifest Chromium accepts for installing, icons that
 * load, and a start (/track/) that finds the day's ticket again on this phone.
 */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');

type Manifest = {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: { src: string; sizes: string; type: string }[];
};

describe('the tracker on the home screen', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has a manifest Chromium accepts for installing, starting at /track/, with icons that load', async () => {
    // Chromium installs no app from an off-the-record context: this check runs in a real (throw-away) profile.
    const profile = await mkdtemp(path.join(os.tmpdir(), 'bc-install-'));
    const context = await launchProfile(profile);
    try {
      await checkInstallable(await context.newPage());
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  async function checkInstallable(page: Page) {
    await page.goto(`${baseUrl}/track/`);
    await page.getByRole('heading', { level: 1 }).waitFor(until);
    const cdp = await page.context().newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[]; data: string };
    expect(manifest.url).toBe(`${baseUrl}/track/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data) as Manifest;
    expect(data).toMatchObject({ short_name: 'Wartenummer', start_url: './', scope: './', display: 'standalone' });
    expect(data.icons.map((i) => i.sizes)).toEqual(['192x192', '512x512', 'any']);
    for (const icon of data.icons) {
      const res = await fetch(new URL(icon.src, manifest.url));
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get('content-type'), icon.src).toContain(icon.type);
    }
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installability.installabilityErrors.map((e) => e.errorId)).toEqual([]);
  }

  it('opened at its start, goes back to the ticket followed today on this phone, not to yesterday’s', async () => {
    const token = await walkInTrackingToken(baseUrl);
    await page.goto(`${baseUrl}/track/t/${token}`);
    // The ticket has arrived (its number is in the title), so the page has remembered it.
    await expect.poll(() => page.title(), until).toMatch(/^Nummer /);
    await page.goto(`${baseUrl}/track/`);
    await expect.poll(() => new URL(page.url()).pathname, until).toBe(`/track/t/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Ihre Wartenummer' }).waitFor(until);

    // A ticket is for one day: the next day the start page explains again. (Off the tracking page first, which
    // would remember the ticket again with its next live update.)
    await page.goto(`${baseUrl}/track/impressum`);
    await page.evaluate(() => {
      const last = JSON.parse(localStorage.getItem('bc.track.last') ?? '{}') as { token: string };
      localStorage.setItem('bc.track.last', JSON.stringify({ token: last.token, day: '2000-01-01' }));
    });
    await page.goto(`${baseUrl}/track/`);
    await page.getByRole('heading', { level: 1, name: 'Ihre Wartenummer auf dem Telefon' }).waitFor(until);
    expect(new URL(page.url()).pathname).toBe('/track/');
  });
});
