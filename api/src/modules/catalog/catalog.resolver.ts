import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { catalogTextFields, Office, OpeningHours, Service, ServiceDocument, SpecialDay } from './catalog.types.js';

@Resolver(() => Office)
export class CatalogResolver {
  @Public()
  @Query(() => [Office], { description: 'Offices open to the public, by name.' })
  offices(@Ctx() ctx: Context): Promise<Office[]> {
    return ctx.services.catalog.offices({ includeDisabled: false });
  }

  @Public()
  @Query(() => Office, {
    nullable: true,
    description: 'One public office by id or slug; null when unknown or disabled.',
  })
  office(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('slug', () => String, { nullable: true }) slug?: string,
  ): Promise<Office | null> {
    return ctx.services.catalog.office({ id: id ?? undefined, slug: slug ?? undefined }, { includeDisabled: false });
  }

  @FieldResolver(() => [Service], { description: 'Active services with the documents each needs.' })
  services(@Root() office: Office, @Ctx() ctx: Context): Promise<Service[]> {
    return ctx.loaders.services.load(office.id);
  }

  @FieldResolver(() => [SpecialDay], {
    description:
      'Days from today through the booking horizon that differ from the weekly opening hours, by date: public holidays and closures on days the office would open, and extra opening days.',
  })
  specialDays(@Root() office: Office, @Ctx() ctx: Context): Promise<SpecialDay[]> {
    return ctx.services.catalog.specialDays(office.id);
  }

  @FieldResolver(() => [OpeningHours])
  openingHours(@Root() office: Office, @Ctx() ctx: Context): Promise<OpeningHours[]> {
    return ctx.loaders.openingHours.load(office.id);
  }
}

/** Service.texts and Service.text(language). */
export const ServiceTextResolver = catalogTextFields(Service);
/** ServiceDocument.texts and ServiceDocument.text(language). */
export const ServiceDocumentTextResolver = catalogTextFields(ServiceDocument);
