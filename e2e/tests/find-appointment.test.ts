import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage, productNow } from '../harness.js';
import { type Booked, bookFirstFree, until } from '../helpers.js';

/**
 * "Termin wiederfinden": a citizen who lost the manage link asks for it with reference and email, on a phone, by
 * keyboard; the link arrives by mail (the dev mailbox) and opens the appointment. A wrong address gets the same
 * answer and no mail.
 */
const clockOffsetMs = inject('clockOffsetMs');
const baseUrl = inject('baseUrl');

type CaughtMail = { to: string[]; subject: string; text: string };
const mailsTo = async (address: string): Promise<CaughtMail[]> =>
  ((await (await fetch(`${baseUrl}/dev/mailbox/messages.json`)).json()) as CaughtMail[]).filter((m) =>
    m.to.includes(address),
  );
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('Termin wiederfinden', () => {
  let browser: Browser;
  let page: Page;
  let booked: Booked;
  const email = `wiederfinden.${Date.now()}@example.de`;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openPage(browser, clockOffsetMs);
    await page.setViewportSize({ width: 320, height: 640 });
    booked = await bookFirstFree(baseUrl, {
      officeSlug: 'buergercentrum',
      serviceName: 'Meldebescheinigung',
      email,
      from: productNow(clockOffsetMs) + 2 * 86_400_000,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is reached by keyboard from the start page and refuses empty and malformed input with errors at the fields', async () => {
    await expect.poll(async () => (await mailsTo(email)).length, until).toBe(1);
    await page.goto(`${baseUrl}/booking/`);
    const link = page.getByRole('link', { name: 'Link zum Termin verloren? Termin wiederfinden' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Termin wiederfinden' }).waitFor(until);
    expect(await focusedText(page)).toBe('Termin wiederfinden');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Link zuschicken' }).click();
    const summary = page.locator('.bc-error-summary');
    await summary.waitFor(until);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Bitte geben Sie die Buchungsnummer an.',
      'Bitte geben Sie Ihre E-Mail-Adresse an.',
    ]);
    expect(await page.getByLabel('Buchungsnummer').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Buchungsnummer').fill('K7M4');
    await page.getByLabel('E-Mail-Adresse').fill('kein-at');
    await page.getByLabel('E-Mail-Adresse').press('Enter');
    await expect
      .poll(() => summary.getByRole('link').allTextContents(), until)
      .toEqual([
        'Eine Buchungsnummer hat 8 Zeichen, zum Beispiel K7M4-PQ2X.',
        'Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.',
      ]);
  });

  it('answers a wrong address exactly as a right one, and mails nothing to it', async () => {
    const stranger = `fremd.${Date.now()}@example.de`;
    await page.getByLabel('Buchungsnummer').fill(booked.reference);
    await page.getByLabel('E-Mail-Adresse').fill(stranger);
    await page.getByRole('button', { name: 'Link zuschicken' }).click();
    const done = page.getByRole('heading', { level: 1, name: 'Bitte sehen Sie in Ihr Postfach' });
    await done.waitFor(until);
    const answer = await page.locator('main').textContent();
    expect(answer).toContain(booked.reference);
    expect(await focusedText(page)).toBe('Bitte sehen Sie in Ihr Postfach');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Andere Angaben eingeben' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), until).toBe('find-reference');

    // The right address, the reference typed loosely: the same page.
    await page.getByLabel('Buchungsnummer').fill(booked.reference.toLowerCase().replace('-', ' '));
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('button', { name: 'Link zuschicken' }).click();
    await done.waitFor(until);
    expect(await page.locator('main').textContent()).toBe(answer);
    await expect.poll(async () => (await mailsTo(email)).length, until).toBe(2);
    expect(await mailsTo(stranger)).toEqual([]);
  });

  it('the mailed link opens the appointment', async () => {
    const mail = (await mailsTo(email)).find((m) => m.subject.startsWith('Ihr Link zum Termin am '));
    const link = /https?:\/\/\S+\/booking\/verwaltung#bcm_[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] as string;
    expect(link.endsWith(booked.manageToken)).toBe(true);
    await page.goto(`${baseUrl}${new URL(link).pathname}${new URL(link).hash}`);
    await page.getByText(booked.reference).first().waitFor(until);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
