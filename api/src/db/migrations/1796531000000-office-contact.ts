import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The office's public phone and email (catalog Office.contact; the map link is computed from the address). */
export class OfficeContact1796531000000 implements MigrationInterface {
  name = 'OfficeContact1796531000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "office" ADD "phone" text');
    await queryRunner.query('ALTER TABLE "office" ADD "email" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "email"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "phone"');
  }
}
