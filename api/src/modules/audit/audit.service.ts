/** Writes and reads the append-only audit log (table audit_event, migration "audit"). */
import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { Context, Identity } from '../../graphql/context.js';
import type { Logger } from '../../logger.js';
import type { RetentionStep } from '../retention/retention.service.js';
import { type AuditEntry, auditEntries } from './audit-record.js';

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

  async record(identity: Identity, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const who = {
      staff: identity.kind === 'staff' ? identity.user.id : null,
      device: identity.kind === 'device' ? identity.device.id : null,
      key: identity.kind === 'portal' ? identity.apiKey.id : null,
    };
    await this.ds.query(
      `INSERT INTO audit_event (at, "actorKind", "staffUserId", "deviceId", "apiKeyId", operation, ids, outcome)
       SELECT $1, $2, $3, $4, $5, e.operation, e.ids, e.outcome
         FROM jsonb_to_recordset($6::jsonb) AS e(operation text, ids jsonb, outcome text)`,
      [this.now(), identity.kind, who.staff, who.device, who.key, JSON.stringify(entries)],
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

/** Sign-in and sign-out are recorded whoever calls them; other mutations when staff, a device or a portal calls. */
const ALWAYS = new Set(['login', 'logout']);

/**
 * Records every mutation of staff, devices and portals (and every sign-in attempt) once its response is ready.
 * A failure to write the log is logged, not turned into a failed response: the change itself already happened.
 */
export function auditPlugin(log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, request, response, schema }) {
          if (operation?.operation !== 'mutation' || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const entries = auditEntries(schema, operation, request.variables ?? {}, data, errors ?? []).filter(
            (e) => contextValue.identity.kind !== 'anonymous' || ALWAYS.has(e.operation),
          );
          await contextValue.services.audit
            .record(contextValue.identity, entries)
            .catch((err) => log.error({ err }, 'audit log: cannot record'));
        },
      };
    },
  };
}
