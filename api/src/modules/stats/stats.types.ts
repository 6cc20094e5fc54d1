import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InvalidInput, OfficeNotAllowed } from '../../shared/results.types.js';
import { Granularity } from './stats-periods.js';

registerEnumType(Granularity, {
  name: 'StatisticsGranularity',
  description: 'How the statistics are split: office-local days, ISO weeks (Monday to Sunday) or calendar months.',
});

@ObjectType({ description: 'Count, mean, median and 90th percentile of durations in minutes (null when count is 0).' })
export class DurationSummary {
  @Field(() => Int)
  count: number;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Float, { nullable: true })
  median: number | null;

  @Field(() => Float, { nullable: true })
  p90: number | null;
}

@ObjectType({ description: 'Visitors (tickets) by how they came.' })
export class VisitorsByChannel {
  @Field(() => Int, { description: 'Checked-in appointments booked online.' })
  appointmentWeb: number;

  @Field(() => Int, { description: 'Checked-in appointments booked through a municipal portal.' })
  appointmentPortal: number;

  @Field(() => Int, { description: 'Checked-in appointments booked by the information desk.' })
  appointmentInfoDesk: number;

  @Field(() => Int, { description: 'Walk-in tickets drawn at the kiosk.' })
  walkInKiosk: number;

  @Field(() => Int, { description: 'Walk-in tickets issued by the information desk.' })
  walkInInfoDesk: number;
}

@ObjectType({ description: 'Service time of one service: single-service tickets, minutes per unit done.' })
export class ServiceTimeStatistics extends DurationSummary {
  @Field(() => ID)
  serviceId: string;

  @Field(() => String)
  serviceName: string;
}

@ObjectType({
  description:
    'How close the estimate given at ticket issue came to the first call, over the tickets that had one and were called.',
})
export class EstimateAccuracy {
  @Field(() => Int, { description: 'Tickets with an estimate at issue and a first call.' })
  count: number;

  @Field(() => Float, { nullable: true, description: 'Mean of |first call − expected call time|, minutes.' })
  meanAbsoluteError: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean of (first call − expected call time), minutes: positive when called later than told.',
  })
  bias: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) first called inside the range told at issue (10th–90th percentile), edges included.',
  })
  insideRange: number | null;
}

@ObjectType({ description: 'Estimate accuracy over all visitors, appointment visitors and walk-ins.' })
export class EstimateAccuracyByVisitor {
  @Field(() => EstimateAccuracy)
  all: EstimateAccuracy;

  @Field(() => EstimateAccuracy)
  appointment: EstimateAccuracy;

  @Field(() => EstimateAccuracy)
  walkIn: EstimateAccuracy;
}

@ObjectType({ description: 'The numbers of one period (or of the whole range).' })
export class PeriodStatistics {
  @Field(() => String, { description: 'First office-local date, YYYY-MM-DD.' })
  from: string;

  @Field(() => String, { description: 'Last office-local date, YYYY-MM-DD (inclusive).' })
  to: string;

  @Field(() => Int, { description: 'Tickets of the period (checked-in appointments and walk-ins).' })
  visitors: number;

  @Field(() => VisitorsByChannel)
  byChannel: VisitorsByChannel;

  @Field(() => DurationSummary, { description: 'Appointment visitors: later of arrival and start → first call.' })
  waitAppointment: DurationSummary;

  @Field(() => DurationSummary, { description: 'Walk-in visitors: arrival → first call.' })
  waitWalkIn: DurationSummary;

  @Field(() => [ServiceTimeStatistics])
  serviceTimes: ServiceTimeStatistics[];

  @Field(() => Int, { description: 'Tickets that ended as no-show (called, did not come).' })
  ticketNoShows: number;

  @Field(() => Int, { description: 'Booked appointments whose start passed without a check-in.' })
  missedAppointments: number;

  @Field(() => Float, {
    nullable: true,
    description: '(ticketNoShows + missedAppointments) / (visitors + missedAppointments); null with no visitors.',
  })
  noShowRate: number | null;

  @Field(() => Int, { description: 'Walk-in requests the closing guard refused (each attempt).' })
  walkInRefusals: number;

  @Field(() => Int, { description: 'Counter minutes after the day’s closing time, summed over counters.' })
  minutesPastClosing: number;

  @Field(() => Int, {
    description: 'Tickets still waiting or parked when their day ended, closed by the nightly job (left unserved).',
  })
  dayClosedWaiting: number;

  @Field(() => Int, {
    description:
      'Tickets still called or being served when their day ended, closed by the nightly job (never finished).',
  })
  dayClosedAtCounter: number;

  @Field(() => EstimateAccuracyByVisitor, {
    description: 'How honest the estimate shown at ticket issue was, against the first call.',
  })
  estimateAccuracy: EstimateAccuracyByVisitor;
}

@ObjectType({ description: 'Arrivals (tickets issued) in one office-local hour of day over the whole range.' })
export class HourLoad {
  @Field(() => Int, { description: '0–23, office-local.' })
  hour: number;

  @Field(() => Int)
  arrivals: number;
}

@ObjectType({ description: 'An office’s statistics for a range of office-local dates.' })
export class OfficeStatistics {
  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  officeName: string;

  @Field(() => String)
  timeZone: string;

  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;

  @Field(() => Granularity)
  granularity: Granularity;

  @Field(() => [PeriodStatistics])
  periods: PeriodStatistics[];

  @Field(() => PeriodStatistics)
  total: PeriodStatistics;

  @Field(() => [HourLoad])
  arrivalsByHour: HourLoad[];

  @Field(() => String, { description: 'The same numbers as CSV (comma separated, CRLF, dot decimals).' })
  csv: string;
}

export const OfficeStatisticsResult = createUnionType({
  name: 'OfficeStatisticsResult',
  types: () => [OfficeStatistics, InvalidInput, OfficeNotAllowed] as const,
});
