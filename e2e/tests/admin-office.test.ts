import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage, type RunningProduct, startProduct } from '../harness.js';

/** The product runs on its own clock (Monday 1 March 2027, E2E_CLOCK_START); pages run on it too. */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');
const until = { timeout: 15_000 };

/** Horizontal overflow of the document in CSS pixels; 0 when nothing scrolls sideways. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

type Interval = { opensAt: string; closesAt: string };

/** The times the booking page offers on Thursday 4 March 2027 for a residence registration (10 minutes). */
async function thursdayTimes(browser: Browser): Promise<string[]> {
  const page = await openPage(browser, clockOffsetMs);
  try {
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('checkbox', { name: 'Anmeldung / Ummeldung Wohnsitz' }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { level: 1, name: /Schritt 2 von 4.*Tag und Uhrzeit/ }).waitFor();
    // The day choice's radio for Thursday (its value is the office-local date), in the first week shown.
    await page.locator('input[type="radio"][value="2027-03-04"]').check();
    const times = page.getByRole('radio', { name: /^\d{2}:\d{2} Uhr$/ });
    await times.first().waitFor();
    // A long day opens one part of the day only: open the others, as a citizen would, to see every time.
    const closed = page.locator('.bc-times__toggle[aria-expanded="false"]');
    while ((await closed.count()) > 0) await closed.first().click();
    const names = await times.evaluateAll((all) =>
      all.map((el) => ((el as HTMLInputElement).labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
    return names.map((n) => n.slice(0, 5));
  } finally {
    await page.context().close();
  }
}

describe('web-staff office administration', () => {
  let browser: Browser;
  let page: Page;
  let thursday: Interval[] = [];
  const path = () => new URL(page.url()).pathname;
  const appointments = () => page.getByRole('region', { name: 'Terminzeiten' });
  const thursdayForm = () => appointments().getByRole('group', { name: 'Donnerstag' });
  /** The one save of the appointment hours' week, and the message beside it. */
  const saveAppointments = () => appointments().getByRole('button', { name: 'Terminzeiten speichern' }).click();
  const appointmentsStatus = () => appointments().getByRole('status').textContent();

  /** Thursday's appointment hours through the api with the page's session (the safety net of afterAll). */
  const setThursday = (intervals: Interval[]) =>
    page.evaluate(async (vars) => {
      const office = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query { office(slug: "buergercentrum") { id } }' }),
      }).then((r) => r.json());
      await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation($o: ID!, $i: [TimeIntervalInput!]!) {
            setOpeningHours(officeId: $o, kind: APPOINTMENTS, weekday: 4, intervals: $i) { __typename } }`,
          variables: { o: office.data.office.id, i: vars },
        }),
      });
    }, intervals);

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    if (thursday.length > 0) await setThursday(thursday).catch(() => undefined);
    await browser?.close();
  });

  it('leads the office manager to the office sections of the administration', async () => {
    await page.goto(`${baseUrl}/staff/login`);
    await page.getByLabel('Benutzername').fill('leitung');
    await page.getByLabel('Passwort').fill('Demo-Leitung-2026');
    await page.getByLabel('Passwort').press('Enter');
    await expect.poll(path, until).toBe('/staff/');
    await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    expect(await page.getByRole('link', { name: 'Dienststelle', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Öffnungszeiten', exact: true }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  let before: string[] = [];

  it('the booking page offers Thursday morning and afternoon before the change', async () => {
    before = await thursdayTimes(browser);
    expect(before).toContain('09:00');
    expect(before).toContain('15:00');
  }, 60_000);

  it('shows the week of opening and of appointment hours, each one form with one save', async () => {
    await page.getByRole('link', { name: 'Öffnungszeiten', exact: true }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/buergercentrum/oeffnungszeiten');
    await page.getByRole('heading', { level: 1, name: 'Öffnungszeiten' }).waitFor();
    await expect.poll(() => page.title(), until).toBe('Öffnungszeiten – Bürgercentrum – Mitarbeitende');
    const form = thursdayForm();
    await form.getByLabel('Donnerstag, Zeitraum 1: von').waitFor();
    const count = await form.getByLabel(/^Donnerstag, Zeitraum \d: von$/).count();
    thursday = [];
    for (let n = 1; n <= count; n++)
      thursday.push({
        opensAt: await form.getByLabel(`Donnerstag, Zeitraum ${n}: von`).inputValue(),
        closesAt: await form.getByLabel(`Donnerstag, Zeitraum ${n}: bis`).inputValue(),
      });
    expect(thursday).toEqual([{ opensAt: '07:30', closesAt: '18:00' }]);
    const opening = page.getByRole('region', { name: 'Öffnungszeiten' });
    expect(await opening.getByRole('form').count()).toBe(1);
    expect(await opening.getByRole('group').count()).toBe(7);
    expect(await appointments().getByRole('form').count()).toBe(1);
    expect(await appointments().getByRole('group').count()).toBe(7);
    // One save per kind, not one per weekday.
    expect(await page.getByRole('button', { name: /speichern$/ }).allTextContents()).toEqual([
      'Öffnungszeiten speichern',
      'Terminzeiten speichern',
    ]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('refuses an inverted interval at its field and saves nothing', async () => {
    const form = thursdayForm();
    const closes = form.getByLabel('Donnerstag, Zeitraum 1: bis');
    await closes.fill('07:00');
    await saveAppointments();
    await expect.poll(() => closes.getAttribute('aria-invalid'), until).toBe('true');
    const errorId = await closes.getAttribute('aria-describedby');
    expect(await page.locator(`#${errorId}`).textContent()).toContain('Das Ende muss nach dem Beginn liegen.');
    expect(await appointmentsStatus()).toContain('Nicht gespeichert');
    expect(await appointmentsStatus()).toContain('Betrifft: Donnerstag.');
    // The refused field has the focus, so its reason is read at once.
    await expect.poll(() => closes.evaluate((el) => el === document.activeElement), until).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await thursdayTimes(browser)).toEqual(before);
  }, 60_000);

  it('saves a morning and an evening interval, and the booking page follows at once', async () => {
    const form = thursdayForm();
    const closes = form.getByLabel('Donnerstag, Zeitraum 1: bis');
    await closes.fill('12:00');
    await form.getByRole('button', { name: 'Zeitraum hinzufügen (Donnerstag)' }).click();
    await form.getByLabel('Donnerstag, Zeitraum 2: von').fill('18:00');
    await form.getByLabel('Donnerstag, Zeitraum 2: bis').fill('19:00');
    await saveAppointments();
    await expect.poll(appointmentsStatus, until).toContain('Donnerstag ist gespeichert.');
    // Only the changed weekday was sent: the others are not named.
    expect(await appointmentsStatus()).not.toContain('Montag');
    expect(await closes.getAttribute('aria-invalid')).toBeNull();

    const after = await thursdayTimes(browser);
    expect(after).toContain('09:00');
    expect(after).not.toContain('15:00');
    expect(after).toContain('18:30');
    expect(after.every((t) => t < '12:00' || t >= '18:00')).toBe(true);
  }, 60_000);

  it('restores the hours through the page', async () => {
    const form = thursdayForm();
    await form.getByRole('button', { name: 'Zeitraum 2 entfernen (Donnerstag)' }).click();
    expect(await form.getByLabel('Donnerstag, Zeitraum 2: von').count()).toBe(0);
    await form.getByLabel('Donnerstag, Zeitraum 1: bis').fill('18:00');
    await saveAppointments();
    await expect.poll(appointmentsStatus, until).toContain('Donnerstag ist gespeichert.');
    expect(await thursdayTimes(browser)).toEqual(before);
    thursday = [];
  }, 60_000);

  it('fits a 320 px wide screen and a 1366 px desk monitor, no button text spilling out of its button', async () => {
    for (const width of [320, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // A button narrower than its text ("Zeitraum hinzufügen" squeezed to an icon's width) spills over its
      // neighbours without widening the page: measure each button of the form too.
      expect(await page.locator('main button').count()).toBeGreaterThan(14); // add per weekday, saves, …
      const spilling = await page
        .locator('main button, main fieldset, main form')
        .evaluateAll((all) =>
          all.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent?.trim() ?? el.tagName),
        );
      expect(spilling).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('edits the office notice by keyboard alone, with field errors announced at the field', async () => {
    await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum/dienststelle`);
    await page.getByRole('heading', { level: 1, name: 'Dienststelle' }).waitFor();
    const notice = page.getByLabel('Hinweis für Besuchende');
    await notice.waitFor();
    const original = await notice.inputValue();
    expect(await page.getByLabel('Postleitzahl').inputValue()).toMatch(/^\d{5}$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Tab from the top of the page to the notice field.
    await page.locator('body').focus();
    for (let i = 0; i < 60; i++) {
      if ((await page.evaluate(() => document.activeElement?.id)) === 'office-notice') break;
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('office-notice');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('x'.repeat(201)); // as typed, in one go
    // Past the kiosk's languages to the save button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('office-language-en');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Angaben speichern');
    await page.keyboard.press('Enter');
    await expect.poll(() => notice.getAttribute('aria-invalid'), until).toBe('true');
    expect(await page.locator('#office-notice-error').textContent()).toContain('Der Text ist zu lang.');
    expect(await notice.getAttribute('aria-describedby')).toContain('office-notice-error');
    expect(await accessibilityViolations(page)).toEqual([]);

    await notice.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Heute nur bis 12 Uhr');
    await page.keyboard.press('Enter'); // Enter in a field sends its form
    const status = page.getByRole('form', { name: 'Angaben zur Dienststelle' }).getByRole('status');
    await expect.poll(() => status.textContent(), until).toContain('Die Angaben sind gespeichert.');
    expect(await notice.getAttribute('aria-invalid')).toBeNull();
    expect(await notice.inputValue()).toBe('Heute nur bis 12 Uhr');

    // Back as it was.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(original);
    if (original === '') await page.keyboard.press('Delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => notice.inputValue(), until).toBe(original);
  }, 90_000);

  it('keeps the settings form within range with errors at the fields', async () => {
    const slot = page.getByLabel('Raster der Terminzeiten (Minuten)');
    const before = await slot.inputValue();
    await slot.fill('0');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await expect.poll(() => slot.getAttribute('aria-invalid'), until).toBe('true');
    expect(await page.locator('#settings-slotMinutes-error').textContent()).toContain(
      'außerhalb des erlaubten Bereichs',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await slot.fill(before);
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await expect.poll(() => slot.getAttribute('aria-invalid'), until).toBeNull();
  });

  it('adds a closing day that says how many bookings it affects, notifies them, and removes it again', async () => {
    // A booking of its own on a Thursday in April (10:00 CEST), so nothing another test relies on is touched.
    const booked = await page.evaluate(async () => {
      const call = (query: string, variables: Record<string, unknown> = {}) =>
        fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        }).then((r) => r.json());
      const office = (await call('query { office(slug: "buergercentrum") { id services { id name } } }')).data.office;
      const service = office.services.find((x: { name: string }) => x.name.startsWith('Personalausweis'));
      const res = await call(
        `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { __typename } }`,
        {
          input: {
            officeId: office.id,
            services: [{ serviceId: service.id, count: 1 }],
            start: '2027-04-22T08:00:00.000Z',
            name: 'Erika Schließtag',
            email: `schliesstag-${Date.now()}@example.de`,
            language: 'de',
            privacyConsent: true,
            uploadIds: [],
          },
        },
      );
      return res.data?.bookAppointment?.__typename;
    });
    expect(booked).toBe('BookingConfirmed');

    await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await page.getByRole('link', { name: 'Schließtage', exact: true }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/buergercentrum/schliesstage');
    await page.getByRole('heading', { level: 1, name: 'Schließtage' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A past day is refused at the field.
    const date = page.getByLabel('Datum');
    await date.fill('2027-02-26');
    await page.getByRole('button', { name: 'Schließtag eintragen' }).click();
    await expect.poll(() => date.getAttribute('aria-invalid'), until).toBe('true');
    expect(await page.locator('#closure-date-error').textContent()).toContain('in der Vergangenheit');

    await date.fill('2027-04-22');
    await page.getByLabel('Anlass').fill('Personalversammlung');
    await page.getByRole('button', { name: 'Schließtag eintragen' }).click();
    const status = page.getByRole('status').first();
    await expect
      .poll(() => status.textContent(), until)
      .toBe('Schließtag am Donnerstag, 22. April 2027 eingetragen. 1 gebuchter Termin betroffen');
    expect(await date.getAttribute('aria-invalid')).toBeNull();
    const row = page.getByRole('row').filter({ hasText: 'Donnerstag, 22. April 2027' });
    expect(await row.textContent()).toContain('Personalversammlung');
    expect(await row.textContent()).toContain('1 gebuchter Termin betroffen');
    expect(await accessibilityViolations(page)).toEqual([]);

    await row.getByRole('button', { name: 'Betroffene benachrichtigen (Donnerstag, 22. April 2027)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Termine am Donnerstag, 22. April 2027 absagen?' });
    await dialog.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Termine absagen und benachrichtigen' }).click();
    await expect
      .poll(() => status.textContent(), until)
      .toContain('1 Termin am Donnerstag, 22. April 2027 abgesagt, die Person wird benachrichtigt.');
    await expect.poll(() => row.textContent(), until).toContain('0 gebuchte Termine betroffen');
    expect(await row.getByRole('button', { name: /Betroffene benachrichtigen/ }).count()).toBe(0);

    await row.getByRole('button', { name: 'Schließtag entfernen (Donnerstag, 22. April 2027)' }).click();
    await expect.poll(() => row.count(), until).toBe(0);
    expect(await status.textContent()).toContain('Der Schließtag am Donnerstag, 22. April 2027 ist entfernt.');
  }, 90_000);

  it('opens a Saturday as an extra opening day, the booking page offers it, and removing it closes it again', async () => {
    /** Whether the booking page offers Saturday 13 March 2027 as a day. */
    const saturdayOffered = async () => {
      const booking = await openPage(browser, clockOffsetMs);
      try {
        await booking.goto(`${baseUrl}/booking/buergercentrum/termin`);
        await booking.getByRole('checkbox', { name: 'Anmeldung / Ummeldung Wohnsitz' }).check();
        await booking.getByRole('button', { name: 'Weiter' }).click();
        // The week of 8 to 14 March, the second one the week strip shows.
        await booking.locator('input[type="radio"][value="2027-03-04"]').waitFor();
        await booking.getByRole('button', { name: 'Nächste Woche' }).click();
        await booking.locator('input[type="radio"][value="2027-03-12"]').waitFor(); // the Friday before
        return (await booking.locator('input[type="radio"][value="2027-03-13"]').count()) === 1;
      } finally {
        await booking.context().close();
      }
    };
    expect(await saturdayOffered()).toBe(false);

    await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum`);
    await page.getByRole('link', { name: 'Sonderöffnungstage', exact: true }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/buergercentrum/sonderoeffnungstage');
    await page.getByRole('heading', { level: 1, name: 'Sonderöffnungstage' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Datum').fill('2027-03-13');
    await page.getByLabel('Zeitraum 1: von').fill('09:00');
    await page.getByLabel('Zeitraum 1: bis').fill('12:00');
    await page.getByLabel('Anlass').fill('Samstagsöffnung');
    await page.getByRole('button', { name: 'Sonderöffnungstag speichern' }).click();
    const status = page.getByRole('status').first();
    await expect
      .poll(() => status.textContent(), until)
      .toContain('Sonderöffnungstag am Samstag, 13. März 2027 gespeichert.');
    const row = page.getByRole('row').filter({ hasText: 'Samstag, 13. März 2027' });
    expect(await row.textContent()).toContain('09:00–12:00');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await saturdayOffered()).toBe(true);

    await row.getByRole('button', { name: 'Sonderöffnungstag entfernen (Samstag, 13. März 2027)' }).click();
    await expect.poll(() => row.count(), until).toBe(0);
    expect(await saturdayOffered()).toBe(false);
  }, 120_000);

  it('fits every office page on a 320 px wide screen', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const [section, heading] of [
      ['dienststelle', 'Dienststelle'],
      ['oeffnungszeiten', 'Öffnungszeiten'],
      ['schliesstage', 'Schließtage'],
      ['sonderoeffnungstage', 'Sonderöffnungstage'],
    ]) {
      await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum/${section}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('form').first().waitFor();
      expect(await horizontalOverflow(page), section).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 60_000);
});

/**
 * Setting up an office adds it to every list for good (there is no deleting offices), so this part runs on a product
 * of its own: the shared demo product stays as the other browser tests expect it.
 */
describe('web-staff: an admin sets up a new office', () => {
  let product: RunningProduct;
  let browser: Browser;
  let page: Page;
  const path = () => new URL(page.url()).pathname;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    page = await openPage(browser, product.clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('creates the office from the form and lands on its administration, where it has no hours yet', async () => {
    const base = product.baseUrl;
    await page.goto(`${base}/staff/login`);
    await page.getByLabel('Benutzername').fill('admin');
    await page.getByLabel('Passwort').fill('Demo-Admin-2026');
    await page.getByLabel('Passwort').press('Enter');
    await expect.poll(path, until).toBe('/staff/');
    await page.goto(`${base}/staff/verwaltung/buergercentrum`);
    await page.getByRole('link', { name: 'Neue Dienststelle', exact: true }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/neue-dienststelle');
    await page.getByRole('heading', { level: 1, name: 'Neue Dienststelle' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Name').fill('Bürgerbüro Nord');
    await page.getByLabel('Kurzbezeichnung für Adressen').fill('buergercentrum');
    await page.getByLabel('Straße und Hausnummer').fill('Nordstraße 1');
    await page.getByLabel('Postleitzahl').fill('7517');
    await page.getByLabel('Ort').fill('Pforzheim');
    await page.getByRole('button', { name: 'Dienststelle anlegen' }).click();
    const postalCode = page.getByLabel('Postleitzahl');
    await expect.poll(() => postalCode.getAttribute('aria-invalid'), until).toBe('true');
    expect(await page.locator('#new-office-postalCode-error').textContent()).toContain('fünf Ziffern');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Well-formed, but the slug is taken.
    await postalCode.fill('75179');
    await page.getByRole('button', { name: 'Dienststelle anlegen' }).click();
    const slug = page.getByLabel('Kurzbezeichnung für Adressen');
    await expect.poll(() => slug.getAttribute('aria-invalid'), until).toBe('true');
    expect(await page.locator('#new-office-slug-error').textContent()).toContain('schon vergeben');
    expect(await postalCode.getAttribute('aria-invalid')).toBeNull();

    await slug.fill('buergerbuero-nord');
    await page.getByRole('button', { name: 'Dienststelle anlegen' }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/buergerbuero-nord');
    await page.getByRole('heading', { level: 1, name: 'Verwaltung' }).waitFor();
    expect(await page.locator('.bc-office-line').textContent()).toContain('Bürgerbüro Nord');

    await page.getByRole('link', { name: 'Öffnungszeiten', exact: true }).click();
    await expect.poll(path, until).toBe('/staff/verwaltung/buergerbuero-nord/oeffnungszeiten');
    await page.getByRole('region', { name: 'Terminzeiten' }).getByRole('group', { name: 'Montag' }).waitFor();
    expect(await page.getByText('Geschlossen', { exact: true }).count()).toBe(14);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  /**
   * The "done when": the new office is set up entirely in the browser — a manager invited by the admin,
   * hours, a document, a service, a counter, a clerk, a kiosk and a call display — and a citizen books it at once.
   */
  it('is set up by its manager entirely in the browser and is bookable at once', async () => {
    const base = product.baseUrl;
    const office = `${base}/staff/verwaltung/buergerbuero-nord`;
    const section = async (p: Page, name: string, slug: string) => {
      await p.goto(office);
      await p.getByRole('link', { name, exact: true }).click();
      await expect.poll(() => new URL(p.url()).pathname, until).toBe(`/staff/verwaltung/buergerbuero-nord/${slug}`);
      await p.getByRole('heading', { level: 1, name }).waitFor(until);
    };
    /** Creates an account in the Mitarbeitende dialog and returns its password link. */
    const invite = async (p: Page, name: string, username: string, role?: string) => {
      await p.getByRole('button', { name: 'Konto anlegen' }).click();
      const dialog = p.getByRole('dialog', { name: 'Konto anlegen' });
      await dialog.waitFor(until);
      await dialog.getByLabel('Name', { exact: true }).fill(name);
      await dialog.getByLabel('Benutzername').fill(username);
      expect(await dialog.getByLabel('Bürgerbüro Nord').isChecked()).toBe(true);
      if (role) {
        await dialog.getByLabel('Sachbearbeitung am Schalter').uncheck();
        await dialog.getByLabel(role).check();
      }
      await dialog.getByRole('button', { name: 'Anlegen und Link erstellen' }).click();
      const shown = p.getByRole('dialog', { name: `Konto angelegt: Link für ${name}` });
      await shown.waitFor(until);
      const link = await shown.getByLabel('Link zum Setzen des Passworts').inputValue();
      await shown.getByRole('button', { name: 'Fertig' }).click();
      return link;
    };
    /** Registers a device on the Geräte page and returns its pairing code. */
    const register = async (p: Page, name: string, kind: string) => {
      await p.getByRole('textbox', { name: 'Name des Geräts' }).fill(name);
      await p.getByRole('combobox', { name: 'Art des Geräts' }).selectOption({ label: kind });
      await p.getByRole('button', { name: 'Registrieren und Code erzeugen' }).click();
      await p.getByRole('heading', { name: `Kopplungscode für „${name}“` }).waitFor(until);
      const code = (await p.getByTestId('pairing-code').textContent())?.trim() ?? '';
      await p.getByRole('button', { name: 'Fertig, Code ausblenden' }).click();
      return code;
    };

    // The admin invites the office's manager.
    await section(page, 'Mitarbeitende', 'mitarbeitende');
    const managerLink = new URL(await invite(page, 'Nora Nord', 'nora.nord', 'Leitung der Dienststelle'));

    // The manager sets a password with the link and signs in.
    const manager = await openPage(browser, product.clockOffsetMs);
    const password = 'Nordlicht über dem Rathaus';
    await manager.goto(`${base}${managerLink.pathname}${managerLink.hash}`);
    await manager.getByLabel('Neues Passwort', { exact: true }).fill(password);
    await manager.getByLabel('Neues Passwort wiederholen').fill(password);
    await manager.getByRole('button', { name: 'Passwort setzen' }).click();
    await manager.getByRole('link', { name: 'Zur Anmeldung' }).click();
    await expect.poll(() => new URL(manager.url()).pathname, until).toBe('/staff/login');
    await manager.getByLabel('Benutzername').fill('nora.nord');
    await manager.getByLabel('Passwort', { exact: true }).fill(password);
    await manager.getByLabel('Passwort', { exact: true }).press('Enter');
    await expect.poll(() => new URL(manager.url()).pathname, until).toBe('/staff/');

    // Opening hours: Tuesday 08:00–12:00 (without appointment hours, appointments follow the opening hours).
    await section(manager, 'Öffnungszeiten', 'oeffnungszeiten');
    const opening = manager.getByRole('region', { name: 'Öffnungszeiten' });
    const tuesday = opening.getByRole('group', { name: 'Dienstag' });
    await tuesday.getByRole('button', { name: 'Zeitraum hinzufügen (Dienstag)' }).click();
    await tuesday.getByLabel('Dienstag, Zeitraum 1: von').fill('08:00');
    await tuesday.getByLabel('Dienstag, Zeitraum 1: bis').fill('12:00');
    await opening.getByRole('button', { name: 'Öffnungszeiten speichern' }).click();
    await expect.poll(() => opening.getByRole('status').textContent(), until).toContain('Dienstag ist gespeichert.');

    // What to bring, the service, and a counter that handles it (at the office's appointment hours).
    await section(manager, 'Unterlagen', 'unterlagen');
    const documentForm = manager.locator('#document-form');
    await documentForm.getByLabel('Name', { exact: true }).fill('Fahrzeugschein');
    await documentForm.getByRole('button', { name: 'Unterlage anlegen' }).click();
    await expect
      .poll(() => manager.getByRole('status').textContent(), until)
      .toContain('„Fahrzeugschein“ wurde angelegt.');
    await section(manager, 'Dienstleistungen', 'dienstleistungen');
    const serviceForm = manager.locator('#service-form');
    await serviceForm.getByLabel('Name', { exact: true }).fill('Parkausweis für Anwohner');
    await serviceForm.getByLabel('Dauer in Minuten').fill('15');
    await serviceForm.getByLabel('Fahrzeugschein', { exact: true }).check();
    await serviceForm.getByRole('button', { name: 'Dienstleistung anlegen' }).click();
    await expect
      .poll(() => manager.getByRole('status').textContent(), until)
      .toContain('„Parkausweis für Anwohner“ wurde angelegt.');
    await section(manager, 'Schalter', 'schalter');
    const counterForm = manager.locator('#counter-form');
    await counterForm.getByLabel('Bezeichnung').fill('1');
    await counterForm.getByLabel('Parkausweis für Anwohner', { exact: true }).check();
    await counterForm.getByRole('button', { name: 'Schalter anlegen' }).click();
    await expect.poll(() => manager.getByRole('status').textContent(), until).toContain('„Schalter 1“ wurde angelegt.');

    // A clerk, a kiosk and a call display.
    await section(manager, 'Mitarbeitende', 'mitarbeitende');
    expect(await invite(manager, 'Karl Nord', 'karl.nord')).toMatch(/\/staff\/passwort#code=bcp_/);
    await section(manager, 'Geräte', 'geraete');
    const kioskCode = await register(manager, 'Terminal Eingang', 'Terminal (Kiosk)');
    const displayCode = await register(manager, 'Anzeige Wartebereich', 'Aufrufanzeige');
    const kiosk = await openPage(browser, product.clockOffsetMs);
    await kiosk.goto(`${base}/booking/kiosk`);
    await kiosk.getByRole('textbox', { name: /Kopplungscode/ }).fill(kioskCode);
    await kiosk.getByRole('button', { name: /Gerät koppeln/ }).click();
    await kiosk.getByRole('heading', { level: 1, name: 'Guten Tag! Was möchten Sie tun?' }).waitFor(until);
    const display = await openPage(browser, product.clockOffsetMs);
    await display.goto(`${base}/track/display`);
    await display.getByRole('textbox', { name: /Kopplungscode/ }).fill(displayCode);
    await display.getByRole('button', { name: /Gerät koppeln/ }).click();
    await display.getByRole('heading', { level: 1, name: 'Bürgerbüro Nord' }).waitFor(until);

    // A citizen books the new office at once.
    const citizen = await openPage(browser, product.clockOffsetMs);
    await citizen.goto(`${base}/booking/buergerbuero-nord/termin`);
    await citizen.getByRole('checkbox', { name: 'Parkausweis für Anwohner' }).check();
    await citizen.getByRole('button', { name: 'Weiter' }).click();
    await citizen.getByRole('heading', { level: 1, name: /Schritt 2 von 4.*Tag und Uhrzeit/ }).waitFor(until);
    await citizen.locator('input[type="radio"][value="2027-03-02"]').check();
    // The day starts at 08:00, the office's first opening minute on Tuesday.
    const eight = citizen.getByRole('radio', { name: '08:00 Uhr', exact: true });
    await eight.waitFor(until);
    await eight.check();
    await citizen.getByRole('button', { name: 'Weiter' }).click();
    await citizen.getByRole('heading', { level: 1, name: /Schritt 3 von 4.*Ihre Angaben/ }).waitFor(until);
    await citizen.getByLabel('Vor- und Nachname').fill('Erika Mustermann');
    await citizen.getByLabel('E-Mail-Adresse').fill('erika@example.org');
    await citizen.getByRole('checkbox', { name: /Hinweise zum Datenschutz gelesen/ }).check();
    await citizen.getByRole('button', { name: 'Weiter' }).click();
    await citizen.getByRole('heading', { level: 1, name: /Schritt 4 von 4/ }).waitFor(until);
    await citizen.getByRole('button', { name: 'Verbindlich buchen' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Ihr Termin ist gebucht' }).waitFor(until);
    expect(await citizen.getByText('Fahrzeugschein').count()).toBeGreaterThan(0);
  }, 240_000);
});
