import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The calendar event's SEQUENCE per appointment (booking/confirmation.ts); existing appointments start at 0. */
export class CalendarSequence1796530437757 implements MigrationInterface {
  name = 'CalendarSequence1796530437757';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "appointment" ADD "calendarSequence" integer NOT NULL DEFAULT \'0\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "appointment" DROP COLUMN "calendarSequence"');
  }
}
