import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage } from '../harness.js';

/** Horizontal overflow of the document in CSS pixels; 0 when nothing scrolls sideways. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** What sighted readers see: the text without the visually hidden parts (e.g. "bis" between two times). */
function visibleText(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('.kern-sr-only')) hidden.remove();
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Opens every service disclosure, so checks see (and axe inspects) their contents too. */
async function openAllServices(page: Page) {
  await page.locator('details').evaluateAll((all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });
}

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

  it('starts with the public offices, each leading to its page', async () => {
    await page.goto(`${baseUrl}/booking/`);
    await page.getByRole('heading', { level: 1, name: 'Termin buchen' }).waitFor();
    await page.getByRole('link', { name: 'Bürgercentrum' }).waitFor();
    expect(await page.getByRole('link', { name: 'Staatsangehörigkeitswesen' }).count()).toBe(1);
    expect(await page.getByText('Zulassungsstelle').count()).toBe(0); // disabled office
    expect(await page.title()).toBe('Termin buchen – Online-Termine');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
  });

  it('has no accessibility violations on the start page (German)', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows an office: hours, bookable services with their documents, walk-in-only services', async () => {
    await page.getByRole('link', { name: 'Bürgercentrum' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Bürgercentrum' });
    await heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/booking/buergercentrum');
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true); // focus follows the route
    expect(await page.title()).toBe('Bürgercentrum – Online-Termine');
    expect(await page.getByText('Marktplatz 1, 75175 Pforzheim').count()).toBe(1);

    const monday = page.locator('.bc-hours__day', { hasText: 'Montag' });
    expect(await visibleText(monday)).toBe('Montag07:30–12:30, 13:30–15:30 Uhr');
    expect(await monday.textContent()).toMatch(/07:30–? bis 12:30/); // read out as "bis", not as a dash

    // The service opens by keyboard and says, in words, that the document is required and can be uploaded.
    const bookable = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Online buchbare Anliegen' }),
    });
    const registration = bookable.locator('details', { hasText: 'Anmeldung / Ummeldung Wohnsitz' });
    await registration.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await registration.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await registration.textContent()).toContain('Dauer: etwa 10 Minuten');
    const landlord = registration.getByRole('listitem').filter({ hasText: 'Wohnungsgeberbescheinigung' });
    expect(await landlord.getByText('Pflicht', { exact: true }).isVisible()).toBe(true);
    expect(await landlord.getByText('Kann bei der Buchung hochgeladen werden.').isVisible()).toBe(true);

    // A document that is only sometimes needed says so.
    const idCard = bookable.locator('details', { hasText: 'Personalausweis beantragen' });
    await idCard.locator('summary').click();
    const birth = idCard.getByRole('listitem').filter({ hasText: 'Geburtsurkunde' });
    expect(await birth.getByText('Falls zutreffend', { exact: true }).isVisible()).toBe(true);

    // Document pickup cannot be booked: it is listed apart, without upload hints.
    expect(await bookable.getByText('Abholung Ausweisdokument').count()).toBe(0);
    const walkIn = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Nur ohne Termin vor Ort' }),
    });
    expect(await walkIn.getByText('Abholung Ausweisdokument').count()).toBe(1);
  });

  it('has no accessibility violations on the office page (German)', async () => {
    await openAllServices(page);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('switches to English: texts, title and the page language follow', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Services you can book online' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Bürgercentrum – Online appointments');
    expect(await page.getByRole('heading', { level: 2, name: 'Only without appointment at the office' }).count()).toBe(
      1,
    );
    const registration = page.locator('details', { hasText: 'Anmeldung / Ummeldung Wohnsitz' });
    expect(await registration.textContent()).toContain('Takes about 10 minutes');
    const landlord = registration.getByRole('listitem').filter({ hasText: 'Wohnungsgeberbescheinigung' });
    expect(await landlord.getByText('Required', { exact: true }).isVisible()).toBe(true);
    expect(await landlord.getByText('Can be uploaded when booking.').isVisible()).toBe(true);
    // Catalogue texts stay German and say so, for screen readers.
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('de');
    const monday = page.locator('.bc-hours__day', { hasText: 'Monday' });
    expect(await visibleText(monday)).toBe('Monday07:30–12:30, 13:30–15:30');
  });

  it('has no accessibility violations on the office page (English)', async () => {
    await openAllServices(page);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('goes back to the start page in English, with the focus on its heading', async () => {
    await page.getByRole('link', { name: 'All offices' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Book an appointment' });
    await heading.waitFor();
    await page.getByRole('link', { name: 'Bürgercentrum' }).waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await page.title()).toBe('Book an appointment – Online appointments');
  });

  it('has no accessibility violations on the start page (English)', async () => {
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('says when an office is unknown and links back', async () => {
    const fresh = await openPage(browser);
    await fresh.goto(`${baseUrl}/booking/zulassungsstelle`); // exists but disabled: not public
    await fresh.getByRole('heading', { level: 1, name: 'Standort nicht gefunden' }).waitFor();
    expect(await fresh.title()).toBe('Standort nicht gefunden – Online-Termine');
    expect(await accessibilityViolations(fresh)).toEqual([]);
    await fresh.getByRole('link', { name: 'Zur Übersicht der Standorte' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'Termin buchen' }).waitFor();
    await fresh.context().close();
  });

  it('shows a closed weekday as closed', async () => {
    const fresh = await openPage(browser);
    await fresh.goto(`${baseUrl}/booking/staatsangehoerigkeit`);
    await fresh.getByRole('heading', { level: 1, name: 'Staatsangehörigkeitswesen' }).waitFor();
    expect(await fresh.locator('.bc-hours__day', { hasText: 'Mittwoch' }).textContent()).toMatch(/geschlossen/);
    await fresh.context().close();
  });

  it.each([390, 320])('does not scroll sideways on a %i px wide phone', async (width) => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(`${baseUrl}/booking/`);
    await phone.getByRole('link', { name: 'Staatsangehörigkeitswesen' }).waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.getByRole('link', { name: 'Bürgercentrum' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Bürgercentrum' }).waitFor();
    await openAllServices(phone);
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
