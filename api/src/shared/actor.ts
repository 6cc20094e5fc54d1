/** Who calls the queue and the administration, and which offices they may work with. */
import type { EntityManager } from 'typeorm';
import { appError, ErrorCode } from '../graphql/errors.js';
import type { Identity } from './identity.js';
import { Role } from './role.js';

/** Who acts: a signed-in staff member, or a device (kiosk, photo terminal) of one office. */
export type Actor =
  | { kind: 'staff'; staffUserId: string; username: string; roles: readonly Role[] }
  | { kind: 'device'; deviceId: string; officeId: string; deviceKind: Role };

/** Who calls, as the queue services see it; anyone else is refused (the auth checker lets only these through). */
export function actorOf(identity: Identity): Actor {
  if (identity.kind === 'staff')
    return {
      kind: 'staff',
      staffUserId: identity.user.id,
      username: identity.user.username,
      roles: identity.user.roles,
    };
  if (identity.kind === 'device')
    return {
      kind: 'device',
      deviceId: identity.device.id,
      officeId: identity.device.officeId,
      deviceKind: identity.device.kind,
    };
  throw appError(ErrorCode.Forbidden, 'You are not allowed to do this.');
}

/** Whether the actor may work with the office's queue: ADMIN everywhere, staff in their offices, devices in theirs. */
export async function worksIn(m: EntityManager, actor: Actor, officeId: string): Promise<boolean> {
  if (actor.kind === 'device') return actor.officeId === officeId;
  if (actor.roles.includes(Role.ADMIN)) return true;
  const rows = await m.query('SELECT 1 FROM staff_office WHERE "staffUserId" = $1 AND "officeId" = $2', [
    actor.staffUserId,
    officeId,
  ]);
  return rows.length > 0;
}
