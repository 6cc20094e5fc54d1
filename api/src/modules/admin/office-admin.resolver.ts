import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { actorOf } from '../../shared/actor.js';
import { adminResult } from '../../shared/admin-results.js';
import { invalid } from '../../shared/results.types.js';
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
import {
  ClosureNotified,
  CreateOfficeResult,
  ExtraOpeningDay,
  ExtraOpeningDayResult,
  NewOfficeInput,
  NotifyClosureResult,
  OfficeAdministration,
  OfficeAdministrationResult,
  OfficeDetails,
  OfficeDetailsInput,
  OfficeDetailsResult,
} from './office-administration.types.js';

/**
 * The office administration: its read model and details (ADMIN everywhere, managers in their offices), settings,
 * opening hours, closures and extra days, and new offices (ADMIN).
 */
@Resolver()
export class OfficeAdminResolver {
  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Query(() => OfficeAdministrationResult, {
    description: 'An office’s details, settings, weekly hours and coming closures, as the administration shows them.',
  })
  async officeAdministration(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
  ): Promise<typeof OfficeAdministrationResult> {
    return adminResult(
      await ctx.services.officeAdmin.administration(actorOf(ctx.identity), officeId),
      OfficeAdministration,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => OfficeDetailsResult, {
    description:
      'Changes an office’s name, address, time zone, live notice or public phone and email; bookings follow at once.',
  })
  async updateOfficeDetails(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('input', () => OfficeDetailsInput) input: OfficeDetailsInput,
  ): Promise<typeof OfficeDetailsResult> {
    return adminResult(
      await ctx.services.officeAdmin.updateDetails(actorOf(ctx.identity), officeId, input),
      OfficeDetails,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => NotifyClosureResult, {
    description:
      'Cancels the booked appointments of a closed day (not begun, not checked in) and sends each citizen a mail ' +
      'that the office is closed. A second call cancels nothing more; a day without a closure is InvalidInput.',
  })
  async notifyClosureAffected(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('date', () => String, { description: 'Office-local date "YYYY-MM-DD" of a closure.' }) date: string,
  ): Promise<typeof NotifyClosureResult> {
    return adminResult(
      await ctx.services.officeAdmin.notifyClosureAffected(actorOf(ctx.identity), officeId, date),
      ClosureNotified,
    );
  }

  @Allow(Role.ADMIN)
  @Mutation(() => CreateOfficeResult, {
    description:
      'Sets up an office (admins only). It is listed for booking at once but has no hours, services or counters, ' +
      'so nothing can be booked until they are added.',
  })
  async createOffice(
    @Ctx() ctx: Context,
    @Arg('input', () => NewOfficeInput) input: NewOfficeInput,
  ): Promise<typeof CreateOfficeResult> {
    actorOf(ctx.identity);
    const outcome = await ctx.services.officeAdmin.createOffice(input);
    if (outcome.kind === 'ok') return Object.assign(new OfficeDetails(), outcome.value);
    return invalid(outcome.kind === 'invalid' ? outcome.problems : []);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => ExtraOpeningDayResult, {
    description:
      'Opens an office on a day (today or later) at these hours instead of its weekday’s, e.g. a Saturday, for ' +
      'appointments and walk-ins; replaces the day as a whole, an empty list removes it. A closure still wins.',
  })
  async setExtraOpeningDay(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('date', () => String, { description: 'Office-local date "YYYY-MM-DD".' }) date: string,
    @Arg('intervals', () => [TimeIntervalInput]) intervals: TimeIntervalInput[],
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<typeof ExtraOpeningDayResult> {
    const actor = actorOf(ctx.identity);
    return adminResult(
      await ctx.services.officeAdmin.setExtraDay(actor, officeId, date, intervals, note),
      ExtraOpeningDay,
    );
  }

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
