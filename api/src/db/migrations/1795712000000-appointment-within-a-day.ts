import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AppointmentWithinADay1795712000000 implements MigrationInterface {
  name = 'AppointmentWithinADay1795712000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "appointment_within_a_day" CHECK ("endsAt" <= "startsAt" + interval '25 hours')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "appointment" DROP CONSTRAINT "appointment_within_a_day"');
  }
}
