import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Devices1795710500000 implements MigrationInterface {
  name = 'Devices1795710500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "device" ADD "pairingCodeHash" text');
    await queryRunner.query('ALTER TABLE "device" ADD "pairingCodeExpiresAt" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "device" ADD "pairedAt" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "device" ALTER COLUMN "tokenHash" DROP NOT NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "device_pairing_code_hash_unique" ON "device"  ("pairingCodeHash") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."device_pairing_code_hash_unique"');
    // Devices still waiting for pairing have no token and cannot exist in the older schema.
    await queryRunner.query('DELETE FROM "device" WHERE "tokenHash" IS NULL');
    await queryRunner.query('ALTER TABLE "device" ALTER COLUMN "tokenHash" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "device" DROP COLUMN "pairedAt"');
    await queryRunner.query('ALTER TABLE "device" DROP COLUMN "pairingCodeExpiresAt"');
    await queryRunner.query('ALTER TABLE "device" DROP COLUMN "pairingCodeHash"');
  }
}
