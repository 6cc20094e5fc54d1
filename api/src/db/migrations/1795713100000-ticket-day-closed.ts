import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The event of a ticket left open at the end of its day and closed by the nightly job (queue/day-close.ts). */
export class TicketDayClosed1795713100000 implements MigrationInterface {
  name = 'TicketDayClosed1795713100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."ticket_event_type" ADD VALUE IF NOT EXISTS 'DAY_CLOSED'`);
  }

  /** PostgreSQL cannot drop an enum value: the type is made again, and such events become plain cancellations. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TYPE "public"."ticket_event_type" RENAME TO "ticket_event_type_old"');
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_event_type" AS ENUM('ISSUED', 'CALLED', 'RECALLED', 'SERVING_STARTED', 'FINISHED',
        'NO_SHOW', 'PARKED', 'REACTIVATED', 'TRANSFERRED', 'CANCELLED', 'PRIORITY_SET', 'UNDONE')`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_event" ALTER COLUMN "type" TYPE "public"."ticket_event_type"
        USING (CASE WHEN "type"::text = 'DAY_CLOSED' THEN 'CANCELLED' ELSE "type"::text END)::"public"."ticket_event_type"`,
    );
    await queryRunner.query('DROP TYPE "public"."ticket_event_type_old"');
  }
}
