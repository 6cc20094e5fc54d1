import type { GqlClient } from './gql-client.js';
import type { TestApp } from './test-app.js';

/** Booking through GraphQL as the citizen's pages do, for the mail tests. */

const OFFICE = `query($slug: String!) { office(slug: $slug) { id services { id name } } }`;
const BOOK = `mutation($input: BookAppointmentInput!) {
  bookAppointment(input: $input) {
    __typename
    ... on BookingConfirmed { manageToken appointment { id reference startsAt endsAt checkInCode } }
    ... on InvalidInput { fields { field code } }
    ... on SlotUnavailable { alternatives }
    ... on LimitReached { limit }
  }
}`;

export type Booked = {
  manageToken: string;
  appointment: { id: string; reference: string; startsAt: string; endsAt: string; checkInCode: string };
};

export type Office = { id: string; services: { id: string; name: string }[] };

export async function loadOffice(t: TestApp, slug = 'buergercentrum'): Promise<Office> {
  return (await t.anonymous().ok<{ office: Office }>(OFFICE, { slug })).office;
}

export function serviceId(office: Office, prefix: string): string {
  const s = office.services.find((x) => x.name.startsWith(prefix));
  if (!s) throw new Error(`no service ${prefix}`);
  return s.id;
}

let counter = 0;
/** A fresh address per booking (the per-email limit allows two upcoming appointments). */
export const uniqueEmail = (name = 'buerger') => `${name}${++counter}.${Date.now().toString(36)}@example.de`;

export async function book(
  client: GqlClient,
  office: Office,
  input: { start: string; email: string; language?: string; service?: string; uploadIds?: string[]; name?: string },
): Promise<Booked> {
  const res = await client.ok<{ bookAppointment: Record<string, unknown> }>(BOOK, {
    input: {
      officeId: office.id,
      services: [{ serviceId: serviceId(office, input.service ?? 'Personalausweis'), count: 1 }],
      start: input.start,
      name: input.name ?? 'Erika Mustermann',
      email: input.email,
      language: input.language ?? 'de',
      privacyConsent: true,
      uploadIds: input.uploadIds ?? [],
    },
  });
  if (res.bookAppointment.__typename !== 'BookingConfirmed') {
    throw new Error(`not booked: ${JSON.stringify(res.bookAppointment)}`);
  }
  return res.bookAppointment as unknown as Booked;
}

export async function reschedule(client: GqlClient, token: string, start: string): Promise<string> {
  const res = await client.ok<{ rescheduleAppointment: { __typename: string } }>(
    `mutation($t: String!, $s: DateTimeISO!) { rescheduleAppointment(token: $t, start: $s) { __typename } }`,
    { t: token, s: start },
  );
  return res.rescheduleAppointment.__typename;
}

export async function cancel(client: GqlClient, token: string): Promise<string> {
  const res = await client.ok<{ cancelAppointment: { __typename: string } }>(
    `mutation($t: String!) { cancelAppointment(token: $t) { __typename } }`,
    { t: token },
  );
  return res.cancelAppointment.__typename;
}

export type MailRow = {
  id: string;
  kind: string;
  status: string;
  dueAt: Date;
  attempts: number;
  manageToken: string | null;
  recipient: string | null;
  lastError: string | null;
};

/** The outbox rows of one appointment, oldest first. */
export function mailRows(t: TestApp, appointmentId: string): Promise<MailRow[]> {
  return t.sql<MailRow>(
    `SELECT id, kind, status, "dueAt", attempts, "manageToken", recipient, "lastError" FROM mail_message
      WHERE "appointmentId" = $1 ORDER BY "createdAt", "dueAt"`,
    [appointmentId],
  );
}
