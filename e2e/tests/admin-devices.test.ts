import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';

/**
 * Devices in the administration (/staff/verwaltung/:office/geraete): the demo office manager registers a kiosk of
 * its own (the demo devices stay as they are), the kiosk pairs on its set-up screen with the one-time code, and a
 * revocation sends it back to its set-up screen. The new device stays in the demo office, revoked.
 */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');
const until = { timeout: 10_000 };
const deviceName = `E2E-Terminal ${Date.now().toString(36)}`;
const renamed = `${deviceName} Foyer`;

describe('web-staff: devices and pairing', () => {
  let browser: Browser;
  let staff: Page;
  let kiosk: Page;
  let code = '';

  const path = () => new URL(staff.url()).pathname;

  beforeAll(async () => {
    browser = await launchBrowser();
    staff = await openPage(browser, clockOffsetMs);
    kiosk = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leads the office manager from the administration to the devices of the office', async () => {
    await staff.goto(`${baseUrl}/staff/login`);
    await staff.getByLabel('Benutzername').fill('leitung');
    await staff.getByLabel('Passwort').fill('Demo-Leitung-2026');
    await staff.getByLabel('Passwort').press('Enter');
    await expect.poll(path, until).toBe('/staff/');
    await staff.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await staff.getByRole('link', { name: 'Geräte' }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/buergercentrum/geraete');
    await expect.poll(() => staff.title(), until).toBe('Geräte – Bürgercentrum – Mitarbeitende');
    // The demo kiosk of the seed is listed as paired.
    await expect.poll(() => staff.getByRole('row').count(), until).toBeGreaterThan(1);
    expect(await staff.getByRole('cell', { name: 'Gekoppelt' }).count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(staff)).toEqual([]);
  });

  it('refuses an empty name at the field, then registers a kiosk and shows its pairing code once', async () => {
    await staff.getByRole('button', { name: 'Registrieren und Code erzeugen' }).click();
    const name = staff.getByRole('textbox', { name: 'Name des Geräts' });
    await expect.poll(() => name.getAttribute('aria-invalid'), until).toBe('true');
    expect(await staff.evaluate(() => document.activeElement?.id)).toBe('device-name');
    expect(await staff.getByText('Geben Sie einen Namen ein.').count()).toBe(1);

    await name.fill(deviceName);
    await staff.getByRole('combobox', { name: 'Art des Geräts' }).selectOption({ label: 'Terminal (Kiosk)' });
    await staff.getByRole('button', { name: 'Registrieren und Code erzeugen' }).click();
    const codeHeading = staff.getByRole('heading', { name: `Kopplungscode für „${deviceName}“` });
    await codeHeading.waitFor(until);
    code = (await staff.getByTestId('pairing-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(await staff.getByText(/Gültig bis \d\d:\d\d Uhr/).count()).toBe(1);
    expect(await staff.evaluate(() => document.activeElement?.id)).toBe('pairing-code-heading');
    const row = staff.getByRole('row', { name: new RegExp(deviceName) });
    await expect.poll(() => row.getByText('Wartet auf Kopplung').count(), until).toBe(1);
    expect(await accessibilityViolations(staff)).toEqual([]);
  });

  it('the kiosk set-up screen refuses a wrong code, then pairs with the code and shows the start screen', async () => {
    await kiosk.goto(`${baseUrl}/booking/kiosk`);
    await kiosk.getByRole('heading', { level: 1, name: 'Dieses Terminal ist nicht eingerichtet' }).waitFor(until);
    const input = kiosk.getByRole('textbox', { name: /Kopplungscode/ });
    expect(await accessibilityViolations(kiosk)).toEqual([]);

    await input.fill('ACEFH-ACEFH');
    await kiosk.getByRole('button', { name: /Gerät koppeln/ }).click();
    await expect.poll(() => input.getAttribute('aria-invalid'), until).toBe('true');
    expect(await kiosk.getByText('Diesen Kopplungscode gibt es nicht.', { exact: false }).count()).toBe(1);
    expect(await accessibilityViolations(kiosk)).toEqual([]);

    await input.fill(code.toLowerCase());
    await input.press('Enter');
    await kiosk.getByRole('heading', { level: 1, name: 'Guten Tag! Was möchten Sie tun?' }).waitFor(until);
    expect(await kiosk.evaluate(() => localStorage.getItem('bc.deviceToken'))).toMatch(/^bcd_/);

    await staff.getByRole('button', { name: 'Fertig, Code ausblenden' }).click();
    await staff.reload();
    const row = staff.getByRole('row', { name: new RegExp(deviceName) });
    await expect.poll(() => row.getByText('Gekoppelt').count(), until).toBe(1);
  });

  it('renames the device in a dialog', async () => {
    await staff.getByRole('button', { name: `Umbenennen ${deviceName}` }).click();
    const dialog = staff.getByRole('dialog', { name: `„${deviceName}“ umbenennen` });
    await dialog.waitFor(until);
    expect(await accessibilityViolations(staff)).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Name des Geräts' }).fill(renamed);
    await dialog.getByRole('button', { name: 'Namen speichern' }).click();
    await expect.poll(() => staff.getByRole('status').textContent(), until).toContain(`„${renamed}“`);
    expect(await staff.getByRole('row', { name: new RegExp(renamed) }).count()).toBe(1);
  });

  it('revokes the kiosk after a confirmation; the kiosk then shows its rejected-device screen', async () => {
    await staff.getByRole('button', { name: `Sperren ${renamed}` }).click();
    const dialog = staff.getByRole('dialog', { name: `„${renamed}“ sperren?` });
    await dialog.waitFor(until);
    expect(await accessibilityViolations(staff)).toEqual([]);
    await dialog.getByRole('button', { name: 'Endgültig sperren' }).click();
    await expect.poll(() => staff.getByRole('status').textContent(), until).toContain('ist gesperrt');
    const row = staff.getByRole('row', { name: new RegExp(renamed) });
    await expect.poll(() => row.getByText('Gesperrt', { exact: false }).count(), until).toBe(1);
    expect(await row.getByRole('button').count()).toBe(0);

    // The kiosk's next request is refused (on a reload here; unattended, at its next minute's check).
    await kiosk.reload();
    await expect.poll(() => kiosk.getByText('ungültig oder wurde widerrufen').count(), until).toBe(1);
    expect(await kiosk.getByRole('textbox', { name: /Kopplungscode/ }).count()).toBe(1);
    expect(await accessibilityViolations(kiosk)).toEqual([]);
  });

  it('fits a 320 px wide screen: only the table scrolls sideways, inside its own region', async () => {
    await staff.setViewportSize({ width: 320, height: 800 });
    await staff.reload();
    await staff.getByRole('heading', { level: 1, name: 'Geräte' }).waitFor(until);
    await expect.poll(() => staff.getByRole('row').count(), until).toBeGreaterThan(1);
    const overflowX = await staff.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflowX).toBeLessThanOrEqual(0);
    await staff.setViewportSize({ width: 1280, height: 800 });
  });

  it('a call display pairs with its code on its own set-up screen', async () => {
    const name = `${deviceName} Anzeige`;
    await staff.getByRole('textbox', { name: 'Name des Geräts' }).fill(name);
    await staff.getByRole('combobox', { name: 'Art des Geräts' }).selectOption({ label: 'Aufrufanzeige' });
    await staff.getByRole('button', { name: 'Registrieren und Code erzeugen' }).click();
    await staff.getByRole('heading', { name: `Kopplungscode für „${name}“` }).waitFor(until);
    expect(await staff.getByText('/track/display', { exact: false }).count()).toBeGreaterThan(0);
    const displayCode = (await staff.getByTestId('pairing-code').textContent())?.trim() ?? '';

    const display = await openPage(browser, clockOffsetMs);
    await display.goto(`${baseUrl}/track/display`);
    await display.getByRole('heading', { level: 1, name: 'Diese Anzeige ist nicht eingerichtet' }).waitFor(until);
    await display.getByRole('textbox', { name: /Kopplungscode/ }).fill(displayCode);
    await display.getByRole('button', { name: /Gerät koppeln/ }).click();
    await display.getByRole('heading', { level: 1, name: 'Bürgercentrum' }).waitFor(until);
    await display.context().close();

    // Revoked again, so that the demo office keeps only its own active devices.
    await staff.reload();
    await staff.getByRole('button', { name: `Sperren ${name}` }).click();
    await staff.getByRole('button', { name: 'Endgültig sperren' }).click();
    const row = staff.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row.getByText('Gesperrt', { exact: false }).count(), until).toBe(1);
  });
});
