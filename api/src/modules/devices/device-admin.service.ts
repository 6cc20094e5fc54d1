import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { type Actor, worksIn } from '../../shared/actor.js';
import { generateSecret, hashSecret, tokenPrefix } from '../../shared/credentials.js';
import { isUuid } from '../../shared/ids.js';
import { type AdminOutcome, invalid, ok, unknownOffice, withOffice } from '../../shared/office-lock.js';
import type { DeviceKind } from '../../shared/role.js';
import { toOffice } from '../catalog/catalog.service.js';
import { OfficeEntity } from '../catalog/office.entity.js';
import { DeviceEntity } from './device.entity.js';
import type { Device } from './device.types.js';
import {
  badKind,
  checkDeviceName,
  DeviceStatus,
  deviceRevoked,
  deviceStatus,
  formatPairingCode,
  isDeviceKind,
  nameTaken,
  newPairingCode,
  normalizePairingCode,
  PairingRefusal,
  pairingCodeExpiry,
  pairingRefusal,
  unknownDevice,
} from './device-rules.js';

/** Failed pairing attempts allowed per client address in PAIRING_WINDOW_SECONDS. */
export const PAIRING_MAX_FAILURES = 20;
export const PAIRING_WINDOW_SECONDS = 15 * 60;

export type ManagedDeviceView = {
  id: string;
  officeId: string;
  kind: DeviceKind;
  name: string;
  status: DeviceStatus;
  createdAt: Date;
  lastSeenAt: Date | null;
  pairedAt: Date | null;
  pairingCodeExpiresAt: Date | null;
  revokedAt: Date | null;
};
export type OfficeDevicesView = { officeId: string; devices: ManagedDeviceView[] };
export type PairingCodeView = { device: ManagedDeviceView; code: string; expiresAt: Date };

export type PairOutcome =
  | { kind: 'paired'; token: string; device: ManagedDeviceView }
  | { kind: 'refused'; reason: PairingRefusal }
  | { kind: 'limit'; retryAfterSeconds: number };

/**
 * Kiosks and call displays of an office: registered, named, revoked and (re-)paired by its managers and by admins;
 * paired by the device itself with a one-time code. Codes and tokens are stored as SHA-256 only; a code is shown
 * once, a token is handed out once.
 */
export class DeviceAdminService {
  private readonly failuresByAddress: RateLimiterPostgres;

