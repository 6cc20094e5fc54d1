import { graphql } from '../../../gql';

export const OfficeAdministrationQuery = graphql(`
  query OfficeAdministration($officeId: ID!) {
    officeAdministration(officeId: $officeId) {
      __typename
      ... on OfficeAdministration {
        officeId
        today
        details {
          officeId
          name
          slug
          street
          postalCode
          city
          timeZone
          notice
          phone
          email
          languages
        }
        settings {
          ...OfficeSettingsFields
        }
        openingHours {
          ...WeekdayHoursFields
        }
        appointmentHours {
          ...WeekdayHoursFields
        }
        closures {
          date
          note
          affectedAppointments
        }
        extraDays {
          date
          note
          intervals {
            opensAt
            closesAt
          }
        }
      }
      ... on OfficeNotAllowed {
        message
      }
      ... on InvalidInput {
        message
      }
    }
  }
`);

graphql(`
  fragment OfficeSettingsFields on OfficeSettings {
    officeId
    slotMinutes
    leadMinutes
    horizonDays
    checkInLateMinutes
    priorityMinutes
    maxCalls
    closingBufferMinutes
    holidayRegion
  }
`);

graphql(`
  fragment WeekdayHoursFields on WeekdayHours {
    officeId
    kind
    weekday
    intervals {
      opensAt
      closesAt
    }
  }
`);

export const UpdateOfficeDetailsMutation = graphql(`
  mutation UpdateOfficeDetails($officeId: ID!, $input: OfficeDetailsInput!) {
    updateOfficeDetails(officeId: $officeId, input: $input) {
      __typename
      ... on OfficeDetails {
        officeId
        name
        slug
        street
        postalCode
        city
        timeZone
        notice
        phone
        email
        languages
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const UpdateOfficeSettingsMutation = graphql(`
  mutation UpdateOfficeSettings($officeId: ID!, $input: OfficeSettingsInput!) {
    updateOfficeSettings(officeId: $officeId, input: $input) {
      __typename
      ... on OfficeSettings {
        ...OfficeSettingsFields
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const SetOpeningHoursMutation = graphql(`
  mutation SetOpeningHours($officeId: ID!, $kind: HoursKind!, $weekday: Int!, $intervals: [TimeIntervalInput!]!) {
    setOpeningHours(officeId: $officeId, kind: $kind, weekday: $weekday, intervals: $intervals) {
      __typename
      ... on WeekdayHours {
        ...WeekdayHoursFields
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const AddOfficeClosureMutation = graphql(`
  mutation AddOfficeClosure($officeId: ID!, $date: String!, $note: String) {
    addOfficeClosure(officeId: $officeId, date: $date, note: $note) {
      __typename
      ... on OfficeClosure {
        date
        note
        affectedAppointments
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const RemoveOfficeClosureMutation = graphql(`
  mutation RemoveOfficeClosure($officeId: ID!, $date: String!) {
    removeOfficeClosure(officeId: $officeId, date: $date) {
      __typename
      ... on OfficeClosureRemoved {
        date
        removed
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const NotifyClosureAffectedMutation = graphql(`
  mutation NotifyClosureAffected($officeId: ID!, $date: String!) {
    notifyClosureAffected(officeId: $officeId, date: $date) {
      __typename
      ... on ClosureNotified {
        date
        cancelled
        remaining
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);

export const CreateOfficeMutation = graphql(`
  mutation CreateOffice($input: NewOfficeInput!) {
    createOffice(input: $input) {
      __typename
      ... on OfficeDetails {
        officeId
        slug
        name
      }
      ...InvalidInputFields
    }
  }
`);

export const SetExtraOpeningDayMutation = graphql(`
  mutation SetExtraOpeningDay($officeId: ID!, $date: String!, $intervals: [TimeIntervalInput!]!, $note: String) {
    setExtraOpeningDay(officeId: $officeId, date: $date, intervals: $intervals, note: $note) {
      __typename
      ... on ExtraOpeningDay {
        date
        note
        intervals {
          opensAt
          closesAt
        }
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }
`);
