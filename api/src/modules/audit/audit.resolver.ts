import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { appError, ErrorCode } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import { Role } from '../../shared/role.js';

@ObjectType({ description: 'One recorded mutation: who, when, which operation on which ids, and how it ended.' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, {
    description: 'staff, device, portal, anonymous (sign-in attempts) or cli (the command line).',
  })
  actorKind: string;

  @Field(() => ID, { nullable: true })
  staffUserId: string | null;

  @Field(() => String, { nullable: true })
  staffName: string | null;

  @Field(() => ID, { nullable: true })
  deviceId: string | null;

  @Field(() => String, { nullable: true })
  deviceName: string | null;

  @Field(() => ID, { nullable: true })
  apiKeyId: string | null;

  @Field(() => String, { nullable: true })
  apiKeyName: string | null;

  @Field(() => String, { description: 'The mutation, e.g. callNextTicket.' })
  operation: string;

  @Field(() => String, { description: 'The ids it named, as JSON (no other argument values are kept).' })
  ids: string;

  @Field(() => String, {
    description:
      'The result type (e.g. QueueTicket, OfficeNotAllowed), "ERROR <code>", or PENDING: running, or the process stopped before the outcome was recorded.',
  })
  outcome: string;
}

@ObjectType({ description: 'Someone who appears in the audit log: a staff member, a device, a portal key or nobody.' })
export class AuditActor {
  @Field(() => String, { description: 'staff, device, portal, anonymous, or cli.' })
  actorKind: string;

  @Field(() => ID, { nullable: true })
  staffUserId: string | null;

  @Field(() => String, { nullable: true })
  staffName: string | null;

  @Field(() => ID, { nullable: true })
  deviceId: string | null;

  @Field(() => String, { nullable: true })
  deviceName: string | null;

  @Field(() => ID, { nullable: true })
  apiKeyId: string | null;

  @Field(() => String, { nullable: true })
  apiKeyName: string | null;
}

@ObjectType({ description: 'The values that occur in the audit log within a period, to choose filters from.' })
export class AuditFacets {
  @Field(() => [String])
  operations: string[];

  @Field(() => [String])
  outcomes: string[];

  @Field(() => [AuditActor])
  actors: AuditActor[];
}

const ACTOR_KINDS = new Set(['staff', 'device', 'portal', 'anonymous', 'cli']);

@Resolver()
export class AuditResolver {
  @Allow(Role.ADMIN)
  @Query(() => [AuditEvent], { description: 'The audit log, newest first; page with `before` (the last id seen).' })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
    @Arg('staffUserId', () => ID, { nullable: true }) staffUserId?: string | null,
    @Arg('operation', () => String, { nullable: true }) operation?: string | null,
    @Arg('before', () => ID, { nullable: true }) before?: string | null,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit = 100,
    @Arg('actorKind', () => String, { nullable: true, description: 'staff, device, portal, anonymous or cli.' })
    actorKind?: string | null,
    @Arg('deviceId', () => ID, { nullable: true }) deviceId?: string | null,
    @Arg('apiKeyId', () => ID, { nullable: true }) apiKeyId?: string | null,
    @Arg('outcome', () => String, { nullable: true, description: 'Exact, e.g. InvalidInput or "ERROR FORBIDDEN".' })
    outcome?: string | null,
  ): Promise<AuditEvent[]> {
    for (const [name, id] of Object.entries({ staffUserId, deviceId, apiKeyId }))
      if (id && !isUuid(id)) throw appError(ErrorCode.BadUserInput, `${name} is not an id.`);
    if (actorKind && !ACTOR_KINDS.has(actorKind))
      throw appError(ErrorCode.BadUserInput, 'actorKind is one of staff, device, portal, anonymous, cli.');
    if (before && !/^\d{1,18}$/.test(before))
      throw appError(ErrorCode.BadUserInput, 'before is not an audit event id.');
    const events = await ctx.services.audit.list(
      { from, to, staffUserId, operation, actorKind, deviceId, apiKeyId, outcome },
      limit,
      before ?? null,
    );
    return events.map((e) => Object.assign(new AuditEvent(), { ...e, ids: JSON.stringify(e.ids) }));
  }

  @Allow(Role.ADMIN)
  @Query(() => AuditFacets, { description: 'The operations, outcomes and actors in the audit log within a period.' })
  async auditFacets(
    @Ctx() ctx: Context,
    @Arg('from', () => Date, { nullable: true }) from?: Date | null,
    @Arg('to', () => Date, { nullable: true }) to?: Date | null,
  ): Promise<AuditFacets> {
    const f = await ctx.services.audit.facets(from ?? null, to ?? null);
    return Object.assign(new AuditFacets(), {
      ...f,
      actors: f.actors.map((a) => Object.assign(new AuditActor(), a)),
    });
  }
}
