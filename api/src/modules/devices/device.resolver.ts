import { Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { appError, ErrorCode } from '../../graphql/errors.js';
import { Role } from '../../shared/role.js';
import { Device } from './device.types.js';

/** What a paired kiosk, call display or photo terminal asks about itself. */
@Resolver()
export class DeviceResolver {
  @Allow(Role.KIOSK, Role.DISPLAY, Role.PHOTO_TERMINAL)
  @Query(() => Device, { description: 'The kiosk, display or photo terminal this request comes from.' })
  currentDevice(@Ctx() ctx: Context): Promise<Device> {
    if (ctx.identity.kind !== 'device') throw appError(ErrorCode.Forbidden, 'Only devices have a device.');
    return ctx.services.devices.device(ctx.identity.device.id);
  }
}
