import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { actorOf } from '../../shared/actor.js';
import { invalid, officeNotAllowed } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import type { OfficeStatisticsView } from './stats.service.js';
import { OfficeStatistics, OfficeStatisticsResult, type PeriodStatistics } from './stats.types.js';
import { statisticsCsv } from './stats-csv.js';
import type { PeriodFigures } from './stats-figures.js';
import { Granularity } from './stats-periods.js';

/** Office statistics for office managers (their offices) and admins. */
@Resolver()
export class StatsResolver {
  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Query(() => OfficeStatisticsResult, {
    description: 'An office’s statistics per period and in total, from recorded timestamps; at most 366 days.',
  })
  async officeStatistics(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('from', () => String, { description: 'First office-local date, YYYY-MM-DD.' }) from: string,
    @Arg('to', () => String, { description: 'Last office-local date, YYYY-MM-DD (inclusive).' }) to: string,
    @Arg('granularity', () => Granularity, { defaultValue: Granularity.DAY }) granularity: Granularity,
  ): Promise<typeof OfficeStatisticsResult> {
    const outcome = await ctx.services.stats.officeStatistics(actorOf(ctx.identity), {
      officeId,
      from,
      to,
      granularity,
    });
    if (outcome.kind === 'invalid') return invalid(outcome.problems);
    if (outcome.kind === 'officeNotAllowed') return officeNotAllowed();
    return officeStatistics(outcome.statistics);
  }
}

function officeStatistics(v: OfficeStatisticsView): OfficeStatistics {
  const period = (p: PeriodFigures): PeriodStatistics => ({
    ...p,
    byChannel: {
      appointmentWeb: p.byChannel.APPOINTMENT_WEB,
      appointmentPortal: p.byChannel.APPOINTMENT_PORTAL,
      appointmentInfoDesk: p.byChannel.APPOINTMENT_INFO_DESK,
      walkInKiosk: p.byChannel.WALK_IN_KIOSK,
      walkInInfoDesk: p.byChannel.WALK_IN_INFO_DESK,
    },
    serviceTimes: p.serviceTimes.map((s) => ({ ...s, serviceName: v.serviceNames.get(s.serviceId) ?? '' })),
  });
  return Object.assign(new OfficeStatistics(), {
    officeId: v.officeId,
    officeName: v.officeName,
    timeZone: v.timeZone,
    from: v.from,
    to: v.to,
    granularity: v.granularity,
    periods: v.figures.periods.map(period),
    total: period(v.figures.total),
    arrivalsByHour: v.figures.arrivalsByHour.map((arrivals, hour) => ({ hour, arrivals })),
    csv: statisticsCsv({ officeName: v.officeName, figures: v.figures, serviceNames: v.serviceNames }),
  });
}
