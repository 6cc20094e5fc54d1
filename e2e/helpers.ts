import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext } from './harness.js';

/** Calls and steps several browser test files share (setting up situations through the api, signing in, the kiosk). */

/** The demo kiosk of the Bürgercentrum (seeded with SEED=demo). */
export const kioskToken = 'bcd_demo-kiosk-buergercentrum';

/** Signing in hashes with argon2, and every queue read simulates the estimates: give the api time on a busy machine. */
export const until = { timeout: 10_000 };

/** The demo offices' time zone. */
export const officeTimeZone = 'Europe/Berlin';

/** A time of day as the German pages show it ("09:05"), in the offices' time zone. */
export function berlinTime(instant: number | string): string {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: officeTimeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

type Json = Record<string, any>;
export type GqlAuth = { bearer?: string; cookie?: string };

/** A GraphQL call as a script would make it (to set up situations the pages then meet); throws on errors. */
export async function gql(baseUrl: string, query: string, variables: Json = {}, auth: GqlAuth = {}): Promise<Json> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Json; errors?: unknown };
  if (!body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Signs a staff member in through the api and returns the session cookie for further calls. */
export async function staffCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }',
      variables: { u: username, p: password },
    }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('bc_session='));
  if (!cookie) throw new Error(`no session cookie for ${username}`);
  return cookie.split(';')[0] as string;
}

export type Booked = {
  reference: string;
  checkInCode: string;
  checkInQrSvg: string;
  startsAt: string;
  manageToken: string;
};

/**
 * Books the first free start of a service at or after `from` (epoch ms, the product's time), as a citizen would
 * (anonymously), and returns the confirmation.
 */
export async function bookFirstFree(
  baseUrl: string,
  choice: { officeSlug: string; serviceName: string; email: string; from: number },
): Promise<Booked> {
  const office = await gql(baseUrl, 'query($s: String!) { office(slug: $s) { id services { id name } } }', {
    s: choice.officeSlug,
  });
  const officeId = office.office.id as string;
  const serviceId = (office.office.services as { id: string; name: string }[]).find(
    (s) => s.name === choice.serviceName,
  )?.id as string;
  const services = [{ serviceId, count: 1 }];
  const free = await gql(
    baseUrl,
    'query($o: ID!, $s: [ServiceChoiceInput!]!, $f: String!, $t: String!) { availability(officeId: $o, services: $s, from: $f, to: $t) { ... on Availability { days { starts } } } }',
    {
      o: officeId,
      s: services,
      f: new Date(choice.from).toISOString().slice(0, 10),
      t: new Date(choice.from + 14 * 86_400_000).toISOString().slice(0, 10),
    },
  );
  const start = (free.availability.days as { starts: string[] }[])
    .flatMap((d) => d.starts)
    .find((s) => Date.parse(s) >= choice.from);
  if (!start) throw new Error(`no free start for ${choice.serviceName}`);
  const booked = await gql(
    baseUrl,
    `mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename
      ... on BookingConfirmed { manageToken appointment { reference checkInCode checkInQrSvg startsAt } } } }`,
    { i: { officeId, services, start, name: 'Kim Kiosk', email: choice.email, privacyConsent: true } },
  );
  expect(booked.bookAppointment.__typename).toBe('BookingConfirmed');
  return { ...booked.bookAppointment.appointment, manageToken: booked.bookAppointment.manageToken };
}

/** Signs a staff member in on the staff site's login page, as they would. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, name: string) {
  await page.goto(`${baseUrl}/staff/login`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(password);
  await page.getByLabel('Passwort').press('Enter');
  await page.getByRole('heading', { level: 1, name: `Guten Tag, ${name}` }).waitFor(until);
}

/** The kiosk (/booking/kiosk) signed in as the demo kiosk, in German, on the product's time; at its start screen. */
export async function openKiosk(
  browser: Browser,
  baseUrl: string,
  clockOffsetMs: number,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const context = await newContext(browser, clockOffsetMs, { locale: 'de-DE', ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/booking/kiosk#device=${kioskToken}`);
  await page.getByRole('heading', { level: 1, name: 'Guten Tag! Was möchten Sie tun?' }).waitFor(until);
  return page;
}

/** Types a reference on the kiosk's on-screen keyboard, one key at a time, as a visitor would. */
export async function typeOnScreen(page: Page, text: string): Promise<void> {
  for (const key of text.replace('-', '')) {
    await page
      .getByRole('group', { name: 'Tastatur für die Buchungsnummer' })
      .getByRole('button', { name: key, exact: true })
      .click();
  }
}

/** A walk-in ticket drawn at the demo kiosk for the named service, else the first open to walk-ins; its tracking token. */
export async function walkInTrackingToken(baseUrl: string, serviceName?: string): Promise<string> {
  const status = (
    await gql(baseUrl, '{ walkInStatus { services { serviceId name open } } }', {}, { bearer: kioskToken })
  ).walkInStatus as { services: { serviceId: string; name: string; open: boolean }[] };
  const service = status.services.find((s) => s.open && (serviceName === undefined || s.name === serviceName));
  if (!service) throw new Error(`no walk-ins for ${serviceName ?? 'any service'}`);
  const r = (
    await gql(
      baseUrl,
      `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
        __typename ... on IssuedTicket { trackingToken } } }`,
      { input: { requestId: randomUUID(), services: [{ serviceId: service.serviceId, count: 1 }] } },
      { bearer: kioskToken },
    )
  ).issueWalkInTicket;
  if (r.__typename !== 'IssuedTicket') throw new Error(`no ticket: ${JSON.stringify(r)}`);
  return r.trackingToken as string;
}
