import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation notices: when a staff session ends (sign-out, deactivation, password change), an account loses roles,
 * offices or its active flag, a device is revoked or paired anew, or a portal key is revoked, a trigger notifies the
 * channel `bc_revoked` with `{"k": kind, "id": uuid}`. Delivered at commit to every api process, which closes the
 * WebSockets holding that credential at once (modules/live/signed-in-sockets.ts). A trigger, not code, so that no
 * path (staff pages, command line, a hand-written UPDATE) can forget it.
 */
export class RevocationNotices1795712700000 implements MigrationInterface {
  name = 'RevocationNotices1795712700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bc_revoked_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        id uuid;
      BEGIN
        IF TG_TABLE_NAME = 'staff_office' THEN
          id := OLD."staffUserId";
        ELSE
          id := OLD.id;
        END IF;
        PERFORM pg_notify('bc_revoked', json_build_object('k', TG_ARGV[0], 'id', id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER bc_revoked_staff_session AFTER DELETE ON staff_session
      FOR EACH ROW EXECUTE FUNCTION bc_revoked_notify('session')`);
    await q.query(`CREATE TRIGGER bc_revoked_staff_user AFTER UPDATE OF roles, active ON staff_user
      FOR EACH ROW WHEN (OLD.roles IS DISTINCT FROM NEW.roles OR OLD.active IS DISTINCT FROM NEW.active)
      EXECUTE FUNCTION bc_revoked_notify('staff')`);
    await q.query(`CREATE TRIGGER bc_revoked_staff_office AFTER DELETE ON staff_office
      FOR EACH ROW EXECUTE FUNCTION bc_revoked_notify('staff')`);
    await q.query(`CREATE TRIGGER bc_revoked_device AFTER UPDATE OF "revokedAt", "tokenHash" ON device
      FOR EACH ROW WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."tokenHash" IS DISTINCT FROM NEW."tokenHash")
      EXECUTE FUNCTION bc_revoked_notify('device')`);
    await q.query(`CREATE TRIGGER bc_revoked_device_deleted AFTER DELETE ON device
      FOR EACH ROW EXECUTE FUNCTION bc_revoked_notify('device')`);
    await q.query(`CREATE TRIGGER bc_revoked_api_key AFTER UPDATE OF "revokedAt" ON api_key
      FOR EACH ROW WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt") EXECUTE FUNCTION bc_revoked_notify('apiKey')`);
    await q.query(`CREATE TRIGGER bc_revoked_api_key_deleted AFTER DELETE ON api_key
      FOR EACH ROW EXECUTE FUNCTION bc_revoked_notify('apiKey')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER bc_revoked_api_key_deleted ON api_key');
    await q.query('DROP TRIGGER bc_revoked_api_key ON api_key');
    await q.query('DROP TRIGGER bc_revoked_device_deleted ON device');
    await q.query('DROP TRIGGER bc_revoked_device ON device');
    await q.query('DROP TRIGGER bc_revoked_staff_office ON staff_office');
    await q.query('DROP TRIGGER bc_revoked_staff_user ON staff_user');
    await q.query('DROP TRIGGER bc_revoked_staff_session ON staff_session');
    await q.query('DROP FUNCTION bc_revoked_notify()');
  }
}
