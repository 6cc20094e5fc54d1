import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Public } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { ACCEPTED_MEDIA_TYPES } from './upload.service.js';

@ObjectType({ description: 'What POST /uploads accepts, so that clients can check a file before sending it.' })
export class UploadLimits {
  @Field(() => Int)
  maxBytes: number;

  @Field(() => Int, { description: 'Files one booking may attach.' })
  maxFiles: number;

  @Field(() => [String], { description: 'Accepted types, detected from the content.' })
  mediaTypes: string[];
}

@Resolver()
export class UploadResolver {
  @Public()
  @Query(() => UploadLimits)
  uploadLimits(@Ctx() ctx: Context): UploadLimits {
    const { maxBytes, maxFiles } = ctx.services.uploads.limits;
    return { maxBytes, maxFiles, mediaTypes: [...ACCEPTED_MEDIA_TYPES] };
  }
}
