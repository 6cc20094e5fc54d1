import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, Public, StaffRoles } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { appError, ErrorCode } from '../../graphql/errors.js';
import { InvalidCredentials, LoginResult, LoginSuccess, StaffUser, TooManyAttempts } from './staff.types.js';

@Resolver()
export class StaffResolver {
  @Public()
  @Query(() => StaffUser, { nullable: true, description: 'The signed-in staff member; null when not signed in.' })
  me(@Ctx() ctx: Context): Promise<StaffUser | null> {
    return ctx.identity.kind === 'staff' ? ctx.services.staff.profile(ctx.identity.user.id) : Promise.resolve(null);
  }

  @Public()
  @Mutation(() => LoginResult, { description: 'Signs a staff member in and sets the HttpOnly session cookie.' })
  async login(
    @Ctx() ctx: Context,
    @Arg('username', () => String) username: string,
    @Arg('password', () => String) password: string,
  ): Promise<typeof LoginResult> {
    if (!ctx.cookies) throw appError(ErrorCode.BadUserInput, 'Sign in over HTTP, not over the WebSocket.');
    const outcome = await ctx.services.auth.login(username.slice(0, 200), password.slice(0, 500), ctx.clientIp);
    switch (outcome.kind) {
      case 'ok': {
        ctx.cookies.set(outcome.sessionToken, outcome.maxAgeSeconds);
        ctx.log.info({ staffUserId: outcome.user.id }, 'staff login');
        const me = await ctx.services.staff.profile(outcome.user.id);
        return Object.assign(new LoginSuccess(), { me });
      }
      case 'invalid':
        ctx.log.warn({ clientIp: ctx.clientIp }, 'staff login failed');
        return Object.assign(new InvalidCredentials(), {
          code: 'INVALID_CREDENTIALS' as const,
          message: 'Username or password is wrong.',
        });
      case 'locked':
        return Object.assign(new TooManyAttempts(), {
          code: 'TOO_MANY_ATTEMPTS' as const,
          message: 'Too many failed attempts. Please wait before trying again.',
          retryAfterSeconds: outcome.retryAfterSeconds,
        });
    }
  }

  @Allow(...StaffRoles)
  @Mutation(() => Boolean, { description: 'Ends this session and clears the cookie.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.identity.kind === 'staff') await ctx.services.auth.logout(ctx.identity.sessionId);
    ctx.cookies?.clear();
    return true;
  }
}
