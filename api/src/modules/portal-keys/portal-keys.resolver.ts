import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { invalid } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import type { KeyOutcome, PortalKeyView } from './portal-keys.service.js';
import {
  CreatedPortalApiKey,
  CreatePortalApiKeyResult,
  PortalApiKey,
  PortalApiKeyResult,
} from './portal-keys.types.js';

const keyView = (v: PortalKeyView) => Object.assign(new PortalApiKey(), v);
const keyResult = (o: KeyOutcome<PortalKeyView>) => (o.kind === 'ok' ? keyView(o.value) : invalid(o.problems));

/** Portal API keys: create (shown once), rename, per-key limit, revoke. Admins only. */
@Resolver()
export class PortalKeysResolver {
  @Allow(Role.ADMIN)
  @Query(() => [PortalApiKey], { description: 'All portal API keys: active ones first, newest first.' })
  async portalApiKeys(@Ctx() ctx: Context): Promise<PortalApiKey[]> {
    return (await ctx.services.portalKeys.list()).map(keyView);
  }

  @Allow(Role.ADMIN)
  @Mutation(() => CreatePortalApiKeyResult, { description: 'Issues a key for a portal; the key is shown once.' })
  async createPortalApiKey(
    @Ctx() ctx: Context,
    @Arg('name', () => String) name: string,
    @Arg('requestsPerMinute', () => Int, { nullable: true, description: 'Null or left out: the default limit.' })
    requestsPerMinute?: number | null,
  ): Promise<typeof CreatePortalApiKeyResult> {
    const o = await ctx.services.portalKeys.create(name, requestsPerMinute);
    if (o.kind === 'invalid') return invalid(o.problems);
    return Object.assign(new CreatedPortalApiKey(), { key: o.value.key, apiKey: keyView(o.value.apiKey) });
  }

  @Allow(Role.ADMIN)
  @Mutation(() => PortalApiKeyResult, { description: 'Renames an active key (new bookings carry the new name).' })
  async renamePortalApiKey(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String) name: string,
  ): Promise<typeof PortalApiKeyResult> {
    return keyResult(await ctx.services.portalKeys.rename(id, name));
  }

  @Allow(Role.ADMIN)
  @Mutation(() => PortalApiKeyResult, {
    description: 'Sets an active key’s requests per minute; null gives it the default. Holds from its next request.',
  })
  async setPortalApiKeyLimits(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('requestsPerMinute', () => Int, { nullable: true }) requestsPerMinute?: number | null,
  ): Promise<typeof PortalApiKeyResult> {
    return keyResult(await ctx.services.portalKeys.setLimits(id, requestsPerMinute));
  }

  @Allow(Role.ADMIN)
  @Mutation(() => PortalApiKeyResult, {
    description: 'Revokes a key: its next request is refused, in every api process. Cannot be undone.',
  })
  async revokePortalApiKey(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<typeof PortalApiKeyResult> {
    return keyResult(await ctx.services.portalKeys.revoke(id));
  }
}
