import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters are written on every booking, sign-in and upload attempt and need no durability: unlogged,
 * they cost no WAL and no disk flush. A crash (or a fail-over to a standby) resets them, which only forgives the
 * attempts of the last hour.
 */
export class RateLimitUnlogged1795712100000 implements MigrationInterface {
  name = 'RateLimitUnlogged1795712100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "rate_limit" SET UNLOGGED');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "rate_limit" SET LOGGED');
  }
}
