import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WalkInRefusals1795706584899 implements MigrationInterface {
  name = 'WalkInRefusals1795706584899';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"walk_in_refusal_reason\" AS ENUM('OFFICE_CLOSED', 'CLOSING_SOON', 'MANUALLY_CLOSED', 'NO_COUNTER')",
    );
    await queryRunner.query(
      'CREATE TABLE "walk_in_refusal" ("id" BIGSERIAL NOT NULL, "officeId" uuid NOT NULL, "serviceDay" date NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" "public"."walk_in_refusal_reason" NOT NULL, "serviceIds" uuid array NOT NULL, CONSTRAINT "PK_347f7b2c29ade8ce9e6140741bd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "walk_in_refusal_office_day" ON "walk_in_refusal"  ("officeId", "serviceDay") ',
    );
    await queryRunner.query(
      'ALTER TABLE "walk_in_refusal" ADD CONSTRAINT "FK_05bfb82a5da7206b28c471a7870" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Written by hand: refusals are recorded facts for the statistics, never changed (TypeORM does not track triggers).
    await queryRunner.query(
      `CREATE FUNCTION walk_in_refusal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'walk_in_refusal is append-only'; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER walk_in_refusal_no_update BEFORE UPDATE ON walk_in_refusal FOR EACH ROW EXECUTE FUNCTION walk_in_refusal_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER walk_in_refusal_no_update ON walk_in_refusal');
    await queryRunner.query('DROP FUNCTION walk_in_refusal_append_only()');
    await queryRunner.query('ALTER TABLE "walk_in_refusal" DROP CONSTRAINT "FK_05bfb82a5da7206b28c471a7870"');
    await queryRunner.query('DROP INDEX "public"."walk_in_refusal_office_day"');
    await queryRunner.query('DROP TABLE "walk_in_refusal"');
    await queryRunner.query('DROP TYPE "public"."walk_in_refusal_reason"');
  }
}