  constructor(
    private readonly ds: DataSource,
    pool: pg.Pool,
    private readonly now: () => Date,
    limits: { maxFailures: number; windowSeconds: number } = {
      maxFailures: PAIRING_MAX_FAILURES,
      windowSeconds: PAIRING_WINDOW_SECONDS,
    },
  ) {
    this.failuresByAddress = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'pairing-ip',
      points: limits.maxFailures,
      duration: limits.windowSeconds,
    });
  }

  /** A paired device as it sees itself (currentDevice). */
  async device(deviceId: string): Promise<Device> {
    const device = await this.ds
      .getRepository(DeviceEntity)
      .findOneOrFail({ where: { id: deviceId }, relations: { office: true } });
    return { id: device.id, kind: device.kind, name: device.name, office: toOffice(device.office) };
  }

  private view(d: DeviceEntity): ManagedDeviceView {
    return {
      id: d.id,
      officeId: d.officeId,
      kind: d.kind,
      name: d.name,
      status: deviceStatus(d, this.now()),
      createdAt: d.createdAt,
      lastSeenAt: d.lastSeenAt,
      pairedAt: d.pairedAt,
      pairingCodeExpiresAt: d.tokenHash || d.revokedAt ? null : d.pairingCodeExpiresAt,
      revokedAt: d.revokedAt,
    };
  }

  /**
   * The office's devices, the active ones first (by name), then the revoked ones (latest first). A read: the same
   * access rule as the changes, but no transaction and no lock on the office.
   */
  async officeDevices(actor: Actor, officeId: string): Promise<AdminOutcome<OfficeDevicesView>> {
    if (!isUuid(officeId)) return invalid(unknownOffice);
    if (!(await worksIn(this.ds.manager, actor, officeId))) return { kind: 'officeNotAllowed' };
    if (!(await this.ds.getRepository(OfficeEntity).existsBy({ id: officeId }))) return invalid(unknownOffice);
    const rows = await this.ds.getRepository(DeviceEntity).find({ where: { officeId } });
    rows.sort(
      (a, b) =>
        Number(!!a.revokedAt) - Number(!!b.revokedAt) ||
        (a.revokedAt && b.revokedAt
          ? b.revokedAt.getTime() - a.revokedAt.getTime()
          : a.name.localeCompare(b.name, 'de')),
    );
    return ok({ officeId, devices: rows.map((d) => this.view(d)) });
  }

  /** A new device waiting for pairing, with its pairing code (returned here once). */
  registerDevice(actor: Actor, officeId: string, kind: string, name: string): Promise<AdminOutcome<PairingCodeView>> {
    return withOffice(this.ds, actor, officeId, async (m) => {
      const checked = checkDeviceName(name);
      const problems = [...(isDeviceKind(kind) ? [] : [badKind]), ...(checked.ok ? [] : [checked.problem])];
      if (problems.length > 0 || !checked.ok || !isDeviceKind(kind)) return invalid(...problems);
      if (await this.nameInUse(m, officeId, checked.value)) return invalid(nameTaken);
      const code = newPairingCode(randomInt);
      const device = await m.getRepository(DeviceEntity).save({
        officeId,
        kind,
        name: checked.value,
        tokenHash: null,
        pairingCodeHash: hashSecret(code),
        pairingCodeExpiresAt: pairingCodeExpiry(this.now()),
        createdAt: this.now(),
      });
      const saved = await m.getRepository(DeviceEntity).findOneByOrFail({ id: device.id });
      return ok(this.codeView(saved, code));
    });
  }

  renameDevice(actor: Actor, deviceId: string, name: string): Promise<AdminOutcome<ManagedDeviceView>> {
    return this.withDevice(actor, deviceId, async (m, device) => {
      if (device.revokedAt) return invalid(deviceRevoked);
      const checked = checkDeviceName(name);
      if (!checked.ok) return invalid(checked.problem);
      if (checked.value !== device.name && (await this.nameInUse(m, device.officeId, checked.value, device.id)))
        return invalid(nameTaken);
      device.name = checked.value;
      await m.getRepository(DeviceEntity).update(device.id, { name: device.name });
      return ok(this.view(device));
    });
  }

  /** Refuses the device from its next request on (and drops a pending pairing code). Revoking twice changes nothing. */
  revokeDevice(actor: Actor, deviceId: string): Promise<AdminOutcome<ManagedDeviceView>> {
    return this.withDevice(actor, deviceId, async (m, device) => {
      if (!device.revokedAt) {
        Object.assign(device, { revokedAt: this.now(), pairingCodeHash: null, pairingCodeExpiresAt: null });
        await m.getRepository(DeviceEntity).update(device.id, {
          revokedAt: device.revokedAt,
          pairingCodeHash: null,
          pairingCodeExpiresAt: null,
        });
      }
      return ok(this.view(device));
    });
  }

  /** A fresh pairing code for a device (new screen, lost storage); its old token stops working at once. */
  newPairingCode(actor: Actor, deviceId: string): Promise<AdminOutcome<PairingCodeView>> {
    return this.withDevice(actor, deviceId, async (m, device) => {
      if (device.revokedAt) return invalid(deviceRevoked);
      const code = newPairingCode(randomInt);
      Object.assign(device, {
        tokenHash: null,
        pairedAt: null,
        pairingCodeHash: hashSecret(code),
        pairingCodeExpiresAt: pairingCodeExpiry(this.now()),
      });
      await m.getRepository(DeviceEntity).update(device.id, {
        tokenHash: null,
        pairedAt: null,
        pairingCodeHash: device.pairingCodeHash,
        pairingCodeExpiresAt: device.pairingCodeExpiresAt,
      });
      return ok(this.codeView(device, code));
    });
  }

  /**
   * Exchanges a pairing code for the device's bearer token, once. Failed attempts are counted per client address
   * (shared by all api processes in PostgreSQL); past the limit every attempt is refused until the window ends.
   */
  async pairDevice(typedCode: string, clientKey: string): Promise<PairOutcome> {
    const counted = await this.failuresByAddress.get(clientKey);
    if (counted && counted.consumedPoints >= this.failuresByAddressLimit())
      return { kind: 'limit', retryAfterSeconds: Math.max(1, Math.ceil(counted.msBeforeNext / 1000)) };
    const code = normalizePairingCode(typedCode);
    const outcome: PairOutcome = code
      ? await this.ds.transaction(async (m): Promise<PairOutcome> => {
          const device = await m
            .getRepository(DeviceEntity)
            .createQueryBuilder('d')
            .setLock('pessimistic_write')
            .where('d."pairingCodeHash" = :hash', { hash: hashSecret(code) })
            .getOne();
          const refusal = pairingRefusal(device, this.now());
          if (refusal || !device) return { kind: 'refused', reason: refusal ?? PairingRefusal.UNKNOWN };
          const token = generateSecret(tokenPrefix.device);
          Object.assign(device, { tokenHash: hashSecret(token), pairedAt: this.now() });
          await m
            .getRepository(DeviceEntity)
            .update(device.id, { tokenHash: device.tokenHash, pairedAt: device.pairedAt });
          return { kind: 'paired', token, device: this.view(device) };
        })
      : { kind: 'refused', reason: PairingRefusal.UNKNOWN };
    if (outcome.kind === 'refused') {
      try {
        await this.failuresByAddress.consume(clientKey);
      } catch (e) {
        // The limit is reached with this attempt; the next one is refused above.
        if (!(e instanceof RateLimiterRes)) throw e;
      }
    }
    return outcome;
  }

  private failuresByAddressLimit(): number {
    return this.failuresByAddress.points;
  }

  private codeView(device: DeviceEntity, code: string): PairingCodeView {
    return {
      device: this.view(device),
      code: formatPairingCode(code),
      expiresAt: device.pairingCodeExpiresAt as Date,
    };
  }

  private async nameInUse(m: EntityManager, officeId: string, name: string, except?: string): Promise<boolean> {
    const rows = await m.getRepository(DeviceEntity).find({ where: { officeId, revokedAt: IsNull() } });
    const wanted = name.toLocaleLowerCase('de');
    return rows.some((d) => d.id !== except && d.name.toLocaleLowerCase('de') === wanted);
  }

  /** Runs `work` on a device inside its office's locked transaction (access checked on that office). */
  private async withDevice<T>(
    actor: Actor,
    deviceId: string,
    work: (m: EntityManager, device: DeviceEntity) => Promise<AdminOutcome<T>>,
  ): Promise<AdminOutcome<T>> {
    if (!isUuid(deviceId)) return invalid(unknownDevice);
    const found = await this.ds
      .getRepository(DeviceEntity)
      .findOne({ where: { id: deviceId }, select: { id: true, officeId: true } });
    if (!found) return invalid(unknownDevice);
    return withOffice(this.ds, actor, found.officeId, async (m) => {
      const device = await m.getRepository(DeviceEntity).findOneBy({ id: deviceId });
      if (!device) return invalid(unknownDevice);
      return work(m, device);
    });
  }
}
