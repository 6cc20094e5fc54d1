import { graphql } from '../gql';

/** Everything the manage page shows; the booking's answer has the same shape, so it fills the cache at once. */
export const ManagedAppointmentFields = graphql(`
  fragment ManagedAppointmentFields on Appointment {
    id
    reference
    status
    changeable
    startsAt
    endsAt
    cancelledAt
    citizenName
    email
    phone
    language
    checkInCode
    checkInQrSvg
    calendar
    officeId
    office {
      id
      slug
      name
      timeZone
      horizonDays
      address {
        street
        postalCode
        city
      }
      contact {
        phone
        phoneUri
        email
      }
    }
    services {
      serviceId
      name
      count
      durationMinutes
      texts {
        language
        name
        description
      }
    }
    documents {
      documentId
      name
      description
      mandatory
      uploadable
      texts {
        language
        name
        description
      }
      uploads {
        id
        fileName
        checkState
        checkMessage
      }
    }
  }
`);

export const ManagedAppointmentQuery = graphql(`
  query ManagedAppointment($token: String!) {
    appointmentByToken(token: $token) {
      __typename
      ... on Appointment {
        ...ManagedAppointmentFields
      }
    }
  }
`);

/** A file uploaded later through the manage link takes the place of the document's files (api: document-check). */
export const ReplaceUploadMutation = graphql(`
  mutation ReplaceAppointmentUpload($token: String!, $uploadId: ID!) {
    replaceAppointmentUpload(token: $token, uploadId: $uploadId) {
      __typename
      ... on Appointment {
        ...ManagedAppointmentFields
      }
      ... on InvalidInput {
        fields {
          field
          code
        }
      }
      ... on AppointmentNotChangeable {
        reason
      }
    }
  }
`);

/** The manage link: the token only in the fragment, which browsers never send to a server. */
export function manageUrl(token: string): string {
  return `${window.location.origin}${import.meta.env.BASE_URL}verwaltung#${token}`;
}
