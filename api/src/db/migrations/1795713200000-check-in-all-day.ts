import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Check-in opens on the appointment's day (queue/check-in-window.ts): the office's early window goes. */
export class CheckInAllDay1795713200000 implements MigrationInterface {
  name = 'CheckInAllDay1795713200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "office" DROP CONSTRAINT "office_check_in_window_range"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "checkInEarlyMinutes"');
    await queryRunner.query(
      'ALTER TABLE "office" ADD CONSTRAINT "office_check_in_window_range" CHECK ("checkInLateMinutes" >= 0)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "office" DROP CONSTRAINT "office_check_in_window_range"');
    await queryRunner.query('ALTER TABLE "office" ADD "checkInEarlyMinutes" integer NOT NULL DEFAULT \'30\'');
    await queryRunner.query(
      'ALTER TABLE "office" ADD CONSTRAINT "office_check_in_window_range" CHECK ("checkInEarlyMinutes" >= 0 AND "checkInLateMinutes" >= 0)',
    );
  }
}
