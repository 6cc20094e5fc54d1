import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Append-only audit log: a trigger refuses changes; only the retention job deletes (old) rows. */
export class Audit1795707100000 implements MigrationInterface {
  name = 'Audit1795707100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        "actorKind" text NOT NULL,
        "staffUserId" uuid,
        "deviceId" uuid,
        "apiKeyId" uuid,
        operation text NOT NULL,
        ids jsonb NOT NULL DEFAULT '{}',
        outcome text NOT NULL
      )`);
    await q.query('CREATE INDEX audit_event_at ON audit_event (at)');
    await q.query('CREATE INDEX audit_event_staff_at ON audit_event ("staffUserId", at)');
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await q.query(
      'CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_event');
    await q.query('DROP FUNCTION audit_event_append_only()');
  }
}
