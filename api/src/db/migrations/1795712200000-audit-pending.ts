import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries are written before their mutation runs, with outcome PENDING, and get their outcome afterwards. The
 * log stays append-only otherwise: the one change allowed is a PENDING outcome set once, nothing else of the row.
 */
export class AuditPending1795712200000 implements MigrationInterface {
  name = 'AuditPending1795712200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.outcome = 'PENDING' AND NEW.outcome <> 'PENDING'
           AND (NEW.id, NEW.at, NEW."actorKind", NEW."staffUserId", NEW."deviceId", NEW."apiKeyId", NEW.operation, NEW.ids)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.at, OLD."actorKind", OLD."staffUserId", OLD."deviceId", OLD."apiKeyId", OLD.operation, OLD.ids)
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
  }
}
