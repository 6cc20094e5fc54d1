import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Office administration: the "office closed" cancellation mail (notifyClosureAffected). */
export class OfficeAdmin1795708000000 implements MigrationInterface {
  name = 'OfficeAdmin1795708000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TYPE "public"."mail_kind" ADD VALUE \'OFFICE_CLOSED\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
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
