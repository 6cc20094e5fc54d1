import {
  Arg,
  type ClassType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import {
  allCatalogTexts,
  type CatalogTranslation as CatalogTranslationData,
  catalogTextFor,
  EASY_GERMAN,
} from './catalog-texts.js';
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

  @Field(() => [String], {
    description: 'The languages its kiosk offers visitors, German first: "de", and "en" when it offers English.',
  })
  languages: string[];
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

@ObjectType({ description: 'A service’s or document’s name and description in one language.' })
export class CatalogTranslation {
  @Field(() => String, {
    description: `"de" (German, binding, always there), "en" or "${EASY_GERMAN}" (Leichte Sprache).`,
  })
  language: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;
}

@ObjectType({
  description:
    'A service’s or document’s text for a reader: in the language asked for, or in German when the office wrote ' +
    'no such translation (`fallback`; show it marked as German, e.g. `lang="de"`).',
})
export class CatalogText {
  @Field(() => String, { description: 'The language of `name` and `description`: the one asked for, or "de".' })
  language: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => Boolean, { description: 'True when the text is German although another language was asked for.' })
  fallback: boolean;
}

/** What a type with catalog texts holds: the German name and description and the office's translations. */
export type Translatable = { name: string; description: string; translations?: CatalogTranslationData[] };

export const catalogTextsDescription =
  'German first, then the English and Leichte Sprache texts the office wrote (as LegalPage.texts).';
export const catalogTextDescription =
  `Name and description in \`language\` ("de", "en" or "${EASY_GERMAN}" for Leichte Sprache; "en-GB" counts as ` +
  '"en"), or the German text with `fallback: true` when there is no such translation.';

/**
 * The `texts` and `text(language)` fields of a type that carries catalog texts (Service, ServiceDocument and the
 * appointment's BookedService and AppointmentDocument). Add the returned resolver to the schema's resolvers.
 */
export function catalogTextFields<T extends Translatable>(type: ClassType<T>) {
  @Resolver(() => type)
  class CatalogTextFields {
    @FieldResolver(() => [CatalogTranslation], { description: catalogTextsDescription })
    texts(@Root() root: T): CatalogTranslation[] {
      return allCatalogTexts(root, root.translations);
    }

    @FieldResolver(() => CatalogText, { description: catalogTextDescription })
    text(@Root() root: T, @Arg('language', () => String, { defaultValue: 'de' }) language: string): CatalogText {
      return catalogTextFor(root, root.translations, language);
    }
  }
  return CatalogTextFields;
}

/**
 * `texts` and `text(language)` of a line that names a service by id and German name only (a ticket's services, the
 * call display's waits), loaded by the service's id. A service gone from the catalog keeps the line's German name.
 */
export function serviceLineTextFields<T extends { serviceId: string; name: string }>(type: ClassType<T>) {
  const textsOf = async (root: T, ctx: Context): Promise<Translatable> =>
    (await ctx.services.catalog.serviceTexts(root.serviceId)) ?? { name: root.name, description: '' };

  @Resolver(() => type)
  class ServiceLineTextFields {
    @FieldResolver(() => [CatalogTranslation], { description: catalogTextsDescription })
    async texts(@Root() root: T, @Ctx() ctx: Context): Promise<CatalogTranslation[]> {
      const service = await textsOf(root, ctx);
      return allCatalogTexts(service, service.translations);
    }

    @FieldResolver(() => CatalogText, { description: catalogTextDescription })
    async text(
      @Root() root: T,
      @Ctx() ctx: Context,
      @Arg('language', () => String, { defaultValue: 'de' }) language: string,
    ): Promise<CatalogText> {
      const service = await textsOf(root, ctx);
      return catalogTextFor(service, service.translations, language);
    }
  }
  return ServiceLineTextFields;
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

  /** Resolved into `texts` and `text(language)` (catalogTextFields). */
  translations?: CatalogTranslationData[];
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

  /** Resolved into `texts` and `text(language)` (catalogTextFields). */
  translations?: CatalogTranslationData[];
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
