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

/*
 * The other answers of the union results, one fragment per concrete type: the queue's mutations answer with
 * different unions (CallResult, TicketActionResult, CounterResult …) that share these members, so each result
 * spreads the ones its union has.
 */

export const StaleTicketFields = graphql(`
  fragment StaleTicketFields on StaleTicket {
    message
    ticket {
      ...QueueTicketFields
    }
  }
`);

export const NotAllowedFields = graphql(`
  fragment NotAllowedFields on NotAllowed {
    message
    action
    status
  }
`);

export const CounterBusyFields = graphql(`
  fragment CounterBusyFields on CounterBusy {
    message
    ticket {
      id
      number
      status
      version
    }
  }
`);

export const CounterNotOpenFields = graphql(`
  fragment CounterNotOpenFields on CounterNotOpen {
    message
    counterId
  }
`);

export const InvalidInputFields = graphql(`
  fragment InvalidInputFields on InvalidInput {
    message
    fields {
      field
      code
      message
    }
  }
`);

export const OfficeNotAllowedFields = graphql(`
  fragment OfficeNotAllowedFields on OfficeNotAllowed {
    message
  }
`);

export const TicketNotFoundFields = graphql(`
  fragment TicketNotFoundFields on TicketNotFound {
    message
  }
`);

export const QueueEmptyFields = graphql(`
  fragment QueueEmptyFields on QueueEmpty {
    message
    waiting
  }
`);

export const CounterPausedFields = graphql(`
  fragment CounterPausedFields on CounterPaused {
    message
    counterId
  }
`);

export const CounterTakenFields = graphql(`
  fragment CounterTakenFields on CounterTaken {
    message
    openedBy
    openedAt
  }
`);

export const CounterNotFoundFields = graphql(`
  fragment CounterNotFoundFields on CounterNotFound {
    message
  }
`);

/** A counter as opening, pausing, resuming and closing it answer. */
export const CounterSessionFields = graphql(`
  fragment CounterSessionFields on QueueCounter {
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
`);
