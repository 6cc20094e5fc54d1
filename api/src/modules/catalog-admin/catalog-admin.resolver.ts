import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { actorOf } from '../../shared/actor.js';
import { adminResult } from '../../shared/admin-results.js';
import { Role } from '../../shared/role.js';
import type { CatalogOutcome } from './catalog-admin.service.js';
import {
  AdminCounter,
  AdminDocument,
  AdminService,
  CatalogItemDeleted,
  CatalogItemInUse,
  CounterAdminResult,
  CounterInput,
  DeleteCatalogItemResult,
  DocumentAdminResult,
  OfficeCatalog,
  OfficeCatalogResult,
  RequiredDocumentInput,
  ServiceAdminResult,
  ServiceInput,
} from './catalog-admin.types.js';

/** The union member of a catalog change: the view as `make`, CatalogItemInUse, InvalidInput or OfficeNotAllowed. */
function catalogResult<T extends object, R extends object>(o: CatalogOutcome<T>, make: new () => R) {
  if (o.kind !== 'inUse') return adminResult(o, make);
  const { kind: _, ...fields } = o;
  return Object.assign(new CatalogItemInUse(), fields);
}

const officeArg = () => Arg('officeId', () => ID);

/** Services, required documents and counters of an office: ADMIN everywhere, office managers in their own offices. */
@Resolver()
export class CatalogAdminResolver {
  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Query(() => OfficeCatalogResult, {
    description: 'An office’s services, required documents and counters, inactive ones included (staff view).',
  })
  async officeCatalog(@Ctx() ctx: Context, @officeArg() officeId: string): Promise<typeof OfficeCatalogResult> {
    return adminResult(await ctx.services.catalogAdmin.catalog(actorOf(ctx.identity), officeId), OfficeCatalog);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => ServiceAdminResult, { description: 'Adds a service; new bookings can choose it at once.' })
  async createService(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('input', () => ServiceInput) input: ServiceInput,
  ): Promise<typeof ServiceAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(await ctx.services.catalogAdmin.saveService(actor, officeId, null, input), AdminService);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => ServiceAdminResult, {
    description: 'Replaces a service’s fields and documents; booked appointments keep their times.',
  })
  async updateService(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('input', () => ServiceInput) input: ServiceInput,
  ): Promise<typeof ServiceAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(await ctx.services.catalogAdmin.saveService(actor, officeId, serviceId, input), AdminService);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => ServiceAdminResult, {
    description:
      'Deactivates (hides from booking, kiosks and queue) or reactivates a service. Deactivation is refused with ' +
      'FUTURE_APPOINTMENTS while booked appointments still to come include it.',
  })
  async setServiceActive(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('active', () => Boolean) active: boolean,
  ): Promise<typeof ServiceAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(
      await ctx.services.catalogAdmin.setServiceActive(actor, officeId, serviceId, active),
      AdminService,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DeleteCatalogItemResult, {
    description: 'Deletes a service never used by an appointment or ticket; otherwise IN_USE (deactivate it).',
  })
  async deleteService(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('serviceId', () => ID) serviceId: string,
  ): Promise<typeof DeleteCatalogItemResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(await ctx.services.catalogAdmin.deleteService(actor, officeId, serviceId), CatalogItemDeleted);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DocumentAdminResult, { description: 'Adds a required document (Unterlage) to the office.' })
  async createRequiredDocument(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('input', () => RequiredDocumentInput) input: RequiredDocumentInput,
  ): Promise<typeof DocumentAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(await ctx.services.catalogAdmin.saveDocument(actor, officeId, null, input), AdminDocument);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DocumentAdminResult, { description: 'Replaces a required document’s fields.' })
  async updateRequiredDocument(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('documentId', () => ID) documentId: string,
    @Arg('input', () => RequiredDocumentInput) input: RequiredDocumentInput,
  ): Promise<typeof DocumentAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(
      await ctx.services.catalogAdmin.saveDocument(actor, officeId, documentId, input),
      AdminDocument,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DocumentAdminResult, {
    description: 'Deactivates (no longer listed to citizens) or reactivates a required document.',
  })
  async setRequiredDocumentActive(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('documentId', () => ID) documentId: string,
    @Arg('active', () => Boolean) active: boolean,
  ): Promise<typeof DocumentAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(
      await ctx.services.catalogAdmin.setDocumentActive(actor, officeId, documentId, active),
      AdminDocument,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DeleteCatalogItemResult, {
    description: 'Deletes a document no service needs and no one uploaded; otherwise IN_USE (deactivate it).',
  })
  async deleteRequiredDocument(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('documentId', () => ID) documentId: string,
  ): Promise<typeof DeleteCatalogItemResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(
      await ctx.services.catalogAdmin.deleteDocument(actor, officeId, documentId),
      CatalogItemDeleted,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => CounterAdminResult, { description: 'Adds a counter handling at least one service.' })
  async createCounter(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('input', () => CounterInput) input: CounterInput,
  ): Promise<typeof CounterAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(await ctx.services.catalogAdmin.saveCounter(actor, officeId, null, input), AdminCounter);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => CounterAdminResult, {
    description:
      'Replaces a counter’s label, services and appointment hours. Taking away a service that booked appointments ' +
      'still to come at this counter need is refused with FUTURE_APPOINTMENTS.',
  })
  async updateCounter(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('counterId', () => ID) counterId: string,
    @Arg('input', () => CounterInput) input: CounterInput,
  ): Promise<typeof CounterAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(await ctx.services.catalogAdmin.saveCounter(actor, officeId, counterId, input), AdminCounter);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => CounterAdminResult, {
    description:
      'Deactivates or reactivates a counter. Deactivation is refused while booked appointments still to come are ' +
      'at the counter (FUTURE_APPOINTMENTS) or while a clerk has it open (InvalidInput COUNTER_OPEN).',
  })
  async setCounterActive(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('counterId', () => ID) counterId: string,
    @Arg('active', () => Boolean) active: boolean,
  ): Promise<typeof CounterAdminResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(
      await ctx.services.catalogAdmin.setCounterActive(actor, officeId, counterId, active),
      AdminCounter,
    );
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DeleteCatalogItemResult, {
    description: 'Deletes a counter never used by an appointment, ticket or session; otherwise IN_USE (deactivate it).',
  })
  async deleteCounter(
    @Ctx() ctx: Context,
    @officeArg() officeId: string,
    @Arg('counterId', () => ID) counterId: string,
  ): Promise<typeof DeleteCatalogItemResult> {
    const actor = actorOf(ctx.identity);
    return catalogResult(await ctx.services.catalogAdmin.deleteCounter(actor, officeId, counterId), CatalogItemDeleted);
  }
}
