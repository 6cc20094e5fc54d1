import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext, openPage } from '../harness.js';

/** The product runs on its own clock (E2E_CLOCK_START in harness.ts); pages run on it too. */
const clockOffsetMs = inject('clockOffsetMs');

describe('web-staff: staff accounts', () => {
  let browser: Browser;
  /** The office manager's page. */
  let manager: Page;
  /** The new clerk's page (another browser context: nobody is signed in there). */
  let clerk: Page;
  const baseUrl = inject('baseUrl');
  // Signing in and setting a password hash with argon2; give the api time on a busy machine.
  const until = { timeout: 15_000 };
  const path = (page: Page) => new URL(page.url()).pathname;
  // A username of its own, so that a rerun on the same product and the other test files are not affected.
  const username = `e2e.${Date.now().toString(36)}`;
  const password = 'Sieben Zwerge hinter den Bergen';
  let link = '';

  async function signIn(page: Page, user: string, pass: string) {
    await page.getByLabel('Benutzername').fill(user);
    await page.getByLabel('Passwort', { exact: true }).fill(pass);
    await page.getByLabel('Passwort', { exact: true }).press('Enter');
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    manager = await openPage(browser, clockOffsetMs);
    clerk = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leads the office manager from the administration to the office’s staff', async () => {
    await manager.goto(`${baseUrl}/staff/login`);
    await signIn(manager, 'leitung', 'Demo-Leitung-2026');
    await expect.poll(() => path(manager), until).toBe('/staff/');
    await manager.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await manager.getByRole('link', { name: 'Mitarbeitende' }).click();
    await expect.poll(() => path(manager), until).toBe('/staff/verwaltung/buergercentrum/mitarbeitende');
    await expect.poll(() => manager.getByRole('heading', { level: 1, name: 'Mitarbeitende' }).count(), until).toBe(1);
    const table = manager.getByRole('table', { name: 'Konten' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'schalter' }).count(), until).toBe(1);
    // A manager never sees administrators.
    expect(await table.getByRole('row').filter({ hasText: 'Alex Admin' }).count()).toBe(0);
    expect(await accessibilityViolations(manager)).toEqual([]);
  });

  it('shows field errors tied to their fields, then creates a clerk and shows the link once', async () => {
    await manager.getByRole('button', { name: 'Konto anlegen' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Konto anlegen' });
    await expect.poll(() => dialog.count(), until).toBe(1);
    await dialog.getByLabel('Benutzername').fill('a b');
    await dialog.getByRole('button', { name: 'Anlegen und Link erstellen' }).click();
    const name = dialog.getByLabel('Name', { exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid'), until).toBe('true');
    // The first field in error has the focus.
    expect(await manager.evaluate(() => document.activeElement?.id)).toBe('staff-display-name');
    expect(await dialog.getByText('Bitte geben Sie einen Namen ein.').count()).toBe(1);
    expect(await dialog.getByLabel('Benutzername').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Benutzername').getAttribute('aria-describedby')).toContain('staff-username-error');
    expect(await accessibilityViolations(manager)).toEqual([]);

    await name.fill('Erika Test');
    await dialog.getByLabel('Benutzername').fill(username);
    // Preset: the clerk role and this office.
    expect(await dialog.getByLabel('Sachbearbeitung am Schalter').isChecked()).toBe(true);
    expect(await dialog.getByLabel('Bürgercentrum').isChecked()).toBe(true);
    // A manager cannot grant the administrator role: it is not offered.
    expect(await dialog.getByLabel('Administration').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Anlegen und Link erstellen' }).click();

    const shown = manager.getByRole('dialog', { name: 'Konto angelegt: Link für Erika Test' });
    await expect.poll(() => shown.count(), until).toBe(1);
    link = await shown.getByLabel('Link zum Setzen des Passworts').inputValue();
    expect(link).toMatch(/\/staff\/passwort#code=bcp_[\w-]{43}$/);
    await shown.getByRole('button', { name: 'Link kopieren' }).click();
    await expect
      .poll(() => shown.getByRole('status').textContent(), until)
      .toMatch(/Der Link ist in der Zwischenablage\.|Kopieren ging nicht/);
    expect(await accessibilityViolations(manager)).toEqual([]);
    await shown.getByRole('button', { name: 'Fertig' }).click();
    const row = manager.getByRole('table', { name: 'Konten' }).getByRole('row').filter({ hasText: username });
    await expect.poll(() => row.textContent(), until).toContain('Link offen bis');
  });

  it('lets the clerk set a password with the link and sign in', async () => {
    // The link as handed over; the code is in the fragment.
    const { pathname, hash } = new URL(link);
    await clerk.goto(`${baseUrl}${pathname}${hash}`);
    await expect.poll(() => clerk.getByRole('heading', { level: 1, name: 'Passwort setzen' }).count(), until).toBe(1);
    expect(await accessibilityViolations(clerk)).toEqual([]);

    await clerk.getByLabel('Neues Passwort', { exact: true }).fill(password);
    await clerk.getByLabel('Neues Passwort wiederholen').fill(`${password}!`);
    await clerk.getByRole('button', { name: 'Passwort setzen' }).click();
    const repeat = clerk.getByLabel('Neues Passwort wiederholen');
    await expect.poll(() => repeat.getAttribute('aria-invalid'), until).toBe('true');
    expect(await clerk.evaluate(() => document.activeElement?.id)).toBe('repeat-password');

    // The server's rules, in German under the field.
    await clerk.getByLabel('Neues Passwort', { exact: true }).fill('zu kurz');
    await repeat.fill('zu kurz');
    await clerk.getByRole('button', { name: 'Passwort setzen' }).click();
    await expect.poll(() => clerk.getByText('Das Passwort ist zu kurz: mindestens 12 Zeichen.').count(), until).toBe(1);
    expect(await accessibilityViolations(clerk)).toEqual([]);

    await clerk.getByLabel('Neues Passwort', { exact: true }).fill(password);
    await repeat.fill(password);
    await repeat.press('Enter');
    const toLogin = clerk.getByRole('link', { name: 'Zur Anmeldung' });
    await expect.poll(() => toLogin.count(), until).toBe(1);
    // The spent code is gone from the address bar.
    expect(new URL(clerk.url()).hash).toBe('');
    await toLogin.click();
    await expect.poll(() => path(clerk), until).toBe('/staff/login');
    await signIn(clerk, username, password);
    await expect.poll(() => path(clerk), until).toBe('/staff/');
  });

  it('lets the signed-in clerk change their own password from the header, by keyboard', async () => {
    const newPassword = 'Hinter den sieben Bergen wohnt niemand';
    await clerk.getByRole('link', { name: 'Passwort ändern' }).focus();
    await clerk.keyboard.press('Enter');
    await expect.poll(() => clerk.getByRole('heading', { level: 1, name: 'Passwort ändern' }).count(), until).toBe(1);
    expect(await accessibilityViolations(clerk)).toEqual([]);

    // A wrong current password: the error is tied to its field, and focus goes there.
    const current = clerk.getByLabel('Bisheriges Passwort');
    await current.fill('Das ist nicht mein Passwort');
    await clerk.getByLabel('Neues Passwort', { exact: true }).fill(newPassword);
    await clerk.getByLabel('Neues Passwort wiederholen').fill(newPassword);
    await clerk.getByLabel('Neues Passwort wiederholen').press('Enter');
    await expect.poll(() => current.getAttribute('aria-invalid'), until).toBe('true');
    expect(await clerk.getByText('Das bisherige Passwort stimmt nicht.').count()).toBe(1);
    expect(await clerk.evaluate(() => document.activeElement?.id)).toBe('current-password');
    expect(await accessibilityViolations(clerk)).toEqual([]);

    await current.fill(password);
    await current.press('Enter');
    await expect.poll(() => clerk.getByRole('status').textContent(), until).toContain('Ihr Passwort ist geändert.');
    expect(await current.inputValue()).toBe('');
    expect(await accessibilityViolations(clerk)).toEqual([]);

    // Still signed in here; the new password is the one that works.
    await clerk.goto(`${baseUrl}/staff/`);
    await expect.poll(() => path(clerk), until).toBe('/staff/');
    const other = await openPage(browser, clockOffsetMs);
    await other.goto(`${baseUrl}/staff/login`);
    await signIn(other, username, newPassword);
    await expect.poll(() => path(other), until).toBe('/staff/');
    await other.context().close();
  }, 60_000);

  it('refuses the used link', async () => {
    const other = await openPage(browser, clockOffsetMs);
    const { pathname, hash } = new URL(link);
    await other.goto(`${baseUrl}${pathname}${hash}`);
    await other.getByLabel('Neues Passwort', { exact: true }).fill('Ein anderes langes Passwort');
    await other.getByLabel('Neues Passwort wiederholen').fill('Ein anderes langes Passwort');
    await other.getByRole('button', { name: 'Passwort setzen' }).click();
    await expect
      .poll(() => other.getByRole('alert').textContent(), until)
      .toContain('Dieser Link wurde schon benutzt.');
    await other.context().close();
  });

  it('deactivates the clerk, who is signed out at once', async () => {
    const row = manager.getByRole('table', { name: 'Konten' }).getByRole('row').filter({ hasText: username });
    await row.getByRole('button', { name: /^Deaktivieren\s*:\s*Erika Test$/ }).click();
    const confirm = manager.getByRole('dialog', { name: 'Erika Test deaktivieren?' });
    await expect.poll(() => confirm.count(), until).toBe(1);
    expect(await accessibilityViolations(manager)).toEqual([]);
    await confirm.getByRole('button', { name: 'Deaktivieren' }).click();
    await expect.poll(() => row.textContent(), until).toContain('Deaktiviert');
    await expect.poll(() => manager.getByText('Erika Test ist deaktiviert und abgemeldet.').count(), until).toBe(1);
    await clerk.reload();
    await expect.poll(() => path(clerk), until).toBe('/staff/login');
  }, 60_000);

  it('does not scroll sideways at 320 px, on the list and on the password pages', async () => {
    const context = await newContext(browser, clockOffsetMs, {
      locale: 'de-DE',
      viewport: { width: 320, height: 640 },
      storageState: await manager.context().storageState(),
    });
    const phone = await context.newPage();
    const overflow = () =>
      phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await phone.goto(`${baseUrl}/staff/verwaltung/buergercentrum/mitarbeitende`);
    await phone.getByRole('table', { name: 'Konten' }).waitFor(until);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.getByRole('button', { name: 'Konto anlegen' }).click();
    await phone.getByRole('dialog', { name: 'Konto anlegen' }).waitFor(until);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.goto(`${baseUrl}/staff/konto/passwort`);
    await phone.getByRole('heading', { level: 1, name: 'Passwort ändern' }).waitFor(until);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.goto(`${baseUrl}/staff/passwort#code=bcp_not-a-real-code`);
    await phone.getByRole('heading', { level: 1, name: 'Passwort setzen' }).waitFor(until);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('shows an admin every account, administrators included', async () => {
    const adminPage = await openPage(browser, clockOffsetMs);
    await adminPage.goto(`${baseUrl}/staff/login`);
    await signIn(adminPage, 'admin', 'Demo-Admin-2026');
    await expect.poll(() => path(adminPage), until).toBe('/staff/');
    await adminPage.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await adminPage.getByRole('link', { name: 'Alle Mitarbeitenden' }).click();
    await expect.poll(() => path(adminPage), until).toBe('/staff/verwaltung/mitarbeitende');
    const table = adminPage.getByRole('table', { name: 'Konten' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Alex Admin' }).count(), until).toBe(1);
    expect(await table.getByRole('row').filter({ hasText: 'Lea Leitung' }).count()).toBe(1);
    // The own account cannot be deactivated from here.
    const own = table.getByRole('row').filter({ hasText: 'Alex Admin' });
    expect(await own.getByRole('button', { name: /^Deaktivieren/ }).count()).toBe(0);
    expect(await accessibilityViolations(adminPage)).toEqual([]);
    await adminPage.context().close();
  });
});
