import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage, productNow } from '../harness.js';

/** The product runs on its own clock (E2E_CLOCK_START in harness.ts): "now" is the api's now. */
const clockOffsetMs = inject('clockOffsetMs');
const now = () => productNow(clockOffsetMs);

const displayToken = 'bcd_demo-display-buergercentrum';
const clockPattern = /^\d{2}:\d{2}:\d{2}$/;

/** Seconds since midnight of an HH:MM:SS text. */
function secondsOfDay(text: string): number {
  const [h = 0, m = 0, s = 0] = text.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}

function berlinTimeNow(): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(now());
}

async function clockText(page: Page): Promise<string> {
  return (
    (await page
      .getByTestId('display-clock')
      .textContent({ timeout: 1_000 })
      .catch(() => null)) ?? ''
  );
}

async function statusText(page: Page): Promise<string> {
  return ((await page.getByRole('status').textContent()) ?? '').trim();
}

describe('web-tracker', () => {
  let browser: Browser;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    // Headless Chromium allows autoplay; a display browser as shipped does not: test the screen as people meet it.
    browser = await launchBrowser(['--autoplay-policy=document-user-activation-required']);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('call display', () => {
    let page: Page;
    const sockets: WebSocketRoute[] = [];

    beforeAll(async () => {
      page = await openPage(browser, clockOffsetMs);
      // The screen's own clock is three hours slow: the display must show the server's time regardless.
      await page.context().addInitScript(() => {
        const realNow = Date.now;
        Date.now = () => realNow() - 3 * 3600 * 1000;
      });
      // Audio stays locked until the page resumes it from a gesture, as on a display browser as shipped (Chromium's
      // own autoplay rule is not reliable under load in headless mode: it sometimes starts audio by itself).
      await page.context().addInitScript(() => {
        const Real = window.AudioContext;
        window.AudioContext = class extends Real {
          private unlocked = false;
          override get state(): AudioContextState {
            return this.unlocked ? super.state : 'suspended';
          }
          override async resume(): Promise<void> {
            await super.resume();
            this.unlocked = true;
            this.dispatchEvent(new Event('statechange'));
          }
        };
      });
      // Pass the subscription socket through, keeping hold of it so a test can cut it.
      await page.routeWebSocket(/\/graphql$/, (ws) => {
        ws.connectToServer();
        sockets.push(ws);
      });
      await page.goto(`${baseUrl}/track/display#device=${displayToken}`);
    });

    it('shows the office and its calls and takes the token out of the address bar', async () => {
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Bürgercentrum' }).count()).toBe(1);
      // Calls of other test files may be on the board: live.test.ts checks its content.
      expect(await page.getByRole('heading', { name: 'Aufrufe' }).count()).toBe(1);
      expect(page.url()).toBe(`${baseUrl}/track/display`);
      expect(await page.evaluate(() => localStorage.getItem('bc.deviceToken'))).toBe(displayToken);
      expect(await page.title()).toContain('Bürgercentrum');
    });

    it('runs a clock on the server time in Berlin, not on the screen clock', async () => {
      await expect.poll(() => clockText(page), { timeout: 10_000 }).toMatch(clockPattern);
      const first = await clockText(page);
      await expect.poll(() => clockText(page), { timeout: 5_000 }).not.toBe(first);
      const shown = secondsOfDay(await clockText(page));
      const expected = secondsOfDay(berlinTimeNow());
      const diff = Math.abs(shown - expected);
      expect(Math.min(diff, 86_400 - diff)).toBeLessThanOrEqual(3);
    });

    it('says it is reconnecting when the socket drops, and recovers without a reload', async () => {
      expect(sockets.length).toBe(1);
      expect(await statusText(page)).toBe('');
      await page.evaluate(() => {
        (window as unknown as { sameDocument: boolean }).sameDocument = true;
      });
      await sockets[0]?.close({ code: 1001, reason: 'Going Away' });
      await expect.poll(() => statusText(page)).toBe('Verbindung wird wiederhergestellt …');
      // The clock keeps going meanwhile.
      const during = await clockText(page);
      await expect.poll(() => clockText(page), { timeout: 3_000 }).not.toBe(during);
      await expect.poll(() => statusText(page), { timeout: 15_000 }).toBe('');
      expect(sockets.length).toBe(2);
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    });

    it('asks once to turn the sound on; a key press does it', async () => {
      const sound = page.getByRole('button', { name: 'Ton einschalten' });
      expect(await sound.count()).toBe(1);
      await page.keyboard.press('Shift');
      await expect.poll(() => sound.count()).toBe(0);
    });

    it('is keyboard reachable and can switch to English', async () => {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      expect(await focused.textContent({ timeout: 5_000 })).toBe('English');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('heading', { name: 'Calls' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'Waiting' }).count()).toBe(1);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('heading', { name: 'Aufrufe' }).count()).toBe(1);
    });

    it('has no accessibility violations', async () => {
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  it('asks staff to set the display up when its token is rejected', async () => {
    const page = await openPage(browser, clockOffsetMs);
    await page.goto(`${baseUrl}/track/display#device=bcd_wrong`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Diese Anzeige ist nicht eingerichtet' }).count())
      .toBe(1);
    expect(await page.getByText('ungültig oder wurde widerrufen').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'This display is not set up' }).count()).toBe(1);
    expect(await page.getByText('/track/display#device=…').count()).toBe(1);
    expect(page.url()).toBe(`${baseUrl}/track/display`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('asks staff to set the display up when it has no token', async () => {
    const page = await openPage(browser, clockOffsetMs);
    await page.goto(`${baseUrl}/track/display`);
    await expect.poll(() => page.getByText('noch kein Anzeige-Link geöffnet').count()).toBe(1);
    await page.context().close();
  });

  it('explains on the start page where the tracking link comes from', async () => {
    const page = await openPage(browser, clockOffsetMs);
    await page.goto(`${baseUrl}/track/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Wartenummer');
    expect(await page.getByText('QR-Code auf Ihrem Ticket').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${baseUrl}/track/nowhere`);
    await expect.poll(() => page.getByRole('heading', { name: 'Seite nicht gefunden' }).count()).toBe(1);
    await page.context().close();
  });
});
