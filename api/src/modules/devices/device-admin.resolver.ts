import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow, Public } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { actorOf } from '../../shared/actor.js';
import { adminResult } from '../../shared/admin-results.js';
import { Role } from '../../shared/role.js';
import { LimitKind, LimitReached } from '../booking/booking.types.js';
import {
  DevicePaired,
  DevicePairingCode,
  DevicePairingCodeResult,
  ManagedDevice,
  ManagedDeviceResult,
  OfficeDevices,
  OfficeDevicesResult,
  PairDeviceResult,
  PairingCodeRejected,
} from './device.types.js';
import { pairingRefusalMessage } from './device-rules.js';

/** Kiosks and call displays: managed by ADMIN everywhere and office managers in their own offices; paired publicly. */
@Resolver()
export class DeviceAdminResolver {
  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Query(() => OfficeDevicesResult, { description: 'The kiosks, call displays and photo terminals of an office.' })
  async officeDevices(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
  ): Promise<typeof OfficeDevicesResult> {
    return adminResult(await ctx.services.devices.officeDevices(actorOf(ctx.identity), officeId), OfficeDevices);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DevicePairingCodeResult, {
    description: 'Registers a device; it waits for pairing with the returned one-time code (valid 15 minutes).',
  })
  async registerDevice(
    @Ctx() ctx: Context,
    @Arg('officeId', () => ID) officeId: string,
    @Arg('kind', () => Role, { description: 'KIOSK, DISPLAY or PHOTO_TERMINAL.' }) kind: Role,
    @Arg('name', () => String) name: string,
  ): Promise<typeof DevicePairingCodeResult> {
    const outcome = await ctx.services.devices.registerDevice(actorOf(ctx.identity), officeId, kind, name);
    return adminResult(outcome, DevicePairingCode);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => ManagedDeviceResult, { description: 'Renames a device (unique among the office’s active devices).' })
  async renameDevice(
    @Ctx() ctx: Context,
    @Arg('deviceId', () => ID) deviceId: string,
    @Arg('name', () => String) name: string,
  ): Promise<typeof ManagedDeviceResult> {
    return adminResult(await ctx.services.devices.renameDevice(actorOf(ctx.identity), deviceId, name), ManagedDevice);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => ManagedDeviceResult, {
    description: 'Revokes a device for good: its next request is refused (UNAUTHENTICATED), open sockets are closed.',
  })
  async revokeDevice(
    @Ctx() ctx: Context,
    @Arg('deviceId', () => ID) deviceId: string,
  ): Promise<typeof ManagedDeviceResult> {
    return adminResult(await ctx.services.devices.revokeDevice(actorOf(ctx.identity), deviceId), ManagedDevice);
  }

  @Allow(Role.OFFICE_MANAGER, Role.ADMIN)
  @Mutation(() => DevicePairingCodeResult, {
    description: 'Issues a new pairing code for a device that is not revoked; its current token stops working at once.',
  })
  async newPairingCode(
    @Ctx() ctx: Context,
    @Arg('deviceId', () => ID) deviceId: string,
  ): Promise<typeof DevicePairingCodeResult> {
    return adminResult(await ctx.services.devices.newPairingCode(actorOf(ctx.identity), deviceId), DevicePairingCode);
  }

  @Public()
  @Mutation(() => PairDeviceResult, {
    description:
      'A kiosk or display exchanges its one-time pairing code for its bearer token. Failed attempts are limited per ' +
      'client address.',
  })
  async pairDevice(@Ctx() ctx: Context, @Arg('code', () => String) code: string): Promise<typeof PairDeviceResult> {
    const outcome = await ctx.services.devices.pairDevice(code.slice(0, 100), ctx.clientIp);
    switch (outcome.kind) {
      case 'paired':
        return Object.assign(new DevicePaired(), {
          token: outcome.token,
          device: {
            id: outcome.device.id,
            officeId: outcome.device.officeId,
            kind: outcome.device.kind,
            name: outcome.device.name,
          },
        });
      case 'refused':
        return Object.assign(new PairingCodeRejected(), {
          reason: outcome.reason,
          message: pairingRefusalMessage[outcome.reason],
        });
      case 'limit':
        return Object.assign(new LimitReached(), {
          limit: LimitKind.RATE,
          message: 'Too many wrong pairing codes from this address. Please wait and try again.',
          retryAfterSeconds: outcome.retryAfterSeconds,
        });
    }
  }
}
