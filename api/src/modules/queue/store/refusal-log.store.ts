/** Records refused walk-in requests (called by the issue service); the statistics read them. */
import type { EntityManager } from 'typeorm';
import type { WalkInRefusal } from '../rules/ticket-model.js';

export async function recordWalkInRefusal(
  m: EntityManager,
  refusal: { officeId: string; serviceDay: string; at: Date; reason: WalkInRefusal; serviceIds: string[] },
): Promise<void> {
  await m.query(
    `INSERT INTO walk_in_refusal ("officeId", "serviceDay", at, reason, "serviceIds") VALUES ($1, $2, $3, $4, $5)`,
    [refusal.officeId, refusal.serviceDay, refusal.at, refusal.reason, refusal.serviceIds],
  );
}
