import { graphql } from '../gql';

/** Actions the information desk and the workstation both offer on a ticket of the list. */
export const CancelTicketMutation = graphql(`
  mutation CancelTicket($ticketId: ID!, $version: Int!) {
    cancelTicket(ticketId: $ticketId, version: $version) {
      __typename
      ...QueueTicketFields
      ...StaleTicketFields
      ...NotAllowedFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...InvalidInputFields
      ...OfficeNotAllowedFields
      ...TicketNotFoundFields
    }
  }
`);

export const ReactivateTicketMutation = graphql(`
  mutation ReactivateTicket($ticketId: ID!, $version: Int!) {
    reactivateTicket(ticketId: $ticketId, version: $version) {
      __typename
      ...QueueTicketFields
      ...StaleTicketFields
      ...NotAllowedFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...InvalidInputFields
      ...OfficeNotAllowedFields
      ...TicketNotFoundFields
    }
  }
`);

export const SetTicketPriorityMutation = graphql(`
  mutation SetTicketPriority($ticketId: ID!, $version: Int!, $priority: TicketPriority, $note: String) {
    setTicketPriority(ticketId: $ticketId, version: $version, priority: $priority, note: $note) {
      __typename
      ...QueueTicketFields
      ...StaleTicketFields
      ...NotAllowedFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...InvalidInputFields
      ...OfficeNotAllowedFields
      ...TicketNotFoundFields
    }
  }
`);
