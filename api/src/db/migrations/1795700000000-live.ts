import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live updates: every change of an office's queue notifies the channel `bc_live` from a trigger. NOTIFY inside a
 * transaction is delivered when it commits (and never when it rolls back), to every api process that listens, so an
 * event can neither precede its data nor be lost by a code path that forgot to publish. The payload carries ids
 * only (NOTIFY is limited to 8000 bytes); listeners load the current state.
 */
export class Live1795700000000 implements MigrationInterface {
  name = 'Live1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION bc_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        office uuid;
        ticket uuid;
      BEGIN
        IF TG_TABLE_NAME = 'ticket_event' THEN
          office := NEW."officeId"; ticket := NEW."ticketId";
        ELSIF TG_TABLE_NAME = 'counter_session' THEN
          SELECT c."officeId" INTO office FROM counter c WHERE c.id = NEW."counterId";
        ELSIF TG_TABLE_NAME = 'walk_in_state' THEN
          office := NEW."officeId";
        ELSIF TG_TABLE_NAME = 'office' THEN
          office := NEW.id;
        END IF;
        IF office IS NOT NULL THEN
          PERFORM pg_notify('bc_live', json_build_object('o', office, 't', ticket, 's', TG_TABLE_NAME)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      'CREATE TRIGGER bc_live_ticket_event AFTER INSERT ON ticket_event FOR EACH ROW EXECUTE FUNCTION bc_live_notify()',
    );
    await q.query(
      'CREATE TRIGGER bc_live_counter_session AFTER INSERT OR UPDATE ON counter_session FOR EACH ROW EXECUTE FUNCTION bc_live_notify()',
    );
    await q.query(
      'CREATE TRIGGER bc_live_walk_in_state AFTER INSERT OR UPDATE ON walk_in_state FOR EACH ROW EXECUTE FUNCTION bc_live_notify()',
    );
    await q.query(
      `CREATE TRIGGER bc_live_office AFTER UPDATE ON office FOR EACH ROW
         WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION bc_live_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER bc_live_office ON office');
    await q.query('DROP TRIGGER bc_live_walk_in_state ON walk_in_state');
    await q.query('DROP TRIGGER bc_live_counter_session ON counter_session');
    await q.query('DROP TRIGGER bc_live_ticket_event ON ticket_event');
    await q.query('DROP FUNCTION bc_live_notify()');
  }
}
