/** GraphQL types of device administration (staff only) and of pairing (public). */
import { createUnionType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ExpectedError, InvalidInput, OfficeNotAllowed } from '../../shared/results.types.js';
import { Role } from '../../shared/role.js';
import { LimitReached } from '../booking/booking.types.js';
import '../../shared/role.types.js';
import { Office } from '../catalog/catalog.types.js';
import { DeviceStatus, PairingRefusal } from './device-rules.js';

registerEnumType(DeviceStatus, {
  name: 'DeviceStatus',
  description:
    'PAIRED: has a token and may call the api; WAITING: waits for its pairing code; CODE_EXPIRED: waits, but its code ' +
    'has expired (issue a new one); REVOKED: refused for good.',
});

registerEnumType(PairingRefusal, {
  name: 'PairingRefusal',
  description:
    'UNKNOWN: no such code (or its device was revoked, or a newer code replaced it); EXPIRED: older than 15 minutes; ' +
    'USED: a device has already been paired with it.',
});

@ObjectType({ description: 'A kiosk, call display or photo terminal of an office, as its managers see it.' })
export class ManagedDevice {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  officeId: string;

  @Field(() => Role, { description: 'KIOSK, DISPLAY or PHOTO_TERMINAL.' })
  kind: Role;

  @Field(() => String)
  name: string;

  @Field(() => DeviceStatus)
  status: DeviceStatus;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Its last request (any request, at most once per request).' })
  lastSeenAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its current token was issued through a pairing code.' })
  pairedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'While it waits for pairing: when its pairing code expires.' })
  pairingCodeExpiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType({ description: 'The devices of one office: active ones by name, then revoked ones (latest first).' })
export class OfficeDevices {
  @Field(() => ID)
  officeId: string;

  @Field(() => [ManagedDevice])
  devices: ManagedDevice[];
}

@ObjectType({ description: 'A one-time pairing code for a device; shown once, valid 15 minutes.' })
export class DevicePairingCode {
  @Field(() => ManagedDevice)
  device: ManagedDevice;

  @Field(() => String, { description: 'Ten characters in two groups, e.g. "ACEFH-JKMNP"; case and hyphen optional.' })
  code: string;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType({ description: 'The device this pairing code was for.' })
export class PairedDeviceInfo {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  officeId: string;

  @Field(() => Role)
  kind: Role;

  @Field(() => String)
  name: string;
}

@ObjectType({ description: 'The device is paired: it sends this token as `Authorization: Bearer …` from now on.' })
export class DevicePaired {
  @Field(() => String, { description: 'The device’s bearer token (`bcd_…`), handed out this once.' })
  token: string;

  @Field(() => PairedDeviceInfo)
  device: PairedDeviceInfo;
}

@ObjectType({ implements: ExpectedError, description: 'The pairing code was not accepted; nothing was changed.' })
export class PairingCodeRejected implements ExpectedError {
  @Field(() => PairingRefusal)
  reason: PairingRefusal;

  @Field(() => String)
  message: string;
}

export const OfficeDevicesResult = createUnionType({
  name: 'OfficeDevicesResult',
  types: () => [OfficeDevices, InvalidInput, OfficeNotAllowed] as const,
});

export const DevicePairingCodeResult = createUnionType({
  name: 'DevicePairingCodeResult',
  types: () => [DevicePairingCode, InvalidInput, OfficeNotAllowed] as const,
});

export const ManagedDeviceResult = createUnionType({
  name: 'ManagedDeviceResult',
  types: () => [ManagedDevice, InvalidInput, OfficeNotAllowed] as const,
});

export const PairDeviceResult = createUnionType({
  name: 'PairDeviceResult',
  types: () => [DevicePaired, PairingCodeRejected, LimitReached] as const,
});

@ObjectType({ description: 'A kiosk, call display or photo terminal, as it sees itself.' })
export class Device {
  @Field(() => ID)
  id: string;

  @Field(() => Role, { description: 'KIOSK, DISPLAY or PHOTO_TERMINAL.' })
  kind: Role;

  @Field(() => String)
  name: string;

  @Field(() => Office)
  office: Office;
}
