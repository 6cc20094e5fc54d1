/** GraphQL types of office administration (staff only). */
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { InvalidInput, OfficeNotAllowed } from '../../shared/results.types.js';
import { TimeInterval } from '../catalog/catalog.types.js';
import { HoursKind } from '../catalog/opening-hours.entity.js';

@InputType({ description: 'Queue and booking settings to change; fields left out (or null) stay as they are.' })
export class OfficeSettingsInput {
  @Field(() => Int, { nullable: true, description: 'Grid of bookable start times in minutes (1–60).' })
  slotMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minimum minutes between booking and start (0–10080).' })
  leadMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many days ahead appointments can be booked (1–366).' })
  horizonDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Check-in closes this many minutes after the start (0–120).' })
  checkInLateMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'How far priority moves a ticket ahead, in minutes (0–240).' })
  priorityMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Calls before a visitor who does not come is a no-show (1–10).' })
  maxCalls?: number | null;

  @Field(() => Int, { nullable: true, description: 'Closing guard: minutes kept free before closing (0–240).' })
  closingBufferMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Federal state whose holidays close the office, e.g. "BW".' })
  holidayRegion?: string | null;
}

@ObjectType({ description: 'An office’s queue and booking settings.' })
export class OfficeSettings {
  @Field(() => ID)
  officeId: string;

  @Field(() => Int)
  slotMinutes: number;

  @Field(() => Int)
  leadMinutes: number;

  @Field(() => Int)
  horizonDays: number;

  @Field(() => Int)
  checkInLateMinutes: number;

  @Field(() => Int)
  priorityMinutes: number;

  @Field(() => Int)
  maxCalls: number;

  @Field(() => Int)
  closingBufferMinutes: number;

  @Field(() => String)
  holidayRegion: string;
}

@InputType({ description: 'One interval of a weekday in office-local time.' })
export class TimeIntervalInput {
  @Field(() => String, { description: '"HH:MM", 00:00–23:59.' })
  opensAt: string;

  @Field(() => String, { description: '"HH:MM", later than opensAt.' })
  closesAt: string;
}

@ObjectType({ description: 'The intervals of one kind of hours on one weekday, as now stored.' })
export class WeekdayHours {
  @Field(() => ID)
  officeId: string;

  @Field(() => HoursKind)
  kind: HoursKind;

  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday: number;

  @Field(() => [TimeInterval], { description: 'In order of start; empty when closed that day.' })
  intervals: TimeInterval[];
}

@ObjectType({ description: 'The office is closed on this day (besides the public holidays).' })
export class OfficeClosure {
  @Field(() => ID)
  officeId: string;

  @Field(() => String, { description: 'Office-local date "YYYY-MM-DD".' })
  date: string;

  @Field(() => String)
  note: string;

  @Field(() => Int, {
    description:
      'Booked appointments on this day. They are not cancelled by the closure; staff must move or cancel them.',
  })
  affectedAppointments: number;
}

@ObjectType({ description: 'The closure is gone (or there was none on that day).' })
export class OfficeClosureRemoved {
  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  date: string;

  @Field(() => Boolean, { description: 'False when the office had no closure on that day.' })
  removed: boolean;
}

export const OfficeSettingsResult = createUnionType({
  name: 'OfficeSettingsResult',
  types: () => [OfficeSettings, InvalidInput, OfficeNotAllowed] as const,
});

export const OpeningHoursResult = createUnionType({
  name: 'OpeningHoursResult',
  types: () => [WeekdayHours, InvalidInput, OfficeNotAllowed] as const,
});

export const AddClosureResult = createUnionType({
  name: 'AddClosureResult',
  types: () => [OfficeClosure, InvalidInput, OfficeNotAllowed] as const,
});

export const RemoveClosureResult = createUnionType({
  name: 'RemoveClosureResult',
  types: () => [OfficeClosureRemoved, InvalidInput, OfficeNotAllowed] as const,
});
