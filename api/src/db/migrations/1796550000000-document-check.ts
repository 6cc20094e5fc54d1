import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The office's pre-check of uploaded documents (document-check module) and the mail that asks for a replacement. */
export class DocumentCheck1796550000000 implements MigrationInterface {
  name = 'DocumentCheck1796550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."document_check_state" AS ENUM('TO_CHECK', 'ACCEPTED', 'REPLACE')`);
    await queryRunner.query(
      `ALTER TABLE "upload" ADD "checkState" "public"."document_check_state" NOT NULL DEFAULT 'TO_CHECK'`,
    );
    await queryRunner.query('ALTER TABLE "upload" ADD "checkMessage" text');
    await queryRunner.query('ALTER TABLE "upload" ADD "checkedAt" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(`ALTER TYPE "public"."mail_kind" ADD VALUE 'DOCUMENT_CHECK'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The older type has no such kind: those mails go (the check state they told of goes too).
    await queryRunner.query(`DELETE FROM "mail_message" WHERE "kind" = 'DOCUMENT_CHECK'`);
    await queryRunner.query(
      `CREATE TYPE "public"."mail_kind_old" AS ENUM('CONFIRMATION', 'RESCHEDULED', 'CANCELLED', 'REMINDER_24H', 'REMINDER_4H', 'OFFICE_CLOSED', 'MANAGE_LINK')`,
    );
    await queryRunner.query(
      `ALTER TABLE "mail_message" ALTER COLUMN "kind" TYPE "public"."mail_kind_old" USING "kind"::"text"::"public"."mail_kind_old"`,
    );
    await queryRunner.query(`DROP TYPE "public"."mail_kind"`);
    await queryRunner.query(`ALTER TYPE "public"."mail_kind_old" RENAME TO "mail_kind"`);
    await queryRunner.query(`ALTER TABLE "upload" DROP COLUMN "checkedAt"`);
    await queryRunner.query(`ALTER TABLE "upload" DROP COLUMN "checkMessage"`);
    await queryRunner.query(`ALTER TABLE "upload" DROP COLUMN "checkState"`);
    await queryRunner.query(`DROP TYPE "public"."document_check_state"`);
  }
}
