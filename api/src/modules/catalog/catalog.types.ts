import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HoursKind } from './opening-hours.entity.js';

registerEnumType(HoursKind, {
  name: 'HoursKind',
  description: 'OPEN: the building and queue; APPOINTMENTS: when appointments can be booked.',
});

@ObjectType({ description: 'Postal address of an office.' })
export class Address {
  @Field(() => String)
  street: string;

  @Field(() => String)
  postalCode: string;

  @Field(() => String)
  city: string;
}

@ObjectType({ description: 'How citizens reach an office; each part null when the office gives none.' })
export class OfficeContact {
  @Field(() => String, { nullable: true, description: 'Phone as the office writes it, e.g. "07231 39-0".' })
  phone: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The phone as a `tel:` link (RFC 3966, international form), e.g. "tel:+49723139".',
  })
  phoneUri: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType({ description: 'A place with its own queue, hours and counters (Dienststelle), e.g. the Bürgercentrum.' })
export class Office {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Stable readable key for URLs.' })
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'Disabled offices are listed to staff only.' })
  enabled: boolean;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Berlin.' })
  timeZone: string;

  @Field(() => Address)
  address: Address;

  @Field(() => OfficeContact)
  contact: OfficeContact;

  @Field(() => String, {
    description: 'A map of the address: an OpenStreetMap search (external site), computed from the address.',
  })
  mapUrl: string;

  @Field(() => String, { nullable: true, description: 'Live notice for visitors.' })
  notice: string | null;

  @Field(() => Int, { description: 'Appointments start on this grid of minutes after local midnight.' })
  slotMinutes: number;

  @Field(() => Int, { description: 'Minimum minutes between booking and start.' })
  leadMinutes: number;

  @Field(() => Int, { description: 'How many days ahead appointments can be booked.' })
  horizonDays: number;
}

@ObjectType({ description: 'One interval of a weekday in office-local time.' })
export class TimeInterval {
  @Field(() => String, { description: '"HH:MM".' })
  opensAt: string;

  @Field(() => String, { description: '"HH:MM".' })
  closesAt: string;
}

@ObjectType({
  description:
    'A day that differs from the weekly opening hours: closed (a public holiday or a closure the office announced) or an extra opening day with hours of its own.',
})
export class SpecialDay {
  @Field(() => String, { description: 'Office-local date YYYY-MM-DD.' })
  date: string;

  @Field(() => Boolean, { description: 'Closed all day; otherwise open at `hours` instead of the weekday’s hours.' })
  closed: boolean;

  @Field(() => String, {
    description: 'The reason given for a closure, else the holiday’s name (German); an extra day’s note. May be empty.',
  })
  reason: string;

  @Field(() => [TimeInterval], { description: 'The hours of an extra opening day, in time order; empty when closed.' })
  hours: TimeInterval[];
}

@ObjectType({
  description:
    'A document a visitor brings for a service (Unterlage). Whether it is mandatory depends on the service, so this type has no id of its own.',
})
export class ServiceDocument {
  @Field(() => ID, { description: 'The document; the same document can belong to several services.' })
  documentId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Boolean, { description: 'Without it the service cannot be done.' })
  mandatory: boolean;

  @Field(() => Boolean, { description: 'Can be uploaded ahead of the visit.' })
  uploadable: boolean;
}

@ObjectType({ description: 'What a visitor needs done (Dienstleistung / Anliegen).' })
export class Service {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Int)
  durationMinutes: number;

  @Field(() => String, { nullable: true, description: 'Key in the federal service catalogue (LeiKa).' })
  leikaKey: string | null;

  @Field(() => Boolean)
  bookableOnline: boolean;

  @Field(() => Boolean)
  walkInAllowed: boolean;

  @Field(() => Int, { description: 'How many of this service one booking may ask for (e.g. passports for a family).' })
  maxPerBooking: number;

  @Field(() => [ServiceDocument])
  requiredDocuments: ServiceDocument[];
}

@ObjectType({ description: 'One interval of one weekday, in office-local time.' })
export class OpeningHours {
  @Field(() => HoursKind)
  kind: HoursKind;

  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday: number;

  @Field(() => String, { description: 'Local time HH:MM.' })
  opensAt: string;

  @Field(() => String, { description: 'Local time HH:MM.' })
  closesAt: string;
}
