import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "Termin wiederfinden": the manage link mailed again (booking/manage-link.service.ts). */
export class ManageLinkMail1796530500000 implements MigrationInterface {
  name = 'ManageLinkMail1796530500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TYPE "public"."mail_kind" ADD VALUE \'MANAGE_LINK\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The older type has no such kind: those mails go (they only repeat a link).
    await queryRunner.query(`DELETE FROM "mail_message" WHERE "kind" = 'MANAGE_LINK'`);
    await queryRunner.query(
      "CREATE TYPE \"public\".\"mail_kind_old\" AS ENUM('CONFIRMATION', 'RESCHEDULED', 'CANCELLED', 'REMINDER_24H', 'REMINDER_4H', 'OFFICE_CLOSED')",
    );
    await queryRunner.query(
      'ALTER TABLE "mail_message" ALTER COLUMN "kind" TYPE "public"."mail_kind_old" USING "kind"::"text"::"public"."mail_kind_old"',
    );
    await queryRunner.query('DROP TYPE "public"."mail_kind"');
    await queryRunner.query('ALTER TYPE "public"."mail_kind_old" RENAME TO "mail_kind"');
  }
}
