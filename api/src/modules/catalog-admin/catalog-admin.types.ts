/** GraphQL types of catalog administration: services, required documents and counters of an office (staff only). */
import { createUnionType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ExpectedError, InvalidInput, OfficeNotAllowed } from '../../shared/results.types.js';
import { TimeIntervalInput } from '../admin/admin.types.js';
import { CatalogTranslation, TimeInterval } from '../catalog/catalog.types.js';

@InputType({ description: 'A document a service needs, and whether it is mandatory for that service.' })
export class ServiceDocumentInput {
  @Field(() => ID)
  documentId: string;

  @Field(() => Boolean)
  mandatory: boolean;
}

@InputType({
  description:
    'A name and description in English ("en") or Leichte Sprache ("de-x-ls"). Both left empty: no such translation. ' +
    'A name is required otherwise, and a description when the German text has one.',
})
export class CatalogTranslationInput {
  @Field(() => String)
  language: string;

  @Field(() => String, { nullable: true, description: '1–120 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  description?: string | null;
}

const translationsField = () =>
  Field(() => [CatalogTranslationInput], {
    nullable: true,
    description: 'English and Leichte Sprache texts, each language once; left out (null): they stay as they are.',
  });

@InputType({ description: 'All fields of a service; an update replaces them (and its list of documents) as a whole.' })
export class ServiceInput {
  @Field(() => String, { description: '1–120 characters, unique in the office.' })
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required: 1–480 minutes.' })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'LeiKa key: 14 digits, or empty.' })
  leikaKey?: string | null;

  @Field(() => Boolean)
  bookableOnline: boolean;

  @Field(() => Boolean)
  walkInAllowed: boolean;

  @Field(() => Int, { nullable: true, description: '1–20; 1 when left out.' })
  maxPerBooking?: number | null;

  @Field(() => [ServiceDocumentInput], { nullable: true, description: 'In the order visitors should read them.' })
  documents?: ServiceDocumentInput[] | null;

  @translationsField()
  translations?: CatalogTranslationInput[] | null;
}

@InputType({ description: 'All fields of a required document (Unterlage).' })
export class RequiredDocumentInput {
  @Field(() => String, { description: '1–120 characters, unique in the office.' })
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { description: 'Citizens can upload it ahead of the visit.' })
  uploadable: boolean;

  @translationsField()
  translations?: CatalogTranslationInput[] | null;
}

@InputType({ description: 'When a counter takes appointments on one weekday.' })
export class CounterHoursInput {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday: number;

  @Field(() => [TimeIntervalInput], { description: 'Empty: no appointments on that weekday.' })
  intervals: TimeIntervalInput[];
}

@InputType({ description: 'All fields of a counter (Schalter); an update replaces its services and hours.' })
export class CounterInput {
  @Field(() => String, { description: 'What the display says, 1–20 characters, unique in the office.' })
  label: string;

  @Field(() => [ID], { description: 'At least one service of the office.' })
  serviceIds: string[];

  @Field(() => [CounterHoursInput], {
    nullable: true,
    description: 'Weekdays with appointment hours; none at all: appointments whenever the office takes them.',
  })
  hours?: CounterHoursInput[] | null;
}

@ObjectType({ description: 'A document as one service needs it.' })
export class AdminServiceDocument {
  @Field(() => ID)
  documentId: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  mandatory: boolean;
}

@ObjectType({ description: 'A service as staff administer it, inactive ones included.' })
export class AdminService {
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

  @Field(() => [CatalogTranslation], {
    description: 'English and Leichte Sprache texts the office wrote (not German).',
  })
  translations: CatalogTranslation[];

  @Field(() => String, { nullable: true })
  leikaKey: string | null;

  @Field(() => Boolean)
  bookableOnline: boolean;

  @Field(() => Boolean)
  walkInAllowed: boolean;

  @Field(() => Int)
  maxPerBooking: number;

  @Field(() => Boolean, { description: 'Inactive services are hidden from booking, kiosks and the queue.' })
  active: boolean;

