import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage, productNow } from '../harness.js';
import { gql, signIn, until } from '../helpers.js';

/**
 * The document pre-check in the browser: the clerk opens "Unterlagen prüfen", asks for a replacement with a message
 * (keyboard only); the citizen's manage page (320 px, from the link in the mail) shows it and takes a new file; the
 * clerk accepts the new file and the manage page says so. axe-core finds nothing on either page in any state.
 */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const MESSAGE = 'Die Unterschrift des Vermieters fehlt.';

type CaughtMail = { to: string[]; subject: string; text: string };
const mailsTo = async (address: string): Promise<CaughtMail[]> =>
  ((await (await fetch(`${baseUrl}/dev/mailbox/messages.json`)).json()) as CaughtMail[]).filter((m) =>
    m.to.includes(address),
  );
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', text: el?.textContent?.trim() ?? '' };
  });

/** Books tomorrow's first free registration appointment with the landlord's confirmation uploaded. */
async function bookWithUpload(email: string): Promise<{ reference: string }> {
  const office = await gql(
    baseUrl,
    'query($s: String!) { office(slug: $s) { id services { id name requiredDocuments { documentId name } } } }',
    { s: 'buergercentrum' },
  );
  const service = (
    office.office.services as { id: string; name: string; requiredDocuments: { documentId: string; name: string }[] }[]
  ).find((s) => s.name === 'Anmeldung / Ummeldung Wohnsitz');
  const documentId = service?.requiredDocuments.find((d) => d.name === 'Wohnungsgeberbescheinigung')?.documentId;
  if (!service || !documentId) throw new Error('no registration service with the landlord confirmation');
  const form = new FormData();
  form.append('documentId', documentId);
  form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'wgb-ohne-unterschrift.pdf');
  const uploaded = (await (await fetch(`${baseUrl}/uploads`, { method: 'POST', body: form })).json()) as { id: string };
  const services = [{ serviceId: service.id, count: 1 }];
  // Tomorrow early morning, office time: the first free start from then is tomorrow's.
  const from = productNow(clockOffsetMs) + 20 * 3_600_000;
  const day = new Date(from).toISOString().slice(0, 10);
  const free = await gql(
    baseUrl,
    'query($o: ID!, $s: [ServiceChoiceInput!]!, $f: String!, $t: String!) { availability(officeId: $o, services: $s, from: $f, to: $t) { ... on Availability { days { starts } } } }',
    { o: office.office.id, s: services, f: day, t: day },
  );
  const start = (free.availability.days as { starts: string[] }[])
    .flatMap((d) => d.starts)
    .find((s) => Date.parse(s) >= from);
  if (!start) throw new Error('no free start tomorrow');
  const booked = await gql(
    baseUrl,
    `mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename
      ... on BookingConfirmed { appointment { reference } } } }`,
    {
      i: {
        officeId: office.office.id,
        services,
        start,
        name: 'Erika Mustermann',
        email,
        privacyConsent: true,
        uploadIds: [uploaded.id],
      },
    },
  );
  expect(booked.bookAppointment.__typename).toBe('BookingConfirmed');
  return booked.bookAppointment.appointment;
}

