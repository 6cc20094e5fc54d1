/** GraphQL types of the office administration pages: the page's read model and the office details (staff only). */
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { InvalidInput, OfficeNotAllowed } from '../../shared/results.types.js';
import { TimeInterval } from '../catalog/catalog.types.js';
import { OfficeClosure, OfficeSettings, WeekdayHours } from './admin.types.js';

@InputType({ description: 'Office details to change; fields left out (or null) stay as they are.' })
export class OfficeDetailsInput {
  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Street and number, at most 100 characters.' })
  street?: string | null;

  @Field(() => String, { nullable: true, description: 'German postal code, five digits.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. "Europe/Berlin".' })
  timeZone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Live notice for visitors, at most 200 characters; an empty text removes it.',
  })
  notice?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Public phone for citizens, 6–15 digits with spaces, "+", "/", "-", "()"; an empty text removes it.',
  })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Public email address for citizens; an empty text removes it.' })
  email?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The languages the kiosk offers: "de" (always) and "en"; each once.',
  })
  languages?: string[] | null;
}

@ObjectType({ description: 'An office’s name, address, time zone, live notice and public contact.' })
export class OfficeDetails {
  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Readable key in URLs; not changeable.' })
  slug: string;

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => String)
  street: string;

  @Field(() => String)
  postalCode: string;

  @Field(() => String)
  city: string;

  @Field(() => String)
  timeZone: string;

  @Field(() => String, { nullable: true })
  notice: string | null;

  @Field(() => String, { nullable: true, description: 'Public phone, as the office writes it.' })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Public email address.' })
  email: string | null;

  @Field(() => [String], { description: 'The languages its kiosk offers, German first.' })
  languages: string[];
}

@ObjectType({ description: 'An extra opening day: the office opens at these hours instead of its weekday’s.' })
export class ExtraOpeningDay {
  @Field(() => ID)
  officeId: string;

  @Field(() => String, { description: 'Office-local date "YYYY-MM-DD".' })
  date: string;

  @Field(() => String)
  note: string;

  @Field(() => [TimeInterval], { description: 'In order of start; empty when the extra day was removed.' })
  intervals: TimeInterval[];
}

@ObjectType({ description: 'Everything the office administration pages show about one office.' })
export class OfficeAdministration {
  @Field(() => ID)
  officeId: string;

  @Field(() => String, { description: 'Today in the office’s time zone, "YYYY-MM-DD".' })
  today: string;

  @Field(() => OfficeDetails)
  details: OfficeDetails;

  @Field(() => OfficeSettings)
  settings: OfficeSettings;

  @Field(() => [WeekdayHours], { description: 'Opening hours, one entry per weekday 1–7 (empty intervals: closed).' })
  openingHours: WeekdayHours[];

  @Field(() => [WeekdayHours], {
    description:
      'Appointment hours, one entry per weekday 1–7. When no weekday has any, appointments follow the opening hours.',
  })
  appointmentHours: WeekdayHours[];

  @Field(() => [OfficeClosure], { description: 'Closures from today on, by date, with their booked appointments.' })
  closures: OfficeClosure[];

  @Field(() => [ExtraOpeningDay], { description: 'Extra opening days from today on, by date.' })
  extraDays: ExtraOpeningDay[];
}

export const OfficeAdministrationResult = createUnionType({
  name: 'OfficeAdministrationResult',
  types: () => [OfficeAdministration, InvalidInput, OfficeNotAllowed] as const,
});

export const OfficeDetailsResult = createUnionType({
  name: 'OfficeDetailsResult',
  types: () => [OfficeDetails, InvalidInput, OfficeNotAllowed] as const,
});

@ObjectType({ description: 'The booked appointments of a closed day were cancelled and their citizens notified.' })
export class ClosureNotified {
  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  date: string;

  @Field(() => Int, { description: 'Appointments cancelled now, each with an “office closed” mail; 0 when repeated.' })
  cancelled: number;

  @Field(() => Int, {
    description: 'Booked appointments of the day left as they are: already begun or checked in.',
  })
  remaining: number;
}

export const NotifyClosureResult = createUnionType({
  name: 'NotifyClosureResult',
  types: () => [ClosureNotified, InvalidInput, OfficeNotAllowed] as const,
});

@InputType({ description: 'A new office; it starts with no hours, services or counters.' })
export class NewOfficeInput {
  @Field(() => String, { description: 'At most 100 characters.' })
  name: string;

  @Field(() => String, {
    description:
      'Key in URLs, not changeable: 3–40 lower-case letters, digits and single hyphens, starting with a letter.',
  })
  slug: string;

  @Field(() => String)
  street: string;

  @Field(() => String, { description: 'German postal code, five digits.' })
  postalCode: string;

  @Field(() => String)
  city: string;

  @Field(() => String, { defaultValue: 'Europe/Berlin', description: 'IANA time zone.' })
  timeZone: string;

  @Field(() => String, { nullable: true, description: 'Federal state for public holidays, e.g. "BW" (the default).' })
  holidayRegion?: string | null;
}

export const CreateOfficeResult = createUnionType({
  name: 'CreateOfficeResult',
  types: () => [OfficeDetails, InvalidInput] as const,
});

export const ExtraOpeningDayResult = createUnionType({
  name: 'ExtraOpeningDayResult',
  types: () => [ExtraOpeningDay, InvalidInput, OfficeNotAllowed] as const,
});
