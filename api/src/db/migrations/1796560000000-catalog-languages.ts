import type { MigrationInterface, QueryRunner } from 'typeorm';

/** English and Leichte Sprache texts of services and required documents; the languages an office's kiosk offers. */
export class CatalogLanguages1796560000000 implements MigrationInterface {
  name = 'CatalogLanguages1796560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "service" ADD "translations" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "required_document" ADD "translations" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "office" ADD "languages" text array NOT NULL DEFAULT '{de,en}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "languages"');
    await queryRunner.query('ALTER TABLE "required_document" DROP COLUMN "translations"');
    await queryRunner.query('ALTER TABLE "service" DROP COLUMN "translations"');
  }
}
