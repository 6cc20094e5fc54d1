import type { MiddlewareFn } from 'type-graphql';
import type { Context } from './context.js';
import { appError, ErrorCode } from './errors.js';

/** Counts every root field a portal calls against its key's limit; over the limit it gets RATE_LIMITED. */
export const portalLimit: MiddlewareFn<Context> = async ({ context, info }, next) => {
  const { identity } = context;
  if (identity.kind === 'portal' && !info.path.prev && info.operation.operation !== 'subscription') {
    const retryAfterSeconds = await context.services.portalLimit.consume(identity.apiKey.id);
    if (retryAfterSeconds !== null) {
      throw appError(ErrorCode.RateLimited, 'This API key has made too many requests. Please slow down.', {
        retryAfterSeconds,
      });
    }
  }
  return next();
};
