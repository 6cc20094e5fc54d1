import { graphql } from '../../gql';

/** The ticket as handed to the visitor: number, tracking link and its QR code, the wait. */
export const IssuedTicketFields = graphql(`
  fragment IssuedTicketFields on IssuedTicket {
    ticketId
    alreadyIssued
    trackingLink
    trackingQrSvg
    ticket {
      number
      status
      priority
      issuedAt
      services {
        serviceId
        name
        count
      }
      estimate {
        peopleAhead
        expectedCallAt
        earliestCallAt
        latestCallAt
      }
    }
  }
`);

export const DeskCheckInMutation = graphql(`
  mutation DeskCheckIn($code: String!, $officeId: ID!) {
    checkIn(code: $code, officeId: $officeId) {
      __typename
      ... on IssuedTicket {
        ...IssuedTicketFields
      }
      ... on CheckInTooEarly {
        message
        startsAt
      }
      ... on CheckInTooLate {
        message
        startsAt
        walkInServices {
          serviceId
          name
          count
        }
      }
      ... on CheckInCancelled {
        message
      }
      ... on CheckInWrongOffice {
        message
        officeName
      }
      ... on UnknownCode {
        message
      }
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const IssueWalkInMutation = graphql(`
  mutation IssueWalkIn($input: WalkInTicketInput!) {
    issueWalkInTicket(input: $input) {
      __typename
      ... on IssuedTicket {
        ...IssuedTicketFields
      }
      ... on WalkInClosed {
        message
        reason
        serviceIds
        nextAppointments
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const WalkInStatusQuery = graphql(`
  query DeskWalkInStatus($officeId: ID!) {
    walkInStatus(officeId: $officeId) {
      officeId
      officeOpen
      closesAt
      services {
        serviceId
        name
        durationMinutes
        open
        reason
        closedSince
        override
        predictedCallAt
        predictedFinishAt
      }
    }
  }
`);

export const SetWalkInOverrideMutation = graphql(`
  mutation SetWalkInOverride($officeId: ID!, $serviceId: ID!, $override: WalkInOverride) {
    setWalkInOverride(officeId: $officeId, serviceId: $serviceId, override: $override) {
      __typename
      ... on WalkInServiceStatus {
        serviceId
        open
        reason
        override
        closedSince
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const OfficeTicketsQuery = graphql(`
  query DeskOfficeTickets($officeId: ID!) {
    officeTickets(officeId: $officeId) {
      ...QueueTicketFields
    }
  }
`);
