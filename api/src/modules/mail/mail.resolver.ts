import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Allow, StaffRoles } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { Appointment } from '../booking/booking.types.js';
import { MailProblem } from './mail.types.js';

/** Mail facts on the appointment, for staff only (the citizen's own pages do not show them). */
@Resolver(() => Appointment)
export class MailResolver {
  @Allow(...StaffRoles)
  @FieldResolver(() => [MailProblem], {
    description: 'Mails to the citizen that failed for good (e.g. the address was rejected). Staff only.',
  })
  async mailProblems(@Root() a: Appointment, @Ctx() ctx: Context): Promise<MailProblem[]> {
    const rows = await ctx.services.mail.problems(a.id);
    return rows.map((r) => Object.assign(new MailProblem(), r));
  }
}
