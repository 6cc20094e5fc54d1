import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { appError, ErrorCode } from '../../graphql/errors.js';
import { isUuid } from '../catalog/catalog.service.js';
import { Role } from '../staff/role.js';

@ObjectType({ description: 'One recorded mutation: who, when, which operation on which ids, and how it ended.' })
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { description: 'staff, device, portal, or anonymous (sign-in attempts).' })
  actorKind: string;

  @Field(() => ID, { nullable: true })
  staffUserId: string | null;

  @Field(() => String, { nullable: true })
  staffName: string | null;

  @Field(() => String, { nullable: true })
  deviceName: string | null;

  @Field(() => String, { nullable: true })
  apiKeyName: string | null;

  @Field(() => String, { description: 'The mutation, e.g. callNextTicket.' })
  operation: string;

  @Field(() => String, { description: 'The ids it named, as JSON (no other argument values are kept).' })
  ids: string;

  @Field(() => String, { description: 'The result type (e.g. QueueTicket, OfficeNotAllowed) or "ERROR <code>".' })
  outcome: string;
}

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
  ): Promise<AuditEvent[]> {
    if (staffUserId && !isUuid(staffUserId)) throw appError(ErrorCode.BadUserInput, 'staffUserId is not an id.');
    if (before && !/^\d{1,18}$/.test(before))
      throw appError(ErrorCode.BadUserInput, 'before is not an audit event id.');
    const events = await ctx.services.audit.list({ from, to, staffUserId, operation }, limit, before ?? null);
    return events.map((e) => Object.assign(new AuditEvent(), { ...e, ids: JSON.stringify(e.ids) }));
  }
}
