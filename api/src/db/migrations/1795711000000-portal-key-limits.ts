import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PortalKeyLimits1795711000000 implements MigrationInterface {
  name = 'PortalKeyLimits1795711000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "api_key" ADD "requestsPerMinute" integer');
    await queryRunner.query(
      'ALTER TABLE "api_key" ADD CONSTRAINT "api_key_requests_per_minute_positive" CHECK ("requestsPerMinute" IS NULL OR "requestsPerMinute" > 0)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "api_key" DROP CONSTRAINT "api_key_requests_per_minute_positive"');
    await queryRunner.query('ALTER TABLE "api_key" DROP COLUMN "requestsPerMinute"');
  }
}
