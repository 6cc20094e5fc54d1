import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchProfile } from '../harness.js';
import { gql, until, walkInTrackingToken } from '../helpers.js';

/**
 * Web Push on the tracking page, in Chromium. What a test can do here, and what it cannot:
 * - Chromium offers the Push API only in a real profile (not in the off-the-record contexts of launchBrowser), so this
 *   file runs in a throw-away profile with the notification permission granted.
 * - PushManager.subscribe() asks Google's push service (FCM) for an endpoint. The test machines have no connection to
 *   it, so the subscription is not made: the page must then say that it did not work, within its timeout, and keep
 *   its button. Where Chromium does reach FCM, the subscription must have reached the api (checked by removing it).
 *   The api's side of a real push (encryption, VAPID, exactly once) is proven in api/test/push.test.ts with a local
 *   push service.
 * - A push is delivered to the service worker through the DevTools protocol (ServiceWorker.deliverPushMessage), as a
 *   push service would, with the payload the api sends: the worker shows it as a notification.
 * - Nothing (neither WebDriver nor the DevTools protocol) can click a notification. The worker's click handler is run
 *   with a NotificationEvent for the shown notification, dispatched in the worker; Chromium lets only a real click
 *   open or focus windows, so the test watches what the handler asks for (clients.openWindow / WindowClient.focus).
 */
const baseUrl = inject('baseUrl');

