import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext, openPage, productNow } from '../harness.js';
import { gql } from '../helpers.js';

/** The product runs on its own clock (E2E_CLOCK_START in harness.ts): "now" is the api's now. */
const clockOffsetMs = inject('clockOffsetMs');
const now = () => productNow(clockOffsetMs);

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
    page = await openPage(browser, clockOffsetMs);
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
    // The coming days that differ from the weekly hours: here Good Friday and Easter Monday (Baden-Württemberg).
    await page.getByRole('heading', { level: 3, name: 'Abweichende Öffnungszeiten' }).waitFor();
    const goodFriday = page.locator('.bc-hours__date', { hasText: '26. März' });
    expect(await visibleText(goodFriday)).toBe('Freitag, 26. Märzgeschlossen (Karfreitag)');
    expect(await page.locator('.bc-hours__date', { hasText: '29. März' }).textContent()).toContain('Ostermontag');

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
    const goodFriday = page.locator('.bc-hours__date', { hasText: '26 March' });
    expect(await visibleText(goodFriday)).toBe('Friday, 26 Marchclosed (Karfreitag)');
    expect(await goodFriday.getByText('Karfreitag').getAttribute('lang')).toBe('de');
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
    const fresh = await openPage(browser, clockOffsetMs);
    await fresh.goto(`${baseUrl}/booking/zulassungsstelle`); // exists but disabled: not public
    await fresh.getByRole('heading', { level: 1, name: 'Standort nicht gefunden' }).waitFor();
    expect(await fresh.title()).toBe('Standort nicht gefunden – Online-Termine');
    expect(await accessibilityViolations(fresh)).toEqual([]);
    await fresh.getByRole('link', { name: 'Zur Übersicht der Standorte' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'Termin buchen' }).waitFor();
    await fresh.context().close();
  });

  it('shows a closed weekday as closed', async () => {
    const fresh = await openPage(browser, clockOffsetMs);
    await fresh.goto(`${baseUrl}/booking/staatsangehoerigkeit`);
    await fresh.getByRole('heading', { level: 1, name: 'Staatsangehörigkeitswesen' }).waitFor();
    expect(await fresh.locator('.bc-hours__day', { hasText: 'Mittwoch' }).textContent()).toMatch(/geschlossen/);
    await fresh.context().close();
  });

  it.each([390, 320])('does not scroll sideways on a %i px wide phone', async (width) => {
    const context = await newContext(browser, clockOffsetMs, { locale: 'de-DE', viewport: { width, height: 844 } });
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

/** A tiny but real PDF: the server detects the type from the content (%PDF-), not from the name. */
const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** Presses Tab until the focused element fits, as a keyboard user would; fails after `max` presses. */
async function tabUntil(page: Page, matches: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, matches)) return;
  }
  throw new Error(`no element matching ${matches} reached by Tab`);
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe('web-booking: booking flow and manage page on a phone', () => {
  let browser: Browser;
  let page: Page;
  const baseUrl = inject('baseUrl');
  let manageUrl = '';
  let reference = '';
  let bookingRequests = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await newContext(browser, clockOffsetMs, {
      locale: 'de-DE',
      viewport: { width: 390, height: 844 },
    });
    page = await context.newPage();
    page.on('request', (r) => {
      if (r.url().endsWith('/graphql') && r.method() === 'POST' && (r.postData() ?? '').includes('BookAppointment'))
        bookingRequests++;
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts from the office page with a clear call to action', async () => {
    await page.goto(`${baseUrl}/booking/buergercentrum`);
    await page.getByRole('heading', { level: 1, name: 'Bürgercentrum' }).waitFor();
    await page.getByRole('link', { name: 'Termin buchen' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /Schritt 1 von 4.*Anliegen wählen/ });
    await heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/booking/buergercentrum/termin');
    expect(await isFocused(heading)).toBe(true);
    expect(await page.title()).toBe('Anliegen wählen (Schritt 1 von 4) – Online-Termine');
    // Only services bookable online; document pickup is walk-in only.
    expect(await page.getByRole('checkbox', { name: 'Abholung Ausweisdokument' }).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('asks for at least one service, then shows duration and documents of the choice', async () => {
    await page.getByRole('button', { name: 'Weiter' }).click();
    const summary = page.locator('.bc-error-summary');
    await summary.waitFor();
    expect(await isFocused(summary)).toBe(true);
    expect(await summary.textContent()).toContain('Bitte wählen Sie mindestens ein Anliegen.');

    await page.getByRole('checkbox', { name: 'Anmeldung / Ummeldung Wohnsitz' }).check();
    const choice = page.getByRole('region', { name: 'Ihre Auswahl' });
    expect(await choice.textContent()).toContain('Ihr Termin dauert etwa 10 Minuten.');
    const landlord = choice.getByRole('listitem').filter({ hasText: 'Wohnungsgeberbescheinigung' });
    expect(await landlord.getByText('Pflicht', { exact: true }).isVisible()).toBe(true);
    expect(await landlord.getByText('Kann bei der Buchung hochgeladen werden.').isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Weiter' }).click();
  });

  it('offers days and times on the office clock; the first free time can be chosen', async () => {
    const heading = page.getByRole('heading', { level: 1, name: /Schritt 2 von 4.*Tag und Uhrzeit/ });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    await page.getByText('Ihr Termin dauert 10 Minuten.').waitFor();
    const days = page.getByRole('group', { name: 'Tag' }).getByRole('radio');
    expect(await days.count()).toBeGreaterThan(3);
    expect(await days.first().isChecked()).toBe(true);
    const firstTime = page.locator('input[name="start-time"]').first();
    // Times are read as "09:30 Uhr", dates with the weekday.
    expect(await page.getByRole('radio', { name: /^\d{2}:\d{2} Uhr$/ }).count()).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('radio', { name: /^\d{2}:\d{2} Uhr$/ })
        .first()
        .getAttribute('id'),
    ).toBe(await firstTime.getAttribute('id'));
    // The day tiles show "Mo 1"; the full date is what screen readers hear.
    expect(
      await page.locator(`label[for="${await days.first().getAttribute('id')}"] .kern-sr-only`).textContent(),
    ).toMatch(/^(Montag|Dienstag|Mittwoch|Donnerstag|Freitag), \d{1,2}\. \w+/);
    // The first time of the first day can become too soon while the form is filled in (the api then says so on
    // this step); the test books the first free time of the next day.
    await days.nth(1).check();
    await page.locator('input[name="start-time"]').first().check();
    await page.getByText(/^Gewählt: \p{L}+, \d{1,2}\. \p{L}+ \d{4}, \d{2}:\d{2} Uhr$/u).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Weiter' }).click();
  });

  it('shows the error summary and errors tied to their fields when the contact step is sent empty', async () => {
    const heading = page.getByRole('heading', { level: 1, name: /Schritt 3 von 4.*Ihre Angaben/ });
    await heading.waitFor();
    // The consent names the privacy notice and links it, in a new tab so that the form stays as filled in.
    const privacy = page.getByRole('link', { name: 'Datenschutzerklärung lesen (öffnet in einem neuen Tab)' });
    expect(await privacy.getAttribute('href')).toBe('/booking/datenschutz');
    expect(await privacy.getAttribute('target')).toBe('_blank');
    await page.getByRole('button', { name: 'Weiter' }).click();
    const summary = page.locator('.bc-error-summary');
    await summary.waitFor();
    expect(await isFocused(summary)).toBe(true);
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Bitte geben Sie Vor- und Nachnamen an.',
      'Bitte geben Sie Ihre E-Mail-Adresse an.',
      'Bitte bestätigen Sie, dass Sie die Hinweise zum Datenschutz gelesen haben.',
    ]);
    const name = page.getByLabel('Vor- und Nachname');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-describedby')).toContain('name-error');
    expect(await page.locator('#name-error').textContent()).toBe('Bitte geben Sie Vor- und Nachnamen an.');
    expect(await page.getByLabel('Telefonnummer').getAttribute('aria-invalid')).toBeNull();
    // A link in the summary takes the focus to its field (and leaves the address alone).
    await links.nth(1).click();
    expect(await isFocused(page.getByLabel('E-Mail-Adresse'))).toBe(true);
    expect(new URL(page.url()).hash).toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('refuses a disguised upload with the server’s reason, tied to its field', async () => {
    const input = page.getByLabel(/Wohnungsgeberbescheinigung/);
    await input.setInputFiles({
      name: 'bescheinigung.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 not a pdf at all'),
    });
    const error = page.locator(`[id="${await input.getAttribute('id')}-error"]`);
    await error.waitFor();
    expect(await error.textContent()).toContain('Dieser Dateityp wird nicht angenommen.');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain(await error.getAttribute('id'));
  });

  it('uploads a real PDF, shows it ticked, and keeps everything over a reload', async () => {
    await page.getByLabel('Vor- und Nachname').fill('Erika Mustermann');
    await page.getByLabel('E-Mail-Adresse').fill('erika@example.org');
    const input = page.getByLabel(/Wohnungsgeberbescheinigung/);
    await input.setInputFiles({ name: 'nachweis.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
    await page.getByText('Hochgeladen: nachweis.pdf').waitFor();
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('checkbox', { name: /Hinweise zum Datenschutz gelesen/ }).check();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A reload keeps the draft (sessionStorage), uploads as ids and names only.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Ihre Angaben/ }).waitFor();
    expect(await page.getByLabel('Vor- und Nachname').inputValue()).toBe('Erika Mustermann');
    await page.getByText('Hochgeladen: nachweis.pdf').waitFor();
    const stored = await page.evaluate(() => sessionStorage.getItem('bc.booking.draft:buergercentrum') ?? '');
    expect(stored).toContain('nachweis.pdf');
    expect(stored).not.toContain('%PDF');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Weiter' }).click();
  });

  it('reviews everything and books once, even on a double click', async () => {
    const heading = page.getByRole('heading', { level: 1, name: /Schritt 4 von 4/ });
    await heading.waitFor();
    const main = page.locator('main');
    expect(await main.textContent()).toContain('Anmeldung / Ummeldung Wohnsitz');
    expect(await main.textContent()).toContain('Erika Mustermann');
    expect(await main.textContent()).toContain('Hochgeladen: nachweis.pdf');
    expect(await main.textContent()).toMatch(/\d{2}:\d{2} bis \d{2}:\d{2} Uhr/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Back goes one step back, Forward returns.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /Ihre Angaben/ }).waitFor();
    await page.goForward();
    await heading.waitFor();

    bookingRequests = 0;
    await page.getByRole('button', { name: 'Verbindlich buchen' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Ihr Termin ist gebucht' }).waitFor();
    expect(bookingRequests).toBe(1);
  });

  it('confirms on the manage page: reference, QR code, documents, calendar file, the link itself', async () => {
    const url = new URL(page.url());
    expect(url.pathname).toBe('/booking/verwaltung');
    expect(url.hash).toMatch(/^#bcm_/);
    manageUrl = page.url();
    reference = ((await page.locator('.bc-reference__code').textContent()) ?? '').trim();
    expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await page.getByText('Status: gebucht').count()).toBe(1);

    const qr = page.getByRole('img', { name: /QR-Code zum Einchecken am Terminal/ });
    expect(
      await qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
    ).toBe(true);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;utf8,/);

    const landlord = page.getByRole('listitem').filter({ hasText: 'Wohnungsgeberbescheinigung' });
    expect(await landlord.textContent()).toContain('Hochgeladen: nachweis.pdf');
    expect(await page.getByRole('listitem').filter({ hasText: 'Bisheriger Personalausweis' }).textContent()).toContain(
      'Bitte zum Termin mitbringen.',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /\.ics herunterladen/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`termin-${reference}.ics`);
    const file = await download.path();
    expect((await readFile(file, 'utf8')).startsWith('BEGIN:VCALENDAR')).toBe(true);

    expect(await page.getByLabel('Link zum Termin').inputValue()).toBe(manageUrl);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('reloads the manage link, moves the appointment to another time, then cancels it', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Ihr Termin/ }).waitFor();
    expect(page.url()).toBe(manageUrl);
    expect(await page.locator('.bc-reference__code').textContent()).toBe(reference);
    const current = await page.locator('time').first().getAttribute('datetime');
    const before = await page
      .locator('time')
      .first()
      .evaluate((t) => t.parentElement?.textContent ?? '');

    await page.getByRole('link', { name: 'Termin verschieben' }).click();
    await page.getByRole('heading', { level: 1, name: 'Termin verschieben' }).waitFor();
    const times = page.locator('input[name="new-start-time"]');
    await times.first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // The current time is not offered as a new one.
    expect(await page.locator(`input[name="new-start-time"][value="${current}"]`).count()).toBe(0);
    await page.locator('input[name="new-start-day"]').nth(2).check();
    await times.first().check();
    await page.getByRole('button', { name: 'Neue Zeit festlegen' }).click();
    await page.getByText('Ihr Termin ist verschoben.').waitFor();
    const after = await page
      .locator('time')
      .first()
      .evaluate((t) => t.parentElement?.textContent ?? '');
    expect(after).not.toBe(before);

    await page.getByRole('link', { name: 'Termin absagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Termin absagen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ja, Termin absagen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Termin ist abgesagt' }).waitFor();
    expect(await page.getByText('Status: abgesagt').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Termin verschieben' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the manage page in English too', async () => {
    await page.goto(manageUrl);
    await page.getByRole('heading', { level: 1, name: 'Ihr Termin ist abgesagt' }).waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your appointment is cancelled' }).waitFor();
    expect(await page.getByText('Status: cancelled').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Auf Deutsch wechseln' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ihr Termin ist abgesagt' }).waitFor();
  });

  it('says calmly when a manage link is unknown', async () => {
    await page.goto(`${baseUrl}/booking/verwaltung#bcm_unknown`);
    await page.getByRole('heading', { level: 1, name: 'Termin nicht gefunden' }).waitFor();
    expect(await page.title()).toBe('Termin nicht gefunden – Online-Termine');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('explains the limit per email address and keeps the entries', async () => {
    // Two upcoming appointments for one address, booked through the api as a portal would.
    const email = 'limit@example.org';
    const office = await gql(baseUrl, 'query { office(slug: "buergercentrum") { id services { id name } } }');
    const officeId = office.office.id as string;
    const serviceId = (office.office.services as { id: string; name: string }[]).find(
      (s) => s.name === 'Meldebescheinigung',
    )?.id as string;
    const services = [{ serviceId, count: 1 }];
    const free = await gql(
      baseUrl,
      'query($o: ID!, $s: [ServiceChoiceInput!]!, $f: String!, $t: String!) { availability(officeId: $o, services: $s, from: $f, to: $t) { ... on Availability { days { starts } } } }',
      {
        o: officeId,
        s: services,
        f: new Date(now()).toISOString().slice(0, 10),
        t: new Date(now() + 20 * 86_400_000).toISOString().slice(0, 10),
      },
    );
    const starts = (free.availability.days as { starts: string[] }[]).slice(2, 4).map((d) => d.starts[0]);
    for (const start of starts) {
      const booked = await gql(
        baseUrl,
        'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename } }',
        { i: { officeId, services, start, name: 'Lisa Limit', email, privacyConsent: true } },
      );
      expect(booked.bookAppointment.__typename).toBe('BookingConfirmed');
    }

    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('checkbox', { name: 'Meldebescheinigung' }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.locator('input[name="start-day"]').nth(4).check();
    await page.locator('input[name="start-time"]').first().check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Vor- und Nachname').fill('Lisa Limit');
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('checkbox', { name: /Hinweise zum Datenschutz gelesen/ }).check();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Verbindlich buchen' }).click();
    const alert = page.getByRole('region', { name: 'Sie haben schon Termine gebucht' });
    await alert.waitFor();
    expect(await isFocused(alert)).toBe(true);
    expect(await alert.textContent()).toContain('Bitte sagen Sie zuerst einen anderen Termin ab.');
    expect(new URL(page.url()).pathname).toBe('/booking/buergercentrum/termin/pruefen');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('web-booking: keyboard, 320 px, easy language, high contrast', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes through the service and time steps with the keyboard only', async () => {
    const page = await openPage(browser, clockOffsetMs);
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('heading', { level: 1, name: /Anliegen wählen/ }).waitFor();
    await tabUntil(page, 'input[type=checkbox]');
    // The first service is "Personalausweis beantragen"; choose it with Space.
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Personalausweis beantragen' }).isChecked()).toBe(true);
    await tabUntil(page, 'button[type=submit]');
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { level: 1, name: /Tag und Uhrzeit/ });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    await page.locator('input[name="start-time"]').first().waitFor();
    await tabUntil(page, 'input[name="start-day"]');
    // Arrow keys move between days; the times follow the chosen day.
    await page.keyboard.press('ArrowRight');
    const second = page.locator('input[name="start-day"]').nth(1);
    expect(await second.isChecked()).toBe(true);
    await tabUntil(page, 'input[name="start-time"]');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="start-time"]:checked').count()).toBe(1);
    await tabUntil(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Ihre Angaben/ }).waitFor();
    await page.context().close();
  });

  it('does not scroll sideways at 320 px on any step', async () => {
    const context = await newContext(browser, clockOffsetMs, {
      locale: 'de-DE',
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('checkbox', { name: 'Anmeldung / Ummeldung Wohnsitz' }).check();
    await page.locator('details').evaluateAll((all) => {
      for (const d of all) (d as HTMLDetailsElement).open = true;
    });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.locator('input[name="start-time"]').first().check();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.locator('.bc-error-summary').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('switches the flow to easy language, remembers it, and stays German', async () => {
    const page = await openPage(browser, clockOffsetMs);
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('heading', { level: 1, name: /Anliegen wählen/ }).waitFor();
    const toggle = page.getByRole('button', { name: 'Leichte Sprache' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await page.getByRole('heading', { level: 1, name: /Was möchten Sie erledigen\?/ }).waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Was möchten Sie erledigen\?/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Leichte Sprache' }).getAttribute('aria-pressed')).toBe('true');
    // The office page's call to action explains the word "Termin".
    await page.goto(`${baseUrl}/booking/buergercentrum`);
    await page.getByText('Ein Termin ist eine feste Zeit.').waitFor();
    // Only for German: in English the switch is not offered.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Book an appointment online' }).waitFor();
    expect(await page.getByRole('button', { name: 'Leichte Sprache' }).count()).toBe(0);
    await page.context().close();
  });

  it('switches to high contrast, remembers it, and stays free of violations', async () => {
    const page = await openPage(browser, clockOffsetMs);
    await page.goto(`${baseUrl}/booking/buergercentrum/termin`);
    await page.getByRole('heading', { level: 1, name: /Anliegen wählen/ }).waitFor();
    const toggle = page.getByRole('button', { name: 'Hoher Kontrast' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    await page.getByRole('checkbox', { name: 'Anmeldung / Ummeldung Wohnsitz' }).check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Anliegen wählen/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.locator('input[name="start-time"]').first().check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });
});