  @Field(() => [AdminServiceDocument])
  documents: AdminServiceDocument[];

  @Field(() => [ID], { description: 'The counters that handle it.' })
  counterIds: string[];

  @Field(() => Int, { description: 'Booked appointments still to come that include it.' })
  futureAppointments: number;

  @Field(() => Boolean, { description: 'Nothing refers to it, so it can be deleted (otherwise deactivate it).' })
  deletable: boolean;
}

@ObjectType({ description: 'A required document (Unterlage) as staff administer it, inactive ones included.' })
export class AdminDocument {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Boolean)
  uploadable: boolean;

  @Field(() => [CatalogTranslation], {
    description: 'English and Leichte Sprache texts the office wrote (not German).',
  })
  translations: CatalogTranslation[];

  @Field(() => Boolean, { description: 'Inactive documents are no longer listed to citizens.' })
  active: boolean;

  @Field(() => [ID], { description: 'The services that need it.' })
  serviceIds: string[];

  @Field(() => Boolean)
  deletable: boolean;
}

@ObjectType({ description: 'When a counter takes appointments on one weekday.' })
export class CounterWeekdayHours {
  @Field(() => Int)
  weekday: number;

  @Field(() => [TimeInterval])
  intervals: TimeInterval[];
}

@ObjectType({ description: 'A counter (Schalter) as staff administer it, inactive ones included.' })
export class AdminCounter {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  officeId: string;

  @Field(() => String)
  label: string;

  @Field(() => Boolean, { description: 'Inactive counters take no appointments and cannot be opened.' })
  active: boolean;

  @Field(() => [ID])
  serviceIds: string[];

  @Field(() => [CounterWeekdayHours], { description: 'Empty: appointments whenever the office takes them.' })
  hours: CounterWeekdayHours[];

  @Field(() => Int, { description: 'Booked appointments still to come at this counter.' })
  futureAppointments: number;

  @Field(() => Boolean)
  deletable: boolean;
}

@ObjectType({ description: 'An office’s services, required documents and counters, active or not.' })
export class OfficeCatalog {
  @Field(() => ID)
  officeId: string;

  @Field(() => [AdminService])
  services: AdminService[];

  @Field(() => [AdminDocument])
  documents: AdminDocument[];

  @Field(() => [AdminCounter])
  counters: AdminCounter[];
}

@ObjectType({
  implements: ExpectedError,
  description:
    'The item is still referred to; nothing was changed. IN_USE: it was used (delete refused, deactivate it instead). ' +
    'FUTURE_APPOINTMENTS: booked appointments still to come need it (cancel or move them first).',
})
export class CatalogItemInUse implements ExpectedError {
  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;

  @Field(() => Int)
  appointments: number;

  @Field(() => Int)
  tickets: number;

  @Field(() => Int)
  uploads: number;

  @Field(() => Int, { description: 'For a document: the services that need it.' })
  services: number;
}

@ObjectType({ description: 'The item is gone.' })
export class CatalogItemDeleted {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  officeId: string;
}

export const OfficeCatalogResult = createUnionType({
  name: 'OfficeCatalogResult',
  types: () => [OfficeCatalog, InvalidInput, OfficeNotAllowed] as const,
});

export const ServiceAdminResult = createUnionType({
  name: 'ServiceAdminResult',
  types: () => [AdminService, InvalidInput, OfficeNotAllowed, CatalogItemInUse] as const,
});

export const DocumentAdminResult = createUnionType({
  name: 'DocumentAdminResult',
  types: () => [AdminDocument, InvalidInput, OfficeNotAllowed, CatalogItemInUse] as const,
});

export const CounterAdminResult = createUnionType({
  name: 'CounterAdminResult',
  types: () => [AdminCounter, InvalidInput, OfficeNotAllowed, CatalogItemInUse] as const,
});

export const DeleteCatalogItemResult = createUnionType({
  name: 'DeleteCatalogItemResult',
  types: () => [CatalogItemDeleted, CatalogItemInUse, InvalidInput, OfficeNotAllowed] as const,
});
