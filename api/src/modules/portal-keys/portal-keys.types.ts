/** GraphQL types of portal API key administration (ADMIN only). */
import { createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { InvalidInput } from '../../shared/results.types.js';

@ObjectType({ description: 'A municipal portal’s API key; the key itself is shown only once, when it is created.' })
export class PortalApiKey {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The portal’s name; recorded as the booking channel.' })
  name: string;

  @Field(() => String, { description: 'The first characters of the key, to recognise it.' })
  prefix: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set once revoked; a revoked key is refused at once.' })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'The key’s own limit; null when it has the default.' })
  requestsPerMinute: number | null;

  @Field(() => Int, { description: 'The limit that holds: its own, or the configured default.' })
  effectiveRequestsPerMinute: number;
}

@ObjectType({ description: 'A new API key. `key` is shown this once and cannot be read again.' })
export class CreatedPortalApiKey {
  @Field(() => String, { description: 'Send as "Authorization: Bearer <key>".' })
  key: string;

  @Field(() => PortalApiKey)
  apiKey: PortalApiKey;
}

export const CreatePortalApiKeyResult = createUnionType({
  name: 'CreatePortalApiKeyResult',
  types: () => [CreatedPortalApiKey, InvalidInput] as const,
});

export const PortalApiKeyResult = createUnionType({
  name: 'PortalApiKeyResult',
  types: () => [PortalApiKey, InvalidInput] as const,
});
