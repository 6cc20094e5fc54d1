import { graphql } from '../../gql';

export const OfficeStatisticsQuery = graphql(`
  query OfficeStatistics($officeId: ID!, $from: String!, $to: String!, $granularity: StatisticsGranularity!) {
    officeStatistics(officeId: $officeId, from: $from, to: $to, granularity: $granularity) {
      __typename
      ... on OfficeStatistics {
        officeName
        from
        to
        granularity
        csv
        periods {
          ...PeriodStatisticsFields
        }
        total {
          ...PeriodStatisticsFields
        }
        arrivalsByHour {
          hour
          arrivals
        }
      }
      ...InvalidInputFields
      ... on OfficeNotAllowed {
        message
      }
    }
  }

  fragment DurationSummaryFields on DurationSummary {
    count
    mean
    median
    p90
  }

  fragment PeriodStatisticsFields on PeriodStatistics {
    from
    to
    visitors
    byChannel {
      appointmentWeb
      appointmentPortal
      appointmentInfoDesk
      walkInKiosk
      walkInInfoDesk
    }
    waitAppointment {
      ...DurationSummaryFields
    }
    waitWalkIn {
      ...DurationSummaryFields
    }
    serviceTimes {
      serviceId
      serviceName
      count
      mean
      median
      p90
    }
    ticketNoShows
    missedAppointments
    noShowRate
    walkInRefusals
    minutesPastClosing
    dayClosedWaiting
    dayClosedAtCounter
    estimateAccuracy {
      all {
        ...EstimateAccuracyFields
      }
      appointment {
        ...EstimateAccuracyFields
      }
      walkIn {
        ...EstimateAccuracyFields
      }
    }
  }

  fragment EstimateAccuracyFields on EstimateAccuracy {
    count
    meanAbsoluteError
    bias
    insideRange
  }
`);
