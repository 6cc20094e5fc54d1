/** Writes and reads the append-only audit log (table audit_event, migration "audit"). */
import type { DataSource } from 'typeorm';
import type { Identity } from '../../shared/identity.js';
import type { RetentionStep } from '../retention/retention.service.js';
import { type AuditEntry, type AuditTarget, PENDING } from './audit-record.js';

/** How long the audit log is kept: a year, then the retention job removes it (it names staff members). */
export const AUDIT_KEEP_DAYS = 365;

export type AuditEventView = {
  id: string;
  at: Date;
  actorKind: string;
  staffUserId: string | null;
  staffName: string | null;
  deviceId: string | null;
  deviceName: string | null;
  apiKeyId: string | null;
  apiKeyName: string | null;
  operation: string;
  ids: Record<string, unknown>;
  outcome: string;
};

export type AuditFilter = {
  from?: Date | null;
  to?: Date | null;
  staffUserId?: string | null;
  operation?: string | null;
  actorKind?: string | null;
  deviceId?: string | null;
  apiKeyId?: string | null;
  /** The exact outcome, e.g. InvalidInput or "ERROR FORBIDDEN". */
  outcome?: string | null;
};

/** Who appears in the log (for the filters of the audit-log page). */
export type AuditActorView = {
  actorKind: string;
  staffUserId: string | null;
  staffName: string | null;
  deviceId: string | null;
  deviceName: string | null;
  apiKeyId: string | null;
  apiKeyName: string | null;
};

export type AuditFacetsView = { operations: string[]; outcomes: string[]; actors: AuditActorView[] };

export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  /**
   * Writes one PENDING entry per target before the operation runs and returns their ids (in order); throws when
   * the log cannot be written, so that nothing runs unrecorded.
   */
  async begin(identity: Identity, targets: readonly AuditTarget[]): Promise<string[]> {
    const who = {
      staff: identity.kind === 'staff' ? identity.user.id : null,
      device: identity.kind === 'device' ? identity.device.id : null,
      key: identity.kind === 'portal' ? identity.apiKey.id : null,
    };
    const rows: { id: string }[] = await this.ds.query(
      `INSERT INTO audit_event (at, "actorKind", "staffUserId", "deviceId", "apiKeyId", operation, ids, outcome)
       SELECT $1, $2, $3, $4, $5, e.item->>'operation', e.item->'ids', $7
         FROM jsonb_array_elements($6::jsonb) WITH ORDINALITY AS e(item, n)
        ORDER BY e.n
       RETURNING id::text AS id`,
      [
        this.now(),
        identity.kind,
        who.staff,
        who.device,
        who.key,
        JSON.stringify(targets.map(({ operation, ids }) => ({ operation, ids }))),
        PENDING,
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Records the outcomes of entries written by begin() (the only change the table allows, once per entry). */
  async finish(ids: readonly string[], outcomes: readonly string[]): Promise<void> {
    await this.ds.query(
      `UPDATE audit_event a SET outcome = o.outcome
         FROM unnest($1::bigint[], $2::text[]) AS o(id, outcome)
        WHERE a.id = o.id AND a.outcome = $3`,
      [ids, outcomes, PENDING],
    );
  }

  /** Records a change made with the command line (`cli`), which has no signed-in identity: actor kind `cli`. */
  async recordCommandLine(entry: AuditEntry): Promise<void> {
    await this.ds.query(
      `INSERT INTO audit_event (at, "actorKind", operation, ids, outcome) VALUES ($1, 'cli', $2, $3::jsonb, $4)`,
      [this.now(), entry.operation, JSON.stringify(entry.ids), entry.outcome],
    );
  }

  /** Newest first; at most `limit` (1–500) events before the event `before`, when given. */
  async list(filter: AuditFilter, limit: number, before: string | null): Promise<AuditEventView[]> {
    return this.ds.query(
      `SELECT a.id::text AS id, a.at, a."actorKind", a."staffUserId", u."displayName" AS "staffName",
              a."deviceId", d.name AS "deviceName", a."apiKeyId", k.name AS "apiKeyName", a.operation, a.ids,
              a.outcome
         FROM audit_event a
         LEFT JOIN staff_user u ON u.id = a."staffUserId"
         LEFT JOIN device d ON d.id = a."deviceId"
         LEFT JOIN api_key k ON k.id = a."apiKeyId"
        WHERE ($1::timestamptz IS NULL OR a.at >= $1) AND ($2::timestamptz IS NULL OR a.at < $2)
          AND ($3::uuid IS NULL OR a."staffUserId" = $3) AND ($4::text IS NULL OR a.operation = $4)
          AND ($5::bigint IS NULL OR a.id < $5)
          AND ($7::text IS NULL OR a."actorKind" = $7) AND ($8::uuid IS NULL OR a."deviceId" = $8)
          AND ($9::uuid IS NULL OR a."apiKeyId" = $9) AND ($10::text IS NULL OR a.outcome = $10)
        ORDER BY a.id DESC LIMIT $6`,
      [
        filter.from ?? null,
        filter.to ?? null,
        filter.staffUserId ?? null,
        filter.operation ?? null,
        before,
        Math.min(500, Math.max(1, limit)),
        filter.actorKind ?? null,
        filter.deviceId ?? null,
        filter.apiKeyId ?? null,
        filter.outcome ?? null,
      ],
    );
  }

  /** The operations, outcomes and actors that occur in the log between `from` and `to` (for filter choices). */
  async facets(from: Date | null, to: Date | null): Promise<AuditFacetsView> {
    const period = 'WHERE ($1::timestamptz IS NULL OR a.at >= $1) AND ($2::timestamptz IS NULL OR a.at < $2)';
    const args = [from, to];
    const [operations, outcomes, actors] = await Promise.all([
      this.ds.query(`SELECT DISTINCT a.operation AS v FROM audit_event a ${period} ORDER BY 1`, args),
      this.ds.query(`SELECT DISTINCT a.outcome AS v FROM audit_event a ${period} ORDER BY 1`, args),
      this.ds.query(
        `SELECT DISTINCT a."actorKind", a."staffUserId", u."displayName" AS "staffName", a."deviceId",
                d.name AS "deviceName", a."apiKeyId", k.name AS "apiKeyName"
           FROM audit_event a
           LEFT JOIN staff_user u ON u.id = a."staffUserId"
           LEFT JOIN device d ON d.id = a."deviceId"
           LEFT JOIN api_key k ON k.id = a."apiKeyId"
          ${period}
          ORDER BY 1, 3, 5, 7`,
        args,
      ),
    ]);
    return {
      operations: (operations as { v: string }[]).map((r) => r.v),
      outcomes: (outcomes as { v: string }[]).map((r) => r.v),
      actors: actors as AuditActorView[],
    };
  }
}

/** Removes audit events older than AUDIT_KEEP_DAYS (part of the daily retention run). */
export const auditRetentionStep: RetentionStep = {
  name: 'auditEvents',
  run: async (ds, _cutoff, now) => {
    const [, count]: [unknown, number] = await ds.query('DELETE FROM audit_event WHERE at < $1', [
      new Date(now.getTime() - AUDIT_KEEP_DAYS * 86_400_000),
    ]);
    return count;
  },
};
