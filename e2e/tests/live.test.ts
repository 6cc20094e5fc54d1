import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext } from '../harness.js';
import { type GqlAuth, gql, kioskToken, staffCookie, until } from '../helpers.js';

/**
 * Live: a visitor follows a walk-in ticket on a phone-sized page while the waiting room's display shows the calls;
 * a clerk (GraphQL, as the demo clerk) calls the ticket. Both screens must show the call within one second of the
 * call mutation's response (issue "Live"). Browser APIs that make sound or ask the user are stubbed to record what
 * the page asked of them: speechSynthesis.speak, navigator.vibrate and Notification.
 *
 * The api and the pages run on the test clock (a Monday morning, TEST_CLOCK_START): the office is open, walk-in
 * tickets are issued whatever the hour the tests run at.
 */

const baseUrl = inject('baseUrl');
const clockOffsetMs = inject('clockOffsetMs');
const displayToken = 'bcd_demo-display-buergercentrum';
const serviceName = 'Meldebescheinigung';
/** A counter the other browser tests leave alone (the workstation test takes the first free one). */
const counterLabel = '6';

type Json = Record<string, any>;

/** A GraphQL call to the shared product. */
const api = (query: string, variables: Json = {}, auth: GqlAuth = {}) => gql(baseUrl, query, variables, auth);

const walkIns = (
  await api('{ walkInStatus { officeOpen services { serviceId name open reason } } }', {}, { bearer: kioskToken })
).walkInStatus as {
  officeOpen: boolean;
  services: { serviceId: string; name: string; open: boolean; reason: string }[];
};
const service = walkIns.services.find((s) => s.name === serviceName);
type Drawn = { ticketId: string; number: string; trackingToken: string };

async function drawAtKiosk(): Promise<Drawn> {
  const r = (
    await api(
      `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
        __typename ... on IssuedTicket { ticketId trackingToken ticket { number } } ... on WalkInClosed { reason } } }`,
      { input: { requestId: randomUUID(), services: [{ serviceId: service?.serviceId, count: 1 }] } },
      { bearer: kioskToken },
    )
  ).issueWalkInTicket;
  if (r.__typename !== 'IssuedTicket') throw new Error(`the kiosk got no ticket: ${JSON.stringify(r)}`);
  return { ticketId: r.ticketId, number: r.ticket.number, trackingToken: r.trackingToken };
}

/** "W017" as the display says it: letters one by one, the number without leading zeros. */
function spoken(label: string): string {
  return (label.match(/\p{L}|\d+/gu) ?? []).map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p)).join(' ');
}

/** Records what the page asks of the browser's speech, vibration and notifications (stand-ins for the real ones). */
function recordBrowserAlerts() {
  const w = window as unknown as Record<string, unknown[]>;
  w.spoken = [];
  w.vibrations = [];
  w.notifications = [];
  if (window.speechSynthesis) {
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      w.spoken?.push({ text: u.text, lang: u.lang });
      setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 10);
    };
  }
  Object.defineProperty(Navigator.prototype, 'vibrate', {
    configurable: true,
    value: (pattern: number | number[]) => {
      w.vibrations?.push(pattern);
      return true;
    },
  });
  // Like a browser, it remembers the visitor's answer across reloads.
  class RecordedNotification {
    static get permission() {
      return (sessionStorage.getItem('test.notificationPermission') ?? 'default') as NotificationPermission;
    }
    static async requestPermission() {
      sessionStorage.setItem('test.notificationPermission', 'granted');
      return 'granted';
    }
    onclick: unknown = null;
    constructor(title: string, options?: NotificationOptions) {
      w.notifications?.push({ title, body: options?.body });
    }
    close() {}
  }
  Object.defineProperty(window, 'Notification', { configurable: true, value: RecordedNotification });
}

const recorded = (page: Page, what: 'spoken' | 'vibrations' | 'notifications') =>
  page.evaluate((key) => (window as unknown as Record<string, unknown[]>)[key] ?? [], what);

