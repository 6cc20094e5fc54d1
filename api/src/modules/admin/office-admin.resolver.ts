import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { actorOf } from '../../shared/actor.js';
import { adminResult } from '../../shared/admin-results.js';
import { Role } from '../../shared/role.js';
import { HoursKind } from '../catalog/opening-hours.entity.js';
import {
  AddClosureResult,
  OfficeClosure,
  OfficeClosureRemoved,
  OfficeSettings,
  OfficeSettingsInput,
  OfficeSettingsResult,
  OpeningHoursResult,
  RemoveClosureResult,
  TimeIntervalInput,
  WeekdayHours,
} from './admin.types.js';

/** Office settings, opening hours and closures: ADMIN everywhere, office managers in their own offices. */
@Resolver()
export class OfficeAdminResolver {
  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => OfficeSettingsResult, {
    description: 'Changes an office’s queue and booking settings; new bookings follow at once.',
  })
  async updateOfficeSettings(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('input', () => OfficeSettingsInput) input: OfficeSettingsInput,
  ): Promise<typeof OfficeSettingsResult> {
    return adminResult(
      await ctx.services.officeAdmin.updateSettings(actorOf(ctx.identity), officeId, input),
      OfficeSettings,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => OpeningHoursResult, {
    description:
      'Replaces one weekday’s intervals of one kind (opening or appointment hours); an empty list closes that weekday. ' +
      'An office without any appointment hours books within its opening hours.',
  })
  async setOpeningHours(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('kind', () => HoursKind) kind: HoursKind,
    @Arg('weekday', () => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' }) weekday: number,
    @Arg('intervals', () => [TimeIntervalInput]) intervals: TimeIntervalInput[],
  ): Promise<typeof OpeningHoursResult> {
    const actor = actorOf(ctx.identity);
    return adminResult(
      await ctx.services.officeAdmin.setOpeningHours(actor, officeId, kind, weekday, intervals),
      WeekdayHours,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => AddClosureResult, {
    description:
      'Closes an office on a day (today or later). Booked appointments on that day are counted in the result, ' +
      'not cancelled.',
  })
  async addOfficeClosure(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('date', () => String, { description: 'Office-local date "YYYY-MM-DD".' }) date: string,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<typeof AddClosureResult> {
    return adminResult(
      await ctx.services.officeAdmin.addClosure(actorOf(ctx.identity), officeId, date, note),
      OfficeClosure,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => RemoveClosureResult, { description: 'Opens an office again on a day it was closed on.' })
  async removeOfficeClosure(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('date', () => String, { description: 'Office-local date "YYYY-MM-DD".' }) date: string,
  ): Promise<typeof RemoveClosureResult> {
    return adminResult(
      await ctx.services.officeAdmin.removeClosure(actorOf(ctx.identity), officeId, date),
      OfficeClosureRemoved,
    );
  }
}
