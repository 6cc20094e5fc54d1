import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';

/** The product runs on its own clock (E2E_CLOCK_START in harness.ts); pages run on it too. */
const clockOffsetMs = inject('clockOffsetMs');

describe('web-staff', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  // Signing in hashes with argon2; give the api time on a busy machine.
  const until = { timeout: 10_000 };
  const path = () => new URL(page.url()).pathname;
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

  async function signIn(username: string, password: string) {
    await page.getByLabel('Benutzername').fill(username);
    await page.getByLabel('Passwort').fill(password);
    await page.getByLabel('Passwort').press('Enter');
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a visitor who is not signed in to the login page', async () => {
    await page.goto(`${baseUrl}/staff/`);
    await expect.poll(path, until).toBe('/staff/login');
    expect(await page.getByRole('heading', { level: 1, name: 'Anmelden' }).count()).toBe(1);
    expect(await page.title()).toBe('Anmelden – Mitarbeitende');
    expect(await page.getByLabel('Benutzername').getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Passwort').getAttribute('autocomplete')).toBe('current-password');
  });

  it('has no accessibility violations on the login page', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('ties a missing field to its error text and focuses it', async () => {
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const username = page.getByLabel('Benutzername');
    await expect.poll(() => username.getAttribute('aria-invalid'), until).toBe('true');
    const errorId = await username.getAttribute('aria-describedby');
    expect(await page.locator(`#${errorId}`).textContent()).toBe('Geben Sie Ihren Benutzernamen ein.');
    expect(await focusedId()).toBe('username');
    expect(await page.getByLabel('Passwort').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a German error for a wrong password and stays on the login page', async () => {
    await signIn('schalter', 'not-the-password');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), until).toContain('Benutzername oder Passwort ist falsch');
    expect(await alert.textContent()).not.toContain('Username or password');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(path()).toBe('/staff/login');
    expect(await page.getByLabel('Benutzername').getAttribute('aria-invalid')).toBeNull();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('signs in with the keyboard only and shows who is signed in and where they work', async () => {
    await page.getByLabel('Passwort').fill('');
    await page.getByLabel('Passwort').focus();
    await page.keyboard.type('Demo-Schalter-2026');
    await page.keyboard.press('Enter');
    const greeting = page.getByRole('heading', { level: 1, name: 'Guten Tag, Sam Schalter' });
    await expect.poll(() => greeting.count(), until).toBe(1);
    expect(path()).toBe('/staff/');
    expect(await page.title()).toBe('Startseite – Mitarbeitende');
    expect(await page.getByRole('heading', { name: 'Bürgercentrum' }).count()).toBe(1);
    expect(await page.getByText('Sachbearbeitung am Schalter').count()).toBe(1);
    expect(await page.getByText('Noch nicht freigeschaltet').count()).toBe(0);
    // Focus moved to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('has no accessibility violations on the start page', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps the session across a reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Guten Tag, Sam Schalter' }).count(), until).toBe(1);
  });

  it('signs out to the login page and forgets the session', async () => {
    await page.getByRole('navigation').getByRole('button', { name: 'Abmelden' }).click();
    await expect.poll(path, until).toBe('/staff/login');
    await expect.poll(() => page.getByText('Sam Schalter').count(), until).toBe(0);
    await page.goto(`${baseUrl}/staff/`);
    await expect.poll(path, until).toBe('/staff/login');
  });

  it('marks offices that are not yet open to the public', async () => {
    await signIn('admin', 'Demo-Admin-2026');
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Guten Tag, Alex Admin' }).count(), until)
      .toBe(1);
    const office = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Zulassungsstelle' }) });
    expect(await office.getByText('Noch nicht freigeschaltet').count()).toBe(1);
    expect(await page.getByText('Administration').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('tells how many minutes to wait after too many failed attempts', async () => {
    // An account no one uses, so the lock cannot get in the way of other tests.
    const other = await openPage(browser, clockOffsetMs);
    await other.goto(`${baseUrl}/staff/login`);
    const alert = other.getByRole('alert');
    for (let attempt = 1; attempt <= 6; attempt++) {
      await other.getByLabel('Benutzername').fill('niemand');
      await other.getByLabel('Passwort').fill(`falsch-${attempt}`);
      await other.getByLabel('Passwort').press('Enter');
      await expect.poll(() => alert.count(), until).toBe(1);
      if ((await alert.textContent())?.includes('Zu viele')) break;
    }
    expect(await alert.textContent()).toMatch(/Bitte warten Sie 1[45] Minuten/);
    expect(await accessibilityViolations(other)).toEqual([]);
    await other.context().close();
  });

  it('speaks English when switched, and has a not-found page', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Hello, Alex Admin' }).count(), until).toBe(1);
    expect(await page.getByText('Not yet open to the public').count()).toBe(1);
    expect(await page.title()).toBe('Start – Staff');
    await page.goto(`${baseUrl}/staff/no-such-page`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Page not found' }).count(), until).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
