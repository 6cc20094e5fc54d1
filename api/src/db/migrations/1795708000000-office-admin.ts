import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Office administration: the "office closed" cancellation mail (notifyClosureAffected) and extra opening days. */
export class OfficeAdmin1795708000000 implements MigrationInterface {
  name = 'OfficeAdmin1795708000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TYPE "public"."mail_kind" ADD VALUE \'OFFICE_CLOSED\'');
    await queryRunner.query(
      'CREATE TABLE "office_extra_day" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "date" date NOT NULL, "opensAt" TIME NOT NULL, "closesAt" TIME NOT NULL, "note" text NOT NULL DEFAULT \'\', CONSTRAINT "office_extra_day_interval_order" CHECK ("opensAt" < "closesAt"), CONSTRAINT "PK_2da4b795b67dee3aa0b5915e656" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "office_extra_day_office_date" ON "office_extra_day"  ("officeId", "date") ');
    await queryRunner.query(
      'ALTER TABLE "office_extra_day" ADD CONSTRAINT "FK_e397322b117cd72e77ad0700db8" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "office_extra_day" DROP CONSTRAINT "FK_e397322b117cd72e77ad0700db8"');
    await queryRunner.query('DROP INDEX "public"."office_extra_day_office_date"');
    await queryRunner.query('DROP TABLE "office_extra_day"');
    // The older type has no such kind: those notices become plain cancellation notices.
    await queryRunner.query(`UPDATE "mail_message" SET "kind" = 'CANCELLED' WHERE "kind" = 'OFFICE_CLOSED'`);
    await queryRunner.query(
      "CREATE TYPE \"public\".\"mail_kind_old\" AS ENUM('CONFIRMATION', 'RESCHEDULED', 'CANCELLED', 'REMINDER_24H', 'REMINDER_4H')",
    );
    await queryRunner.query(
      'ALTER TABLE "mail_message" ALTER COLUMN "kind" TYPE "public"."mail_kind_old" USING "kind"::"text"::"public"."mail_kind_old"',
    );
    await queryRunner.query('DROP TYPE "public"."mail_kind"');
    await queryRunner.query('ALTER TYPE "public"."mail_kind_old" RENAME TO "mail_kind"');
  }
}