/** A page whose subscription socket can be cut: while `cut` is set, new sockets are refused. */
async function cuttablePage(context: BrowserContext) {
  const state = { cut: false, sockets: [] as WebSocketRoute[] };
  const page = await context.newPage();
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (state.cut) {
      void ws.close({ code: 1001, reason: 'network gone' }).catch(() => {});
      return;
    }
    ws.connectToServer();
    state.sockets.push(ws);
  });
  return {
    page,
    cut: async () => {
      state.cut = true;
      for (const ws of state.sockets.splice(0)) await ws.close({ code: 1001, reason: 'network gone' }).catch(() => {});
    },
    restore: () => {
      state.cut = false;
    },
  };
}

describe('live tracking and call display', () => {
  let browser: Browser;
  let clerk = '';
  let counterId = '';
  let display: Awaited<ReturnType<typeof cuttablePage>>;

  const asClerk = (query: string, variables: Json = {}) => api(query, variables, { cookie: clerk });
  const ticketVersion = async (id: string) =>
    (await asClerk('query($id: ID!) { queueTicket(id: $id) { version status } }', { id })).queueTicket as {
      version: number;
      status: string;
    };

  async function phonePage(width = 360) {
    const context = await newContext(browser, clockOffsetMs, {
      locale: 'de-DE',
      viewport: { width, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await context.addInitScript(recordBrowserAlerts);
    return cuttablePage(context);
  }

  beforeAll(async () => {
    // Headless Chromium allows autoplay; a display browser as shipped does not: test the screen as people meet it.
    browser = await launchBrowser(['--autoplay-policy=document-user-activation-required']);
    const displayContext = await newContext(browser, clockOffsetMs, {
      locale: 'de-DE',
      viewport: { width: 1920, height: 1080 },
    });
    await displayContext.addInitScript(recordBrowserAlerts);
    display = await cuttablePage(displayContext);
    await display.page.goto(`${baseUrl}/track/display#device=${displayToken}`);

    clerk = await staffCookie(baseUrl, 'schalter', 'Demo-Schalter-2026');
    const office = (await api('{ office(slug: "buergercentrum") { id } }')).office as { id: string };
    const counters = (await asClerk('query($o: ID!) { queueCounters(officeId: $o) { id label } }', { o: office.id }))
      .queueCounters as { id: string; label: string }[];
    counterId = counters.find((c) => c.label === counterLabel)?.id ?? '';
    const opened = await asClerk(
      'mutation($c: ID!) { openCounter(counterId: $c, takeOver: true) { __typename ... on QueueCounter { current { id } } } }',
      { c: counterId },
    );
    expect(opened.openCounter).toEqual({ __typename: 'QueueCounter', current: null });
  });
  afterAll(async () => {
    if (counterId) await asClerk('mutation($c: ID!) { closeCounter(counterId: $c) { __typename } }', { c: counterId });
    await browser?.close();
  });

  it('starts the display with its office and calls, says nothing about calls already there, and asks for sound once', async () => {
    const page = display.page;
    await page.getByRole('heading', { level: 1, name: 'Bürgercentrum' }).waitFor(until);
    await page.getByRole('heading', { name: 'Aufrufe' }).waitFor(until);
    await page.getByRole('heading', { name: 'Wartende' }).waitFor(until);
    expect(await page.getByRole('rowheader', { name: serviceName, exact: true }).count()).toBe(1);
    const sound = page.getByRole('button', { name: 'Ton einschalten' });
    await sound.waitFor(until);
    expect(await sound.count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await sound.click();
    await expect.poll(() => sound.count()).toBe(0);
    expect(await recorded(page, 'spoken')).toEqual([]);
  });

  it('says calmly that an unknown tracking link is not valid, without echoing it', async () => {
    const phone = await phonePage();
    await phone.page.goto(`${baseUrl}/track/t/not-a-real-token-123`);
    await phone.page.getByRole('heading', { level: 1, name: 'Dieser Link ist nicht (mehr) gültig' }).waitFor(until);
    expect(await phone.page.locator('body').textContent()).not.toContain('not-a-real-token-123');
    expect(await phone.page.title()).toBe('Link nicht gültig – Wartenummer');
    expect(await accessibilityViolations(phone.page)).toEqual([]);
    await phone.page.context().close();
  });

  describe('with a walk-in ticket', () => {
    let ticket: Drawn;
    let phone: Awaited<ReturnType<typeof phonePage>>;

    beforeAll(async () => {
      expect(walkIns.officeOpen && service?.open, 'on the test clock the office issues walk-in tickets').toBe(true);
      ticket = await drawAtKiosk();
      phone = await phonePage(320);
      await phone.page.goto(`${baseUrl}/track/t/${ticket.trackingToken}`);
    });

    it('shows the waiting ticket on a 320 px phone: number, people ahead, the expected time as a range', async () => {
      const page = phone.page;
      await expect.poll(() => page.getByTestId('ticket-number').textContent(), until).toBe(ticket.number);
      await page.getByRole('heading', { name: 'Sie warten' }).waitFor(until);
      expect(await page.getByTestId('people-ahead').textContent()).toMatch(
        /^(Sie sind als Nächstes an der Reihe\.|1 Person ist vor Ihnen\.|\d+ Personen sind vor Ihnen\.)$/,
      );
      expect(await page.getByTestId('call-window').textContent()).toMatch(
        /^Voraussichtlicher Aufruf (zwischen \d\d:\d\d und \d\d:\d\d Uhr|gegen \d\d:\d\d Uhr)\.$|in wenigen Minuten/,
      );
      expect(await page.getByText('Bürgercentrum').count()).toBeGreaterThan(0);
      expect(await page.title()).toBe(`Nummer ${ticket.number} – Wartenummer`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await page.locator('body').textContent()).not.toContain(ticket.trackingToken);
      expect(await accessibilityViolations(page)).toEqual([]);
    });

    it('asks for notifications only on a button press, and reminds once when few are ahead', async () => {
      const page = phone.page;
      expect(await recorded(page, 'notifications')).toEqual([]);
      await page.getByRole('button', { name: 'Benachrichtigungen erlauben' }).click();
      await expect
        .poll(() => page.getByTestId('notification-state').textContent(), until)
        .toContain('Benachrichtigungen sind erlaubt');

      // Everyone has at most ten people ahead here: choosing 10 sets the reminder off at once.
      await page.getByLabel('Erinnern, wenn nur noch so viele Personen vor mir sind').selectOption('10');
      await page.getByTestId('reminder-reached').waitFor(until);
      expect(await recorded(page, 'vibrations')).toHaveLength(1);
      expect(await recorded(page, 'notifications')).toEqual([
        { title: `Nummer ${ticket.number}: bald sind Sie dran`, body: expect.any(String) },
      ]);
      // Kept on the phone: after a reload the choice is still there and the reminder does not go off again.
      await page.reload();
      await page.getByRole('heading', { name: 'Sie warten' }).waitFor(until);
      expect(await page.getByLabel('Erinnern, wenn nur noch so viele Personen vor mir sind').inputValue()).toBe('10');
      expect(await page.getByTestId('reminder-reached').count()).toBe(0);
      expect(await recorded(page, 'vibrations')).toEqual([]);
    });

    it('shows the call on the phone and on the display within one second, and the display says it in German', async () => {
      const go = `Bitte gehen Sie zu Schalter ${counterLabel}`;
      const onPhone = phone.page.getByRole('heading', { name: go });
      const onDisplay = display.page
        .getByTestId('current-call')
        .filter({ hasText: ticket.number })
        .filter({ hasText: `Schalter ${counterLabel}` });
      const seen = { phone: Number.NaN, display: Number.NaN };
      const phoneShows = onPhone.waitFor(until).then(() => {
        seen.phone = performance.now();
      });
      const displayShows = onDisplay.waitFor(until).then(() => {
        seen.display = performance.now();
      });

      const { version } = await ticketVersion(ticket.ticketId);
      const called = await asClerk(
        'mutation($c: ID!, $t: ID!, $v: Int!) { callTicket(counterId: $c, ticketId: $t, version: $v) { __typename ... on QueueTicket { number } } }',
        { c: counterId, t: ticket.ticketId, v: version },
      );
      const answered = performance.now();
      expect(called.callTicket).toEqual({ __typename: 'QueueTicket', number: ticket.number });
      await Promise.all([phoneShows, displayShows]);
      const late = { phone: Math.round(seen.phone - answered), display: Math.round(seen.display - answered) };
      console.info(`call shown after the mutation answered: phone ${late.phone} ms, display ${late.display} ms`);
      expect(late.phone, `phone showed the call ${late.phone} ms after the mutation answered`).toBeLessThanOrEqual(
        1000,
      );
      expect(late.display, `display showed the call ${late.display} ms after`).toBeLessThanOrEqual(1000);

      // The phone: sound is not observable here, vibration and the notification are.
      await expect.poll(() => recorded(phone.page, 'vibrations'), until).toHaveLength(1);
      expect(await recorded(phone.page, 'notifications')).toEqual([{ title: go, body: expect.any(String) }]);
      expect(await phone.page.getByTestId('announce-assertive').textContent()).toBe(go);
      expect(await phone.page.title()).toBe(`${go} – Wartenummer`);
      expect(await accessibilityViolations(phone.page)).toEqual([]);

      // The display: gong, then the spoken call, once.
      await expect
        .poll(() => recorded(display.page, 'spoken'), until)
        .toEqual([{ text: `Nummer ${spoken(ticket.number)}, bitte zu Schalter ${counterLabel}`, lang: 'de-DE' }]);
      expect(await accessibilityViolations(display.page)).toEqual([]);
    });

    it('says plainly when the phone is offline, and shows the current state after reconnecting', async () => {
      const page = phone.page;
      const banner = page.getByTestId('offline-banner');
      expect(await banner.count()).toBe(0);
      await phone.cut();
      await banner.waitFor(until);
      expect(await banner.textContent()).toMatch(/Sie sind offline – wir verbinden neu …Stand von \d\d:\d\d Uhr/);
      // Meanwhile the visitor reaches the counter and the clerk starts.
      const { version } = await ticketVersion(ticket.ticketId);
      const started = await asClerk(
        'mutation($t: ID!, $v: Int!) { startServing(ticketId: $t, version: $v) { __typename } }',
        { t: ticket.ticketId, v: version },
      );
      expect(started.startServing.__typename).toBe('QueueTicket');
      expect(await page.getByRole('heading', { name: `Bitte gehen Sie zu Schalter ${counterLabel}` }).count()).toBe(1);

      phone.restore();
      await page
        .getByRole('heading', { name: `Sie werden an Schalter ${counterLabel} bedient` })
        .waitFor({ timeout: 20_000 });
      await expect.poll(() => banner.count()).toBe(0);
    });

    it('keeps the display going through a dropped socket without announcing old calls again', async () => {
      const page = display.page;
      const before = await recorded(page, 'spoken');
      await display.cut();
      await expect
        .poll(() => page.getByRole('status').textContent(), until)
        .toBe('Verbindung wird wiederhergestellt …');
      display.restore();
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toBe('');
      // The board is back: the ticket, served since, is listed among the earlier calls.
      await page.getByRole('rowheader', { name: ticket.number, exact: true }).waitFor(until);
      expect(await recorded(page, 'spoken')).toEqual(before);
    });

    it('lets the visitor give up the place after a confirmation', async () => {
      const other = await drawAtKiosk();
      const page = phone.page;
      await page.goto(`${baseUrl}/track/t/${other.trackingToken}`);
      await page.getByRole('heading', { name: 'Sie warten' }).waitFor(until);
      await page.getByRole('button', { name: 'Platz freigeben', exact: true }).click();
      const question = page.getByRole('heading', { name: 'Platz wirklich freigeben?' });
      await question.waitFor(until);
      expect(await question.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Nein, weiter warten' }).click();
      expect(await question.count()).toBe(0);
      await page.getByRole('button', { name: 'Platz freigeben', exact: true }).click();
      await page.getByRole('button', { name: 'Ja, Platz freigeben' }).click();
      await page.getByRole('heading', { name: 'Storniert' }).waitFor(until);
      expect(await page.getByRole('button', { name: 'Platz freigeben', exact: true }).count()).toBe(0);
      const state = await api(
        'query($t: String!) { ticketByTrackingToken(token: $t) { ... on PublicTicket { status } } }',
        { t: other.trackingToken },
      );
      expect(state.ticketByTrackingToken.status).toBe('CANCELLED');
    });

    afterAll(async () => {
      const { version, status } = await ticketVersion(ticket.ticketId);
      if (status === 'SERVING')
        await asClerk('mutation($t: ID!, $v: Int!) { finishTicket(ticketId: $t, version: $v) { __typename } }', {
          t: ticket.ticketId,
          v: version,
        });
      await phone?.page.context().close();
    });
  });
});
