import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, openPage, productNow } from '../harness.js';
import { gql, kioskToken, signIn, until } from '../helpers.js';

/** The product runs on its own clock (E2E_CLOCK_START in harness.ts): "now" is the api's now. */
const clockOffsetMs = inject('clockOffsetMs');
const now = () => productNow(clockOffsetMs);

const serviceName = 'Meldebescheinigung';
const baseUrl = inject('baseUrl');

type Json = Record<string, any>;

/** A GraphQL call as the kiosk in the waiting area makes it (bearer token of the demo device). */
const kiosk = (query: string, variables: Json = {}) => gql(baseUrl, query, variables, { bearer: kioskToken });
/** A GraphQL call as a citizen's browser makes it (no identity). */
const citizen = (query: string, variables: Json = {}) => gql(baseUrl, query, variables);

/** A GraphQL call with the session of a signed-in page (its cookies), for setting up what the test is not about. */
async function asStaff(page: Page, query: string, variables: Json = {}): Promise<Json> {
  const res = await page.request.post(`${baseUrl}/graphql`, { data: { query, variables } });
  const body = (await res.json()) as { data?: Json; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Walk-in tickets exist only while the office is open and the closing guard lets them through (the demo
 * Bürgercentrum: Mon/Tue 07:30–12:30 and 13:30–15:30, Wed/Fri mornings, Thu 07:30–18:00, weekends closed). The
 * product runs on its test clock from a Monday at 09:30 (E2E_CLOCK_START in harness.ts), so they are open.
 */
const walkIns = (await kiosk(`query { walkInStatus { officeOpen closesAt services { serviceId name open reason } } }`))
  .walkInStatus as {
  officeOpen: boolean;
  services: { serviceId: string; name: string; open: boolean; reason: string }[];
};
const service = walkIns.services.find((s) => s.name === serviceName);

/** Draws a ticket at the kiosk, as a visitor tapping "Meldebescheinigung" would. */
async function drawAtKiosk(): Promise<{ number: string; trackingToken: string }> {
  const data = await kiosk(
    `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
      __typename ... on IssuedTicket { trackingToken ticket { number } } ... on WalkInClosed { reason } } }`,
    { input: { requestId: randomUUID(), services: [{ serviceId: service?.serviceId, count: 1 }] } },
  );
  const r = data.issueWalkInTicket;
  if (r.__typename !== 'IssuedTicket') throw new Error(`the kiosk got no ticket: ${JSON.stringify(r)}`);
  return { number: r.ticket.number, trackingToken: r.trackingToken };
}

/** 1×1 grey PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * Books the first free time for a change of address, with the landlord's confirmation uploaded as a citizen does
 * (POST /uploads, then the id in the booking). Returns the booking reference and the upload's id.
 */
async function bookWithUpload(fileName: string): Promise<{ reference: string; uploadId: string }> {
  const { office } = await citizen(
    'query { office(slug: "buergercentrum") { id services { id name requiredDocuments { documentId name } } } }',
  );
  const registration = office.services.find((s: Json) => s.name === 'Anmeldung / Ummeldung Wohnsitz');
  const landlord = registration.requiredDocuments.find((d: Json) => d.name === 'Wohnungsgeberbescheinigung');
  const form = new FormData();
  form.append('documentId', landlord.documentId);
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), fileName);
  const uploaded = await fetch(`${baseUrl}/uploads`, { method: 'POST', body: form });
  expect(uploaded.status).toBe(201);
  const uploadId = ((await uploaded.json()) as { id: string }).id;
  const services = [{ serviceId: registration.id, count: 1 }];
  const free = await citizen(
    'query($o: ID!, $s: [ServiceChoiceInput!]!, $f: String!, $t: String!) { availability(officeId: $o, services: $s, from: $f, to: $t) { ... on Availability { days { starts } } } }',
    {
      o: office.id,
      s: services,
      f: new Date(now()).toISOString().slice(0, 10),
      t: new Date(now() + 14 * 86_400_000).toISOString().slice(0, 10),
    },
  );
  const start = free.availability.days[0]?.starts[0];
  const booked = await citizen(
    `mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename
      ... on BookingConfirmed { appointment { reference } } } }`,
    {
      i: {
        officeId: office.id,
        services,
        start,
        name: 'Uma Umzug',
        email: 'workstation-upload@example.org',
        privacyConsent: true,
        uploadIds: [uploadId],
      },
    },
  );
  expect(booked.bookAppointment.__typename).toBe('BookingConfirmed');
  return { reference: booked.bookAppointment.appointment.reference, uploadId };
}

