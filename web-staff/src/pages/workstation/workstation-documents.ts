import { graphql } from '../../gql';

/** The office's counters: who has which open, what they serve, how many wait for them. */
export const QueueCountersQuery = graphql(`
  query WorkstationCounters($officeId: ID!) {
    queueCounters(officeId: $officeId) {
      id
      label
      waitingCount
      services {
        id
        name
      }
      session {
        id
        mine
        openedAt
        pausedAt
        staffName
      }
      current {
        id
        number
        status
      }
    }
  }
`);

/** One counter at work: its current ticket (with the appointment's documents), its queue, the parked tickets. */
export const WorkstationQuery = graphql(`
  query Workstation($counterId: ID!) {
    workstation(counterId: $counterId) {
      openCounters
      counter {
        id
        label
        waitingCount
        services {
          id
          name
        }
        session {
          id
          mine
          openedAt
          pausedAt
          staffName
        }
        current {
          ...QueueTicketFields
          appointment {
            id
            reference
            startsAt
            citizenName
            documents {
              documentId
              name
              mandatory
              uploadable
              uploads {
                id
                fileName
                mediaType
                sizeBytes
                checkState
                checkMessage
              }
            }
          }
        }
      }
      waiting {
        ...QueueTicketFields
      }
      parked {
        ...QueueTicketFields
      }
    }
  }
`);

export const OpenCounterMutation = graphql(`
  mutation OpenCounter($counterId: ID!, $takeOver: Boolean!) {
    openCounter(counterId: $counterId, takeOver: $takeOver) {
      __typename
      ...CounterSessionFields
      ...CounterTakenFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...CounterNotFoundFields
      ...OfficeNotAllowedFields
    }
  }
`);

export const CloseCounterMutation = graphql(`
  mutation CloseCounter($counterId: ID!) {
    closeCounter(counterId: $counterId) {
      __typename
      ...CounterSessionFields
      ...CounterTakenFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...CounterNotFoundFields
      ...OfficeNotAllowedFields
    }
  }
`);

export const PauseCounterMutation = graphql(`
  mutation PauseCounter($counterId: ID!) {
    pauseCounter(counterId: $counterId) {
      __typename
      ...CounterSessionFields
      ...CounterTakenFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...CounterNotFoundFields
      ...OfficeNotAllowedFields
    }
  }
`);

export const ResumeCounterMutation = graphql(`
  mutation ResumeCounter($counterId: ID!) {
    resumeCounter(counterId: $counterId) {
      __typename
      ...CounterSessionFields
      ...CounterTakenFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...CounterNotFoundFields
      ...OfficeNotAllowedFields
    }
  }
`);

export const CallNextMutation = graphql(`
  mutation CallNextTicket($counterId: ID!) {
    callNextTicket(counterId: $counterId) {
      __typename
      ...QueueTicketFields
      ...StaleTicketFields
      ...NotAllowedFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...InvalidInputFields
      ...OfficeNotAllowedFields
      ...TicketNotFoundFields
      ...QueueEmptyFields
      ...CounterPausedFields
    }
  }
`);

export const CallTicketMutation = graphql(`
  mutation CallTicket($counterId: ID!, $ticketId: ID!, $version: Int!) {
    callTicket(counterId: $counterId, ticketId: $ticketId, version: $version) {
      __typename
      ...QueueTicketFields
      ...StaleTicketFields
      ...NotAllowedFields
      ...CounterBusyFields
      ...CounterNotOpenFields
      ...InvalidInputFields
      ...OfficeNotAllowedFields
      ...TicketNotFoundFields
      ...QueueEmptyFields
      ...CounterPausedFields
    }
  }
`);

export const RecallMutation = graphql(`
  mutation RecallTicket($ticketId: ID!, $version: Int!) {
    recallTicket(ticketId: $ticketId, version: $version) {
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

export const StartServingMutation = graphql(`
  mutation StartServing($ticketId: ID!, $version: Int!) {
    startServing(ticketId: $ticketId, version: $version) {
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

export const FinishMutation = graphql(`
  mutation FinishTicket($ticketId: ID!, $version: Int!, $services: [ServiceChoiceInput!]!) {
    finishTicket(ticketId: $ticketId, version: $version, services: $services) {
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

export const NoShowMutation = graphql(`
  mutation MarkNoShow($ticketId: ID!, $version: Int!) {
    markNoShow(ticketId: $ticketId, version: $version) {
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

export const ParkMutation = graphql(`
  mutation ParkTicket($ticketId: ID!, $version: Int!) {
    parkTicket(ticketId: $ticketId, version: $version) {
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

export const TransferMutation = graphql(`
  mutation TransferTicket($ticketId: ID!, $version: Int!, $services: [ServiceChoiceInput!]!, $counterId: ID) {
    transferTicket(ticketId: $ticketId, version: $version, services: $services, counterId: $counterId) {
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

export const UndoMutation = graphql(`
  mutation UndoTicketAction($ticketId: ID!, $version: Int!) {
    undoTicketAction(ticketId: $ticketId, version: $version) {
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