describe('document pre-check', () => {
  let browser: Browser;
  let staff: Page;
  let citizen: Page;
  let reference: string;
  let manageLink: string;
  const email = `vorabpruefung.${Date.now()}@example.de`;
  /** The appointment's card on the staff page. */
  const card = () => staff.locator('.bc-doc-check__appointment', { hasText: reference });

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ reference } = await bookWithUpload(email));
    staff = await openPage(browser, clockOffsetMs);
    citizen = await openPage(browser, clockOffsetMs);
    await citizen.setViewportSize({ width: 320, height: 640 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('staff: "Unterlagen prüfen" lists tomorrow\'s upload; asking for a replacement works by keyboard', async () => {
    await signIn(staff, baseUrl, 'schalter', 'Demo-Schalter-2026', 'Sam Schalter');
    const nav = staff.getByRole('link', { name: 'Unterlagen prüfen' }).first();
    await nav.focus();
    await staff.keyboard.press('Enter');
    await staff.getByRole('heading', { level: 1, name: 'Unterlagen prüfen' }).waitFor(until);
    await card().waitFor(until);
    expect(await card().locator('[data-check]').first().textContent()).toBe('Noch zu prüfen');
    await expect.poll(() => accessibilityViolations(staff), until).toEqual([]);

    await card()
      .getByRole('button', { name: /^Bitte mitbringen\/ersetzen …\s*:\s*wgb-ohne-unterschrift\.pdf$/ })
      .focus();
    await staff.keyboard.press('Enter');
    // The message field takes the focus.
    await expect.poll(async () => (await focused(staff)).tag, until).toBe('textarea');
    expect(await accessibilityViolations(staff)).toEqual([]);
    // Sending nothing is refused at the field.
    await staff.keyboard.press('Tab');
    await staff.keyboard.press('Enter');
    await card().getByText('Bitte schreiben Sie, was fehlt oder ersetzt werden soll.').waitFor(until);
    expect(await focused(staff)).toMatchObject({ tag: 'textarea' });
    expect(await accessibilityViolations(staff)).toEqual([]);
    await staff.keyboard.type(MESSAGE);
    await staff.keyboard.press('Tab');
    expect(await focused(staff)).toMatchObject({ tag: 'button', text: 'Senden' });
    await staff.keyboard.press('Enter');
    await staff.getByRole('status').getByText('Die Bitte um Ersatz ist gespeichert').waitFor(until);
    await expect
      .poll(() => card().locator('[data-check]').first().textContent(), until)
      .toBe('Bitte mitbringen/ersetzen');
    await card().getByText(MESSAGE).waitFor(until);
    // The focus is back on the button that opened the form.
    await expect.poll(async () => (await focused(staff)).text, until).toContain('Bitte mitbringen/ersetzen …');
    expect(await accessibilityViolations(staff)).toEqual([]);
  }, 120_000);

  it('citizen: the mail leads to the manage page (320 px), which shows the request and takes a new file', async () => {
    await expect
      .poll(async () => (await mailsTo(email)).filter((m) => m.subject.startsWith('Bitte Unterlagen')).length, until)
      .toBe(1);
    const mail = (await mailsTo(email)).find((m) => m.subject.startsWith('Bitte Unterlagen')) as CaughtMail;
    expect(mail.text).toContain(`Wohnungsgeberbescheinigung (wgb-ohne-unterschrift.pdf): ${MESSAGE}`);
    manageLink = /(https?:\/\/\S+\/booking\/verwaltung#bcm_[A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
    expect(manageLink).toBeTruthy();

    await citizen.goto(manageLink.replace(/^https?:\/\/[^/]+/, baseUrl));
    const entry = citizen.locator('.bc-document', { hasText: 'Wohnungsgeberbescheinigung' });
    await entry.locator('[data-check="REPLACE"]').waitFor(until);
    expect(await entry.getByText('Bitte mitbringen oder ersetzen').count()).toBe(1);
    await entry.getByText(MESSAGE).waitFor(until);
    expect(await overflow(citizen)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(citizen)).toEqual([]);

    const input = citizen.getByLabel(/^Neue Datei hochladen\s*:\s*Wohnungsgeberbescheinigung$/);
    // The file field is reached with the keyboard (a file chooser opens from it).
    await input.focus();
    expect(await focused(citizen)).toMatchObject({ tag: 'input' });
    await input.setInputFiles({ name: 'wgb-unterschrieben.pdf', mimeType: 'application/pdf', buffer: PDF });
    await entry.getByText('wgb-unterschrieben.pdf ist hochgeladen. Wir prüfen die Datei.').waitFor(until);
    await entry.locator('[data-check="TO_CHECK"]').waitFor(until);
    expect(await entry.getByText('wgb-ohne-unterschrift.pdf').count()).toBe(0);
    expect(await overflow(citizen)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(citizen)).toEqual([]);
  }, 120_000);

  it('staff accepts the new file; the manage page says so', async () => {
    await staff.reload();
    await card().getByText('wgb-unterschrieben.pdf', { exact: false }).first().waitFor(until);
    expect(await card().locator('[data-check]').first().textContent()).toBe('Noch zu prüfen');
    // The file opens from the staff download route (a new tab).
    const link = card().getByRole('link', { name: /wgb-unterschrieben\.pdf/ });
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = (await link.getAttribute('href')) as string;
    const file = await staff.context().request.get(new URL(href, baseUrl).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('application/pdf');

    await card()
      .getByRole('button', { name: /^In Ordnung\s*:\s*wgb-unterschrieben\.pdf$/ })
      .focus();
    await staff.keyboard.press('Enter');
    await staff.getByRole('status').getByText('wgb-unterschrieben.pdf ist als in Ordnung markiert.').waitFor(until);
    await expect.poll(() => card().locator('[data-check]').first().textContent(), until).toBe('In Ordnung');
    expect(await accessibilityViolations(staff)).toEqual([]);

    await citizen.reload();
    const entry = citizen.locator('.bc-document', { hasText: 'Wohnungsgeberbescheinigung' });
    await entry.locator('[data-check="ACCEPTED"]').waitFor(until);
    expect(await entry.getByText('Geprüft: in Ordnung').count()).toBe(1);
    expect(await overflow(citizen)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(citizen)).toEqual([]);
  }, 120_000);
});