/** The ticket's status as its tracking page shows it. */
async function trackedStatus(token: string): Promise<string> {
  const data = await kiosk(
    `query($token: String!) { ticketByTrackingToken(token: $token) { ... on PublicTicket { status } } }`,
    { token },
  );
  return data.ticketByTrackingToken.status;
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe('information desk and workstation', () => {
  let browser: Browser;
  let clerk: Page;
  let desk: Page;
  let counterLabel = '';
  const path = (page: Page) => new URL(page.url()).pathname;
  const current = () => clerk.getByTestId('current-number');
  const currentNumber = () =>
    current()
      .textContent({ timeout: 1_000 })
      .catch(() => null);
  const clerkStatus = (contains: string) => clerk.getByRole('status').filter({ hasText: contains });
  /**
   * What a clerk sees before pressing N: the counter free and no action under way (the call button not disabled).
   * The page learns of a finish and of new tickets by re-reading the counter; N pressed before that says "busy".
   */
  const readyToCall = () =>
    expect.poll(() => clerk.locator('button[data-action="callNext"]:not([aria-disabled])').count(), until).toBe(1);
  const deskStatus = (contains: string | RegExp) => desk.getByRole('status').filter({ hasText: contains });

  beforeAll(async () => {
    browser = await launchBrowser();
    clerk = await openPage(browser, clockOffsetMs);
    desk = await openPage(browser, clockOffsetMs);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('leads a clerk from the navigation to the workstation, where they open a free counter', async () => {
    await signIn(clerk, baseUrl, 'schalter', 'Demo-Schalter-2026', 'Sam Schalter');
    // Tickets other test files left waiting are not what this file is about: cancel them, so "call next" is exact.
    const office = (await asStaff(clerk, '{ me { offices { id slug } } }')).me.offices[0];
    const left = await asStaff(
      clerk,
      'query($o: ID!) { officeTickets(officeId: $o, statuses: [WAITING]) { id version } }',
      {
        o: office.id,
      },
    );
    for (const tk of left.officeTickets)
      await asStaff(clerk, 'mutation($id: ID!, $v: Int!) { cancelTicket(ticketId: $id, version: $v) { __typename } }', {
        id: tk.id,
        v: tk.version,
      });

    const nav = clerk.getByRole('navigation', { name: 'Arbeitsbereiche' });
    expect(await nav.getByRole('link', { name: 'Information' }).count()).toBe(0); // not a desk role
    await nav.getByRole('link', { name: 'Arbeitsplatz' }).click();
    await clerk.getByRole('heading', { level: 1, name: 'Arbeitsplatz' }).waitFor(until);
    expect(path(clerk)).toBe('/staff/arbeitsplatz/buergercentrum'); // the only office: no choice to make
    expect(await clerk.title()).toBe('Arbeitsplatz – Bürgercentrum – Mitarbeitende');
    expect(await nav.getByRole('link', { name: 'Arbeitsplatz' }).getAttribute('aria-current')).toBe('page');
    await clerk.getByRole('heading', { name: 'Schalter wählen' }).waitFor(until);
    expect(await accessibilityViolations(clerk)).toEqual([]);

    const open = clerk.getByRole('button', { name: /^Schalter \d+ öffnen$/ }).first();
    counterLabel = ((await open.textContent()) ?? '').match(/Schalter (\d+)/)?.[1] ?? '';
    await open.click();
    const heading = clerk.getByRole('heading', { level: 2, name: new RegExp(`^Schalter ${counterLabel}\\b`) });
    await heading.waitFor(until);
    expect(await isFocused(heading)).toBe(true); // focus follows the clerk to the counter just opened
    expect(await text(clerk.locator('section[aria-labelledby="current-heading"]'))).toContain('Niemand am Schalter');
    const callNext = clerk.getByRole('button', { name: 'Nächste Nummer aufrufen' });
    expect(await callNext.getAttribute('aria-keyshortcuts')).toBe('N');
    expect(await clerk.getByRole('heading', { name: 'Tastenkürzel' }).count()).toBe(1);
    expect(await accessibilityViolations(clerk)).toEqual([]);
  });

  it('opens the information desk for the desk account, with the walk-in services and the day’s tickets', async () => {
    await signIn(desk, baseUrl, 'info', 'Demo-Info-2026', 'Ina Information');
    const nav = desk.getByRole('navigation', { name: 'Arbeitsbereiche' });
    expect(await nav.getByRole('link', { name: 'Arbeitsplatz' }).count()).toBe(0); // not a clerk role
    await nav.getByRole('link', { name: 'Information' }).click();
    await desk.getByRole('heading', { level: 1, name: 'Information' }).waitFor(until);
    expect(path(desk)).toBe('/staff/information/buergercentrum');
    await desk.getByRole('checkbox', { name: serviceName, exact: true }).waitFor(until);
    expect(await desk.getByRole('heading', { name: 'Termin einchecken' }).count()).toBe(1);
    expect(await desk.getByRole('heading', { name: 'Wartenummern heute' }).count()).toBe(1);
    // Only office managers may override the closing guard.
    await desk.getByRole('heading', { name: 'Wartenummern ohne Termin: Stand' }).waitFor(until);
    expect(await desk.getByRole('combobox', { name: /^Übersteuerung für/ }).count()).toBe(0);

    // An unknown code is answered calmly, next to the field.
    await desk.getByLabel('Buchungsnummer oder QR-Code').fill('ZZZZ-ZZZZ');
    await desk.getByRole('button', { name: 'Einchecken' }).click();
    await expect.poll(() => deskStatus('Diesen Code kennen wir nicht').count(), until).toBe(1);
    expect(await accessibilityViolations(desk)).toEqual([]);
  });

  it('issues walk-in tickets now: the office is open on the product’s clock', () => {
    expect(walkIns.officeOpen).toBe(true);
    expect(service).toMatchObject({ name: serviceName, open: true, reason: null });
  });

  it('calls the ticket a visitor drew at the kiosk, starts and finishes it', async () => {
    const drawn = await drawAtKiosk();
    // Focus is on the counter's heading, not in a field: the single-key shortcut N calls the next number.
    await clerk.keyboard.press('n');
    await expect.poll(currentNumber, until).toBe(drawn.number);
    await expect.poll(() => clerkStatus(`Nummer ${drawn.number} aufgerufen`).count(), until).toBe(1);
    const panel = clerk.locator('section', { has: clerk.getByRole('heading', { name: 'Am Schalter' }) });
    expect(await text(panel)).toContain('Aufgerufen');
    expect(await text(panel)).toContain('1 von 3');
    expect(await accessibilityViolations(clerk)).toEqual([]);

    await clerk.getByRole('button', { name: 'Bearbeitung beginnen' }).click();
    await expect.poll(() => text(panel), until).toContain('In Bearbeitung');

    // F opens the finish dialog with everything asked for preselected; Enter confirms.
    await clerk.keyboard.press('f');
    const dialog = clerk.getByRole('dialog', { name: `${drawn.number} abschließen` });
    await dialog.waitFor(until);
    expect(await isFocused(dialog.getByRole('button', { name: 'Abschließen' }))).toBe(true);
    expect(await accessibilityViolations(clerk)).toEqual([]);
    await clerk.keyboard.press('Enter');
    await expect.poll(() => clerkStatus(`${drawn.number} abgeschlossen`).count(), until).toBe(1);
    await expect.poll(() => text(panel), until).toContain('Niemand am Schalter');
    expect(await dialog.count()).toBe(0);
    expect(await trackedStatus(drawn.trackingToken)).toBe('DONE');
  });

  it('issues a priority ticket at the desk that the next call takes before an earlier walk-in', async () => {
    const earlier = await drawAtKiosk();

    await desk.getByRole('checkbox', { name: serviceName, exact: true }).check();
    await desk.getByRole('radio', { name: 'Vorrang aus anderem Grund (mit Begründung)' }).check();
    await desk.getByRole('button', { name: 'Wartenummer ausgeben' }).click();
    // A staff priority needs its reason: the field says so and has the focus.
    const note = desk.getByRole('textbox', { name: 'Begründung' });
    await expect.poll(() => note.getAttribute('aria-invalid'), until).toBe('true');
    expect(await isFocused(note)).toBe(true);
    await note.fill('Anschlusstermin beim Standesamt');
    await desk.getByRole('button', { name: 'Wartenummer ausgeben' }).click();

    const issued = desk.getByRole('heading', { level: 2, name: /^Wartenummer W\d{3}$/ });
    await issued.waitFor(until);
    // The focus goes back to the scan field for the next visitor; the status region announces the number.
    await expect.poll(() => isFocused(desk.getByLabel('Buchungsnummer oder QR-Code')), until).toBe(true);
    const number = ((await issued.textContent()) ?? '').match(/W\d{3}/)?.[0] ?? '';
    expect(number).not.toBe(earlier.number);
    const card = desk.locator('section', { has: issued });
    expect(await card.getByRole('img', { name: `QR-Code zum Verfolgen der Wartenummer ${number}` }).count()).toBe(1);
    expect(await card.getByRole('link', { name: /\/track\/t\// }).count()).toBe(1);
    expect(await text(card)).toMatch(/Vor Ihnen\s*\d+ Person/);
    expect(await card.getByRole('button', { name: 'Drucken' }).count()).toBe(1);
    expect(await deskStatus(`Wartenummer ${number} ausgegeben.`).count()).toBe(1);
    const row = desk.getByRole('row').filter({ has: desk.getByRole('rowheader', { name: number }) });
    await expect.poll(() => text(row), until).toContain('Vorrang: Anschlusstermin beim Standesamt');
    expect(await accessibilityViolations(desk)).toEqual([]);

    // The clerk's next call takes the priority ticket, although the kiosk ticket came first.
    await readyToCall();
    await clerk.getByRole('heading', { level: 2, name: new RegExp(`^Schalter ${counterLabel}\\b`) }).focus();
    await clerk.keyboard.press('n');
    await expect.poll(currentNumber, until).toBe(number);
    await expect.poll(() => clerkStatus(`Nummer ${number} aufgerufen`).count(), until).toBe(1);
    expect(
      await text(clerk.locator('section', { has: clerk.getByRole('heading', { name: 'Am Schalter' }) })),
    ).toContain('Vorrang: Anschlusstermin beim Standesamt');

    // U takes the call back; the ticket waits again at the head of this counter's queue.
    await clerk.keyboard.press('u');
    await expect.poll(() => clerkStatus(`Rückgängig: ${number} ist wieder „Wartet“.`).count(), until).toBe(1);
    await expect.poll(currentNumber, until).toBeNull();
    const queue = clerk.locator('section', { has: clerk.getByRole('heading', { name: /^Warteschlange/ }) });
    await expect
      .poll(
        () =>
          queue
            .getByRole('rowheader')
            .allTextContents()
            .then((all) => all.map((s) => s.trim())),
        until,
      )
      .toEqual([number, earlier.number]);
    expect(await accessibilityViolations(clerk)).toEqual([]);

    // Called again with the button; then finished.
    await clerk.getByRole('button', { name: 'Nächste Nummer aufrufen' }).click();
    await expect.poll(currentNumber, until).toBe(number);
    await clerk.getByRole('button', { name: 'Abschließen' }).click();
    await clerk.getByRole('dialog').getByRole('button', { name: 'Abschließen' }).click();
    await expect.poll(() => clerkStatus(`${number} abgeschlossen`).count(), until).toBe(1);

    // The desk cancels the kiosk ticket, whose visitor left (after a confirmation).
    const earlierRow = desk.getByRole('row').filter({ has: desk.getByRole('rowheader', { name: earlier.number }) });
    await earlierRow.getByRole('button', { name: `Stornieren: ${earlier.number}` }).click();
    const confirm = desk.getByRole('dialog', { name: `${earlier.number} stornieren?` });
    await confirm.waitFor(until);
    await confirm.getByRole('button', { name: 'Stornieren' }).click();
    await expect.poll(() => deskStatus(`${earlier.number} storniert.`).count(), until).toBe(1);
    expect(await trackedStatus(earlier.trackingToken)).toBe('CANCELLED');
  }, 90_000);

  it('opens the file a citizen uploaded in a new tab (a real upload, check-in and session)', async () => {
    const fileName = 'Wohnungsgeberbestätigung Küche.png';
    const { reference, uploadId } = await bookWithUpload(fileName);
    // The office's pre-check asked for a replacement (Unterlagen prüfen): the counter shows it.
    const checked = await asStaff(
      clerk,
      'mutation($u: ID!, $m: String) { checkUpload(uploadId: $u, state: REPLACE, message: $m) { __typename } }',
      { u: uploadId, m: 'Unterschrift fehlt.' },
    );
    expect(checked.checkUpload.__typename).toBe('Appointment');
    // Checked in at the kiosk an hour before the start: nobody else waits, so "call next" takes the appointment
    // rather than leave the counter idle.
    const checkedIn = (
      await kiosk(
        'mutation($c: String!) { checkIn(code: $c) { __typename ... on IssuedTicket { ticket { number } } } }',
        { c: reference },
      )
    ).checkIn;
    expect(checkedIn.__typename).toBe('IssuedTicket');
    const number = checkedIn.ticket.number as string;
    await readyToCall();
    await clerk.getByRole('heading', { level: 2, name: new RegExp(`^Schalter ${counterLabel}\\b`) }).focus();
    await clerk.keyboard.press('n');
    await expect.poll(currentNumber, until).toBe(number);
    const documents = clerk.locator('section', { has: clerk.getByRole('heading', { name: 'Unterlagen' }) });
    const link = documents.getByRole('link', { name: `${fileName} (PNG, 1 kB, öffnet in neuem Tab)` });
    await link.waitFor(until);
    expect(await text(link.locator('..'))).toBe(`Hochgeladen: ${fileName} (PNG, 1 kB, öffnet in neuem Tab)`);
    expect(await text(link.locator('../..'))).toContain('Bitte mitbringen/ersetzen Nachricht: Unterschrift fehlt.');
    expect(await link.getAttribute('href')).toBe(`/uploads/${uploadId}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await accessibilityViolations(clerk)).toEqual([]);

    // The new tab carries the clerk's session and gets the file, inline, with its type and name.
    const served = clerk.context().waitForEvent('response', (r) => r.url().endsWith(`/uploads/${uploadId}`));
    const [tab] = await Promise.all([clerk.waitForEvent('popup'), link.click()]);
    const response = await served;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['content-disposition']).toBe(
      `inline; filename="Wohnungsgeberbest_tigung K_che.png"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    expect((await response.body()).equals(PNG)).toBe(true);
    expect(new URL(tab.url()).pathname).toBe(`/uploads/${uploadId}`);
    await tab.close();
    // Nobody else gets it.
    expect((await fetch(`${baseUrl}/uploads/${uploadId}`)).status).toBe(401);

    await clerk.getByRole('button', { name: 'Abschließen' }).click();
    await clerk.getByRole('dialog').getByRole('button', { name: 'Abschließen' }).click();
    await expect.poll(() => clerkStatus(`${number} abgeschlossen`).count(), until).toBe(1);
  }, 60_000);

  it('says calmly that no ticket can be issued when the closing guard refuses (stubbed answer), and that nobody waits', async () => {
    // The guard's refusal near closing time, as the api gives it; the product's clock is in the morning.
    await desk.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('IssueWalkIn')) return route.fallback();
      await route.fulfill({
        json: {
          data: {
            issueWalkInTicket: {
              __typename: 'WalkInClosed',
              message: 'Walk-in tickets for these services are closed for today.',
              reason: 'CLOSING_SOON',
              serviceIds: [service?.serviceId],
              nextAppointments: [],
            },
          },
        },
      });
    });
    try {
      await desk.getByRole('checkbox', { name: serviceName, exact: true }).check();
      await desk.getByRole('button', { name: 'Wartenummer ausgeben' }).click();
      await expect.poll(() => deskStatus(`Keine Wartenummer mehr für heute (${serviceName})`).count(), until).toBe(1);
      expect(await accessibilityViolations(desk)).toEqual([]);
    } finally {
      await desk.unroute('**/graphql');
    }

    // Every ticket of this file was finished or cancelled: the counter's queue is really empty.
    await readyToCall();
    await clerk.getByRole('heading', { level: 2, name: new RegExp(`^Schalter ${counterLabel}\\b`) }).focus();
    await clerk.keyboard.press('n');
    await expect.poll(() => clerkStatus('Niemand wartet auf diesen Schalter').count(), until).toBe(1);
    expect(await currentNumber()).toBeNull();
  });
});
