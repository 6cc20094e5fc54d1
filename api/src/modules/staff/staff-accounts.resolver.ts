import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, Public, StaffRoles } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { appError, ErrorCode } from '../../graphql/errors.js';
import { actorOf } from '../../shared/actor.js';
import { adminResult } from '../../shared/admin-results.js';
import { invalid } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import { TooManyAttempts } from './staff.types.js';
import {
  ChangePasswordResult,
  CreateStaffAccountInput,
  PasswordLink,
  PasswordLinkProblem,
  PasswordLinkRefused,
  PasswordLinkResult,
  PasswordSet,
  SetPasswordResult,
  StaffAccount,
  StaffAccountResult,
  UpdateStaffAccountInput,
} from './staff-accounts.types.js';

const refusals: Record<PasswordLinkProblem, string> = {
  UNKNOWN: 'This link is not valid. Ask for a new one.',
  USED: 'This link has been used already. Ask for a new one.',
  EXPIRED: 'This link has expired. Ask for a new one.',
};

const tooManyAttempts = (retryAfterSeconds: number) =>
  Object.assign(new TooManyAttempts(), {
    code: 'TOO_MANY_ATTEMPTS' as const,
    message: 'Too many failed attempts. Please wait before trying again.',
    retryAfterSeconds,
  });

/** Staff accounts: ADMIN for all accounts, office managers for the accounts of their own offices. */
@Resolver()
export class StaffAccountsResolver {
  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Query(() => [StaffAccount], {
    description:
      'Accounts the caller may manage (managers: accounts of their offices without ADMIN), optionally of one office.',
  })
  async staffAccounts(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID, { nullable: true }) officeId?: string | null,
  ): Promise<StaffAccount[]> {
    const list = await ctx.services.staffAccounts.list(actorOf(ctx.identity), officeId);
    if (!list) throw appError(ErrorCode.Forbidden, 'This belongs to an office you do not work in.');
    return list;
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => StaffAccountResult, {
    description: 'Creates an account without a password; issue a password link next.',
  })
  async createStaffAccount(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateStaffAccountInput) input: CreateStaffAccountInput,
  ): Promise<typeof StaffAccountResult> {
    return adminResult(await ctx.services.staffAccounts.create(actorOf(ctx.identity), input), StaffAccount);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => StaffAccountResult, {
    description: 'Changes name, roles or offices; role changes apply to open sessions at once.',
  })
  async updateStaffAccount(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateStaffAccountInput) input: UpdateStaffAccountInput,
  ): Promise<typeof StaffAccountResult> {
    return adminResult(await ctx.services.staffAccounts.update(actorOf(ctx.identity), id, input), StaffAccount);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => StaffAccountResult, {
    description: 'Deactivates an account: its sessions end at once. The last active ADMIN cannot be deactivated.',
  })
  async deactivateStaffAccount(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<typeof StaffAccountResult> {
    return adminResult(await ctx.services.staffAccounts.deactivate(actorOf(ctx.identity), id), StaffAccount);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => StaffAccountResult, { description: 'Lets a deactivated account sign in again.' })
  async reactivateStaffAccount(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<typeof StaffAccountResult> {
    return adminResult(await ctx.services.staffAccounts.reactivate(actorOf(ctx.identity), id), StaffAccount);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => PasswordLinkResult, {
    description:
      'Issues a one-time link (valid 7 days) to set the account’s password, as invitation or reset; earlier open ' +
      'links of the account stop working. The code is shown only in this result.',
  })
  async issuePasswordLink(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<typeof PasswordLinkResult> {
    return adminResult(await ctx.services.staffAccounts.issuePasswordLink(actorOf(ctx.identity), id), PasswordLink);
  }

  @Public()
  @Mutation(() => SetPasswordResult, {
    description:
      'Sets a staff password with the code of a password link (used once); ends the account’s sessions. Failed ' +
      'codes are limited per client address.',
  })
  async setPasswordWithLink(
    @Ctx() ctx: Context,
    @Arg('code', () => String) code: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<typeof SetPasswordResult> {
    const outcome = await ctx.services.staffAccounts.setPasswordWithLink(
      code.slice(0, 200),
      newPassword.slice(0, 1000),
      ctx.clientIp,
    );
    switch (outcome.kind) {
      case 'ok':
        ctx.log.info({ username: outcome.username }, 'staff password set by link');
        return Object.assign(new PasswordSet(), { username: outcome.username });
      case 'refused':
        ctx.log.warn({ clientIp: ctx.clientIp, reason: outcome.reason }, 'password link refused');
        return Object.assign(new PasswordLinkRefused(), {
          code: outcome.reason as PasswordLinkProblem,
          message: refusals[outcome.reason],
        });
      case 'invalid':
        return invalid(outcome.problems);
      case 'locked':
        return tooManyAttempts(outcome.retryAfterSeconds);
    }
  }

  @Allow(...StaffRoles)
  @Mutation(() => ChangePasswordResult, {
    description:
      'Changes the signed-in staff member’s own password. The current password must be given: a wrong one counts ' +
      'as a failed sign-in of the account from this address (the same lock applies). The account’s other sessions ' +
      'end; this one stays.',
  })
  async changeOwnPassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<typeof ChangePasswordResult> {
    if (ctx.identity.kind !== 'staff') throw appError(ErrorCode.Forbidden, 'Only staff have a password.');
    const outcome = await ctx.services.auth.changeOwnPassword(
      ctx.identity,
      currentPassword.slice(0, 500),
      newPassword.slice(0, 1000),
      ctx.clientIp,
    );
    switch (outcome.kind) {
      case 'ok':
        ctx.log.info({ staffUserId: ctx.identity.user.id }, 'staff password changed');
        return Object.assign(new PasswordSet(), { username: outcome.username });
      case 'invalid':
        return invalid(outcome.problems);
      case 'locked':
        return tooManyAttempts(outcome.retryAfterSeconds);
    }
  }
}
