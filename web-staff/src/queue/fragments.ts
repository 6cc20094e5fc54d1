import { graphql } from '../gql';

/** A ticket as the desk and the workstation show it. */
export const QueueTicketFields = graphql(`
  fragment QueueTicketFields on QueueTicket {
    id
    number
    status
    origin
    version
    priority
    priorityNote
    callCount
    maxCalls
    arrivedAt
    dueAt
    calledAt
    startedAt
    endedAt
    waitedMinutes
    late
    appointmentStartsAt
    services {
      serviceId
      name
      count
      doneCount
    }
    counter {
      id
      label
    }
    estimate {
      peopleAhead
      expectedCallAt
      earliestCallAt
      latestCallAt
    }
  }
`);

/** What any action on a ticket can answer; the page turns each into a calm sentence (outcome-text.ts). */
export const TicketActionOutcome = graphql(`
  fragment TicketActionOutcome on TicketActionResult {
    __typename
    ... on QueueTicket {
      ...QueueTicketFields
    }
    ... on StaleTicket {
      message
      ticket {
        ...QueueTicketFields
      }
    }
    ... on NotAllowed {
      message
      action
      status
    }
    ... on CounterBusy {
      message
      ticket {
        id
        number
        status
        version
      }
    }
    ... on CounterNotOpen {
      message
      counterId
    }
    ... on InvalidInput {
      message
      fields {
        field
        code
        message
      }
    }
    ... on OfficeNotAllowed {
      message
    }
    ... on TicketNotFound {
      message
    }
  }
`);

/** What "call next" and "call this one" can answer. */
export const CallOutcome = graphql(`
  fragment CallOutcome on CallResult {
    __typename
    ... on QueueTicket {
      ...QueueTicketFields
    }
    ... on StaleTicket {
      message
      ticket {
        ...QueueTicketFields
      }
    }
    ... on QueueEmpty {
      message
      waiting
    }
    ... on CounterPaused {
      message
      counterId
    }
    ... on NotAllowed {
      message
      action
      status
    }
    ... on CounterBusy {
      message
      ticket {
        id
        number
        status
        version
      }
    }
    ... on CounterNotOpen {
      message
      counterId
    }
    ... on InvalidInput {
      message
      fields {
        field
        code
        message
      }
    }
    ... on OfficeNotAllowed {
      message
    }
    ... on TicketNotFound {
      message
    }
  }
`);

/** What opening, pausing, resuming and closing a counter can answer. */
export const CounterOutcome = graphql(`
  fragment CounterOutcome on CounterResult {
    __typename
    ... on QueueCounter {
      id
      label
      session {
        id
        mine
        openedAt
        pausedAt
        staffName
      }
    }
    ... on CounterTaken {
      message
      openedBy
      openedAt
    }
    ... on CounterBusy {
      message
      ticket {
        id
        number
        status
        version
      }
    }
    ... on CounterNotOpen {
      message
      counterId
    }
    ... on CounterNotFound {
      message
    }
    ... on OfficeNotAllowed {
      message
    }
  }
`);
