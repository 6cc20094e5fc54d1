import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext, openPage } from '../harness.js';
import { gql, openKiosk, signIn, staffCookie, until, walkInTrackingToken } from '../helpers.js';

/**
 * Service and document texts in the reader's language. The demo catalogue has English texts for "Personalausweis
 * beantragen" ("Apply for an identity card"), "Reisepass beantragen" and the passport photo, a Leichte Sprache text
 * for the identity card; everything else stays German and is marked lang="de" in English. An office manager writes
 * a translation in the staff pages; the kiosk offers only the languages its office lists.
 */
const clockOffsetMs = inject('clockOffsetMs');

/** The language an element is read in: its own or its nearest ancestor's `lang`. */
const langOf = (locator: Locator) => locator.evaluate((el) => el.closest('[lang]')?.getAttribute('lang') ?? null);
const uniqueEmail = () => `sprachen.${Date.now().toString(36)}@example.org`;

describe('catalog texts in English and Leichte Sprache', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');
  let admin: string;
  let citizenshipOffice: string;
  let conductService: Record<string, any>;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await staffCookie(baseUrl, 'admin', 'Demo-Admin-2026');
    citizenshipOffice = (await gql(baseUrl, '{ office(slug: "staatsangehoerigkeit") { id } }')).office.id;
  });
  afterAll(async () => {
    // Leave the shared demo data as the other files expect it.
    await gql(
      baseUrl,
      'mutation($o: ID!) { updateOfficeDetails(officeId: $o, input: { languages: ["de", "en"] }) { __typename } }',
      { o: citizenshipOffice },
      { cookie: admin },
    );
    if (conductService)
      await gql(
        baseUrl,
        `mutation($o: ID!, $s: ID!, $i: ServiceInput!) { updateService(officeId: $o, serviceId: $s, input: $i) {
          __typename } }`,
        conductService,
        { cookie: admin },
      );
    await browser?.close();
  });

  it('books in English: English service names where the office wrote them, German ones marked lang="de"', async () => {
    const page = await openPage(browser, clockOffsetMs, 'en-GB');
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('heading', { level: 1, name: /Choose services/ }).waitFor(until);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const idCard = page.getByRole('checkbox', { name: 'Apply for an identity card' });
    expect(await langOf(page.locator('label', { hasText: 'Apply for an identity card' }))).toBe('en');
    // No English text for the registration: German, marked as German for screen readers.
    expect(await langOf(page.locator('label', { hasText: 'Anmeldung / Ummeldung Wohnsitz' }))).toBe('de');
    expect(await page.getByRole('checkbox', { name: 'Personalausweis beantragen' }).count()).toBe(0);
    await idCard.check();
    const choice = page.getByRole('region', { name: 'Your choice' });
    expect(await langOf(choice.getByText('Biometric passport photo', { exact: true }))).toBe('en');
    expect(await langOf(choice.getByText('Bisheriger Personalausweis oder Reisepass', { exact: true }))).toBe('de');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: /Choose day and time/ }).waitFor(until);
    const days = page.getByRole('group', { name: 'Day' }).getByRole('radio');
    await days.nth(1).check();
    await page.locator('input[name="start-time"]').first().check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: /Your details/ }).waitFor(until);
    await page.getByLabel('First and last name').fill('Jane Doe');
    await page.getByLabel('Email address').fill(uniqueEmail());
    await page.getByRole('checkbox', { name: /I have read the privacy notice/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { level: 1, name: /Check and book/ }).waitFor(until);
    const reviewed = page.locator('main').getByText('Apply for an identity card', { exact: true });
    expect(await langOf(reviewed)).toBe('en');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Book now' }).click();

    await page.getByRole('heading', { level: 1, name: 'Your appointment is booked' }).waitFor(until);
    const main = page.locator('main');
    expect(await langOf(main.getByText('Apply for an identity card', { exact: true }))).toBe('en');
    expect(await langOf(main.getByText('Biometric passport photo', { exact: true }))).toBe('en');
    expect(await langOf(main.getByText('Bisheriger Personalausweis oder Reisepass', { exact: true }))).toBe('de');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The same manage page in German names the services in German, unmarked.
    await page.getByRole('button', { name: 'Auf Deutsch wechseln' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Termin ist gebucht' }).waitFor(until);
    expect(await main.getByText('Personalausweis beantragen', { exact: true }).count()).toBe(1);
    await page.context().close();
  });

  it('shows Leichte Sprache texts where the office wrote them, standard German otherwise', async () => {
    const page = await openPage(browser, clockOffsetMs);
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('heading', { level: 1, name: /Anliegen wählen/ }).waitFor(until);
    await page.getByRole('button', { name: 'Leichte Sprache' }).click();
    await page.getByRole('checkbox', { name: 'Einen neuen Ausweis beantragen' }).waitFor(until);
    expect(await page.getByRole('checkbox', { name: 'Anmeldung / Ummeldung Wohnsitz' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('an office manager writes an English name and description; an incomplete one is refused at its field', async () => {
    const office = await gql(baseUrl, `{ office(slug: "buergercentrum") { id } }`);
    const catalog = await gql(
      baseUrl,
      `query($o: ID!) { officeCatalog(officeId: $o) { ... on OfficeCatalog { services { id name description
        durationMinutes leikaKey bookableOnline walkInAllowed maxPerBooking documents { documentId mandatory } } } } }`,
      { o: office.office.id },
      { cookie: admin },
    );
    const conduct = catalog.officeCatalog.services.find(
      (s: { name: string }) => s.name === 'Führungszeugnis beantragen',
    );
    const { id, documents, ...fields } = conduct;
    conductService = { o: office.office.id, s: id, i: { ...fields, documents, translations: [] } };

    const context = await newContext(browser, clockOffsetMs, { locale: 'de-DE' });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'leitung', 'Demo-Leitung-2026', 'Lea Leitung');
    await page.goto(`${baseUrl}/staff/verwaltung/buergercentrum/dienstleistungen`);
    await page.getByRole('button', { name: 'Bearbeiten: Führungszeugnis beantragen' }).click();
    const form = page.locator('#service-form');
    const name = form.getByLabel('Name auf Englisch');
    await name.fill('Apply for a certificate of good conduct');
    expect(await name.getAttribute('lang')).toBe('en');
    expect(await form.getByLabel('Name in Leichter Sprache').getAttribute('lang')).toBe('de');
    await form.getByRole('button', { name: 'Speichern' }).click();
    // The German text has a description: the English one needs one too.
    const description = form.getByLabel('Beschreibung auf Englisch');
    await expect.poll(() => description.getAttribute('aria-invalid'), until).toBe('true');
    await expect.poll(() => description.evaluate((el) => el === document.activeElement), until).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await description.fill('For private use or for an authority.');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), until)
      .toContain('„Führungszeugnis beantragen“');
    await context.close();

    const citizen = await openPage(browser, clockOffsetMs, 'en-GB');
    await citizen.goto(`${baseUrl}/booking/buergercentrum`);
    const summary = citizen.getByText('Apply for a certificate of good conduct', { exact: true });
    await summary.waitFor(until);
    expect(await langOf(summary)).toBe('en');
    await citizen.context().close();
  });

  it('the kiosk offers English where the office lists it, and shows the English service names', async () => {
    const page = await openKiosk(browser, baseUrl, clockOffsetMs);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('button', { name: /^No appointment/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Take a number without an appointment' }).waitFor(until);
    const english = page.locator('.kiosk-service__name', { hasText: 'Apply for an identity card' });
    await english.waitFor(until);
    expect(await langOf(english)).toBe('en');
    expect(await langOf(page.locator('.kiosk-service__name', { hasText: 'Anmeldung / Ummeldung Wohnsitz' }))).toBe(
      'de',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the tracking page and the call display name the services in the reader’s language', async () => {
    const token = await walkInTrackingToken(baseUrl, 'Personalausweis beantragen');
    const phone = await openPage(browser, clockOffsetMs, 'en-GB');
    await phone.goto(`${baseUrl}/track/t/${token}`);
    const english = phone.getByText('Apply for an identity card', { exact: true });
    await english.waitFor(until);
    expect(await langOf(english)).toBe('en');
    expect(await accessibilityViolations(phone)).toEqual([]);
    // German with Leichte Sprache switched on: the office's Leichte Sprache name.
    await phone.getByRole('button', { name: 'Deutsch' }).click();
    await phone.getByText('Personalausweis beantragen', { exact: true }).waitFor(until);
    await phone.getByRole('button', { name: 'Leichte Sprache' }).click();
    await phone.getByText('Einen neuen Ausweis beantragen', { exact: true }).waitFor(until);
    await phone.context().close();

    const display = await openPage(browser, clockOffsetMs);
    await display.goto(`${baseUrl}/track/display#device=bcd_demo-display-buergercentrum`);
    const waits = display.getByRole('table', { name: 'Wartende' });
    await waits.getByRole('rowheader', { name: 'Personalausweis beantragen' }).waitFor(until);
    await display.getByRole('button', { name: 'English' }).click();
    const row = display.getByRole('rowheader', { name: 'Apply for an identity card' });
    await row.waitFor(until);
    expect(await langOf(row)).toBe('en');
    // No English text for the registration: German, marked as such.
    expect(await langOf(display.getByRole('rowheader', { name: 'Anmeldung / Ummeldung Wohnsitz' }))).toBe('de');
    expect(await accessibilityViolations(display)).toEqual([]);
    await display.context().close();
  });

  it('the kiosk of an office that lists German only offers no other language', async () => {
    const details = await gql(
      baseUrl,
      `mutation($o: ID!) { updateOfficeDetails(officeId: $o, input: { languages: ["de"] }) {
        __typename ... on OfficeDetails { languages } } }`,
      { o: citizenshipOffice },
      { cookie: admin },
    );
    expect(details.updateOfficeDetails).toEqual({ __typename: 'OfficeDetails', languages: ['de'] });
    const pairing = await gql(
      baseUrl,
      `mutation($o: ID!) { registerDevice(officeId: $o, kind: KIOSK, name: "Terminal Sprachen") {
        __typename ... on DevicePairingCode { code } } }`,
      { o: citizenshipOffice },
      { cookie: admin },
    );
    const paired = await gql(
      baseUrl,
      'mutation($c: String!) { pairDevice(code: $c) { __typename ... on DevicePaired { token } } }',
      { c: pairing.registerDevice.code },
    );
    const context = await newContext(browser, clockOffsetMs, { locale: 'en-GB' });
    const page: Page = await context.newPage();
    await page.goto(`${baseUrl}/booking/kiosk#device=${paired.pairDevice.token}`);
    await page.getByRole('heading', { level: 1, name: 'Guten Tag! Was möchten Sie tun?' }).waitFor(until);
    await page.getByText('Staatsangehörigkeitswesen').first().waitFor(until);
    expect(await page.getByRole('button', { name: 'Switch to English' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
