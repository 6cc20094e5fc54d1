import type { GqlClient } from './gql-client.js';

/** Office-local time in Pforzheim in March 2027 before the change to summer time (CET, UTC+1). */
export const local = (dateTime: string) => new Date(`${dateTime}:00+01:00`);

export type OfficeInfo = { id: string; services: { id: string; name: string }[] };

export const OFFICE = `query($slug: String!) { office(slug: $slug) { id services { id name } } }`;

export function serviceId(office: OfficeInfo, name: string): string {
  const s = office.services.find((x) => x.name.startsWith(name));
  if (!s) throw new Error(`no service ${name}`);
  return s.id;
}

export const TICKET_FIELDS = `id number status origin version callCount maxCalls priority priorityNote late
  dueAt arrivedAt appointmentStartsAt counter { id label } services { name count doneCount }
  estimate { peopleAhead expectedCallAt earliestCallAt latestCallAt }`;

export const ISSUED_FIELDS = `ticketId trackingToken trackingLink alreadyIssued
  ticket { number status officeName priority counterLabel services { name count } estimate { peopleAhead expectedCallAt } }`;

export const CHECK_IN = `mutation($code: String!, $officeId: ID) { checkIn(code: $code, officeId: $officeId) {
  __typename
  ... on IssuedTicket { ${ISSUED_FIELDS} }
  ... on CheckInTooEarly { startsAt comeBackAt }
  ... on CheckInTooLate { startsAt walkInServices { name count } }
  ... on CheckInWrongOffice { officeName }
  ... on CheckInCancelled { message }
  ... on UnknownCode { message }
  ... on OfficeNotAllowed { message }
} }`;

export const WALK_IN = `mutation($input: WalkInTicketInput!) { issueWalkInTicket(input: $input) {
  __typename
  ... on IssuedTicket { ${ISSUED_FIELDS} }
  ... on WalkInClosed { reason serviceIds nextAppointments }
  ... on InvalidInput { fields { field code } }
  ... on OfficeNotAllowed { message }
} }`;

export const BOOK = `mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) {
  __typename ... on BookingConfirmed { manageToken appointment { id reference checkInCode startsAt } }
  ... on SlotUnavailable { alternatives } ... on InvalidInput { fields { field code } } } }`;

let emails = 0;

/** Books an appointment through the public API; fails the test when it is not confirmed. */
export async function book(
  client: GqlClient,
  officeId: string,
  services: { serviceId: string; count: number }[],
  start: Date,
): Promise<{ id: string; reference: string; checkInCode: string; manageToken: string }> {
  emails += 1;
  const res = await client.ok<{ bookAppointment: Record<string, any> }>(BOOK, {
    input: {
      officeId,
      services,
      start: start.toISOString(),
      name: 'Erika Mustermann',
      email: `queue${emails}-${Date.now()}@example.de`,
      language: 'de',
      privacyConsent: true,
    },
  });
  if (res.bookAppointment.__typename !== 'BookingConfirmed')
    throw new Error(`booking failed: ${JSON.stringify(res.bookAppointment)}`);
  return { ...res.bookAppointment.appointment, manageToken: res.bookAppointment.manageToken };
}

let requests = 0;
export const requestId = () => `req-${++requests}-${Math.random().toString(36).slice(2)}`;
