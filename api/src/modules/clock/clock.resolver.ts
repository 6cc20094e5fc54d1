import { Resolver, Root, Subscription } from 'type-graphql';
import { Allow, StaffRoles } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { Role } from '../../shared/role.js';

@Resolver()
export class ClockResolver {
  @Allow(Role.KIOSK, Role.DISPLAY, ...StaffRoles)
  @Subscription(() => Date, {
    description: 'Server time, now and then every 15 s: screens show a clock that is right even when their own is not.',
    subscribe: ({ context }) => (context as Context).services.clock.ticks(),
  })
  serverTime(@Root() now: Date): Date {
    return now;
  }
}
