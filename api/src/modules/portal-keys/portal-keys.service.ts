/**
 * Portal API keys: issue (the plain key is returned once, only its SHA-256 is stored), list, rename, per-key limit,
 * revoke. The staff UI (through GraphQL) and the command line use this one service. Nothing here is cached: every
 * request looks its key up in the database (IdentityService), so a revocation holds at once in every api process.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { generateSecret, hashSecret, tokenPrefix } from '../../shared/credentials.js';
import type { FieldProblem } from '../../shared/field-problem.js';
import { isUuid } from '../../shared/ids.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { checkKeyName, checkRequestsPerMinute } from './portal-key-rules.js';

export type PortalKeyView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  requestsPerMinute: number | null;
  effectiveRequestsPerMinute: number;
};

export type KeyOutcome<T> = { kind: 'ok'; value: T } | { kind: 'invalid'; problems: FieldProblem[] };

const invalid = (...problems: FieldProblem[]) => ({ kind: 'invalid' as const, problems });
const unknownKey: FieldProblem = { field: 'id', code: 'UNKNOWN_KEY', message: 'There is no such API key.' };
const revokedKey: FieldProblem = { field: 'id', code: 'REVOKED', message: 'This API key is revoked.' };

/** Serialises changes of key names, so that two active keys never get the same name. */
const NAMES_LOCK = "SELECT pg_advisory_xact_lock(hashtext('api_key names'))";

export class PortalKeysService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
    /** PORTAL_REQUESTS_PER_MINUTE: the limit of keys without their own. */
    readonly defaultRequestsPerMinute: number,
  ) {}

  view(row: ApiKeyEntity): PortalKeyView {
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
      lastUsedAt: row.lastUsedAt,
      requestsPerMinute: row.requestsPerMinute,
      effectiveRequestsPerMinute: row.requestsPerMinute ?? this.defaultRequestsPerMinute,
    };
  }

  /** Active keys first (newest first), then revoked ones (last revoked first). */
  async list(): Promise<PortalKeyView[]> {
    const rows = await this.ds
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .orderBy('k.revokedAt IS NULL', 'DESC')
      .addOrderBy('k.revokedAt', 'DESC')
      .addOrderBy('k.createdAt', 'DESC')
      .addOrderBy('k.id', 'ASC')
      .getMany();
    return rows.map((r) => this.view(r));
  }

  async create(
    name: string,
    requestsPerMinute?: number | null,
  ): Promise<KeyOutcome<{ key: string; apiKey: PortalKeyView }>> {
    const limit = checkRequestsPerMinute(requestsPerMinute);
    return this.ds.transaction(async (m) => {
      await m.query(NAMES_LOCK);
      const checked = checkKeyName(name, await this.activeNames(m, null));
      const problems = [...(checked.ok ? [] : checked.problems), ...(limit.ok ? [] : limit.problems)];
      if (!checked.ok || !limit.ok) return invalid(...problems);
      const key = generateSecret(tokenPrefix.apiKey);
      const row = await m.getRepository(ApiKeyEntity).save(
        m.getRepository(ApiKeyEntity).create({
          name: checked.value,
          prefix: key.slice(0, 10),
          keyHash: hashSecret(key),
          requestsPerMinute: limit.value,
          createdAt: this.now(),
          revokedAt: null,
          lastUsedAt: null,
        }),
      );
      return { kind: 'ok' as const, value: { key, apiKey: this.view(row) } };
    });
  }

  async rename(id: string, name: string): Promise<KeyOutcome<PortalKeyView>> {
    return this.change(id, async (m, row) => {
      await m.query(NAMES_LOCK);
      const checked = checkKeyName(name, await this.activeNames(m, row.id));
      if (!checked.ok) return invalid(...checked.problems);
      row.name = checked.value;
      return { kind: 'ok', value: row };
    });
  }

  async setLimits(id: string, requestsPerMinute: number | null | undefined): Promise<KeyOutcome<PortalKeyView>> {
    return this.change(id, async (_m, row) => {
      const limit = checkRequestsPerMinute(requestsPerMinute);
      if (!limit.ok) return invalid(...limit.problems);
      row.requestsPerMinute = limit.value;
      return { kind: 'ok', value: row };
    });
  }

  /** Revokes at once; revoking a revoked key changes nothing (it keeps its first revocation time). */
  async revoke(id: string): Promise<KeyOutcome<PortalKeyView>> {
    return this.change(
      id,
      async (_m, row) => {
        row.revokedAt ??= this.now();
        return { kind: 'ok', value: row };
      },
      true,
    );
  }

  /** Loads the key locked, lets `work` change it, saves it: one transaction; revoked keys only when `onRevoked`. */
  private async change(
    id: string,
    work: (m: EntityManager, row: ApiKeyEntity) => Promise<KeyOutcome<ApiKeyEntity>>,
    onRevoked = false,
  ): Promise<KeyOutcome<PortalKeyView>> {
    if (!isUuid(id)) return invalid(unknownKey);
    const outcome = await this.ds.transaction(async (m): Promise<KeyOutcome<ApiKeyEntity>> => {
      const repo = m.getRepository(ApiKeyEntity);
      const row = await repo.createQueryBuilder('k').setLock('pessimistic_write').where('k.id = :id', { id }).getOne();
      if (!row) return invalid(unknownKey);
      if (row.revokedAt && !onRevoked) return invalid(revokedKey);
      const done = await work(m, row);
      if (done.kind === 'ok') await repo.save(done.value);
      return done;
    });
    return outcome.kind === 'ok' ? { kind: 'ok', value: this.view(outcome.value) } : outcome;
  }

  private async activeNames(m: EntityManager, except: string | null): Promise<string[]> {
    const rows: { name: string }[] = await m.query(
      'SELECT name FROM api_key WHERE "revokedAt" IS NULL AND ($1::uuid IS NULL OR id <> $1)',
      [except],
    );
    return rows.map((r) => r.name);
  }
}