describe('push notifications on the tracking page', () => {
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    profile = await mkdtemp(path.join(os.tmpdir(), 'bc-push-'));
    context = await launchProfile(profile, { locale: 'de-DE' });
    await context.grantPermissions(['notifications'], { origin: baseUrl });
    token = await walkInTrackingToken(baseUrl);
    page = await context.newPage();
    await page.goto(`${baseUrl}/track/t/${token}`);
  });
  afterAll(async () => {
    await context?.close();
    await rm(profile, { recursive: true, force: true });
  });

  it('offers notifications while the phone is locked, with a choice of how many may be ahead', async () => {
    const control = page.getByRole('region', { name: 'Benachrichtigen, auch wenn das Handy gesperrt ist' });
    await control.waitFor(until);
    const choice = control.getByLabel('Vorab benachrichtigen');
    expect(await choice.locator('option').allTextContents()).toEqual([
      'wenn noch 1 Person vor mir ist',
      'wenn noch 2 Personen vor mir sind',
      'wenn noch 3 Personen vor mir sind',
      'wenn noch 5 Personen vor mir sind',
      'wenn noch 10 Personen vor mir sind',
    ]);
    await choice.selectOption('2');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('registers the service worker and subscribes, or says honestly that the push service was not reached', async () => {
    const control = page.getByTestId('push-control');
    // Keyboard: focus the button and press Enter.
    await control.getByRole('button', { name: 'Benachrichtigungen einschalten' }).focus();
    await page.keyboard.press('Enter');
    const worker = await serviceWorker();
    expect(worker.url()).toBe(`${baseUrl}/track/notify-sw.js`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${baseUrl}/track/`);

    const outcome = async () => {
      if (await control.getByTestId('push-problem').isVisible()) return 'failed';
      const state = (await control.getByTestId('push-state').textContent()) ?? '';
      return state.startsWith('Eingeschaltet') ? 'subscribed' : 'pending';
    };
    await expect.poll(outcome, { timeout: 25_000 }).not.toBe('pending');
    if ((await outcome()) === 'subscribed') {
      expect(await control.getByTestId('push-state').textContent()).toContain('wenn noch 2 Personen vor Ihnen sind');
      const endpoint = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.pushManager.getSubscription())?.endpoint ?? '';
      });
      const removed = await gql(
        baseUrl,
        `mutation($token: String!, $e: String!) { unsubscribeFromPush(token: $token, endpoint: $e) {
          ... on PushUnsubscribed { removed } } }`,
        { token, e: endpoint },
      );
      expect(removed.unsubscribeFromPush).toEqual({ removed: true });
    } else {
      // No push service reachable from here (see above): the visitor is told, the button stays for another try.
      expect(await control.getByRole('alert').textContent()).toMatch(/^Das hat nicht geklappt/);
      await control.getByRole('button', { name: 'Benachrichtigungen einschalten' }).waitFor(until);
    }
  }, 40_000);

  it('shows a pushed message as a notification, and a click on it leads to the tracking page', async () => {
    const trackingUrl = `${baseUrl}/track/t/${token}`;
    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.some((r) => r.scopeURL === `${baseUrl}/track/`), until).toBe(true);
    const registration = registrations.find((r) => r.scopeURL === `${baseUrl}/track/`);
    // The payload as the api sends it (modules/push, pushPayload).
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: baseUrl,
      registrationId: registration?.registrationId as string,
      data: JSON.stringify({
        title: 'Nummer W001: Sie sind dran',
        body: 'Bitte gehen Sie zu Schalter 1.',
        url: trackingUrl,
        tag: 'ticket-W001-called',
      }),
    });
    const shown = async () =>
      page.evaluate(async () => {
        const r = await navigator.serviceWorker.ready;
        return (await r.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: n.data?.url }));
      });
    await expect
      .poll(shown, until)
      .toEqual([{ title: 'Nummer W001: Sie sind dran', body: 'Bitte gehen Sie zu Schalter 1.', url: trackingUrl }]);

    // The click, with the tracking page open: the handler closes the notification and focuses that window.
    const worker = await serviceWorker();
    expect(await clickNotification(worker)).toEqual({ focused: [trackingUrl], opened: [] });
    expect(await shown()).toEqual([]);

    // The click with no window of the tracking page open: the handler opens it.
    await page.goto(`${baseUrl}/track/`);
    await page.evaluate(async (url) => {
      const r = await navigator.serviceWorker.ready;
      await r.showNotification('Nummer W001: erneuter Aufruf', { data: { url } });
    }, trackingUrl);
    await expect.poll(async () => (await shown()).length, until).toBe(1);
    expect(await clickNotification(worker)).toEqual({ focused: [], opened: [trackingUrl] });
  });

  async function serviceWorker(): Promise<Worker> {
    const known = context.serviceWorkers().find((w) => w.url().endsWith('/track/notify-sw.js'));
    return known ?? context.waitForEvent('serviceworker', until);
  }

  /**
   * Runs the worker's notificationclick handler for its first notification and reports the windows it focused and
   * opened (recorded instead of done: Chromium allows that only on a real click).
   */
  function clickNotification(worker: Worker): Promise<{ focused: string[]; opened: string[] }> {
    return worker.evaluate(async () => {
      // The service worker's globals (this package compiles without the WebWorker library).
      type Client = { url: string };
      const scope = globalThis as unknown as {
        clients: { openWindow: (url: string) => Promise<unknown> };
        registration: ServiceWorkerRegistration;
        addEventListener: (type: string, listener: (e: Event) => void, options?: { once: boolean }) => void;
        dispatchEvent: (e: Event) => boolean;
        WindowClient: { prototype: { focus: (this: Client) => Promise<unknown> } };
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      };
      const focused: string[] = [];
      const opened: string[] = [];
      const realOpen = scope.clients.openWindow;
      const realFocus = scope.WindowClient.prototype.focus;
      scope.clients.openWindow = async (url: string) => {
        opened.push(String(url));
        return null;
      };
      scope.WindowClient.prototype.focus = async function (this: Client) {
        focused.push(this.url);
        return this;
      };
      try {
        const [notification] = await scope.registration.getNotifications();
        if (!notification) return { focused, opened };
        // A scripted event cannot extend its lifetime (waitUntil throws); the handler's work runs all the same.
        scope.addEventListener('error', (e) => e.preventDefault(), { once: true });
        try {
          scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification }));
        } catch {
          // reported above
        }
        await new Promise((r) => setTimeout(r, 500));
        return { focused, opened };
      } finally {
        scope.clients.openWindow = realOpen;
        scope.WindowClient.prototype.focus = realFocus;
      }
    });
  }
});
