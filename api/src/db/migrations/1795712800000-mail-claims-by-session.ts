import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail claims are held by the claiming process's database session (an advisory lock, see mail-claims.ts) instead of a
 * five-minute lease in "lockedUntil": a crashed process's mails are taken over at once. Api processes of the previous
 * version cannot dispatch mail after this migration (their mails wait, nothing is lost); replace them all.
 */
export class MailClaimsBySession1795712800000 implements MigrationInterface {
  name = 'MailClaimsBySession1795712800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."mail_message_claimed"');
    await queryRunner.query('ALTER TABLE "mail_message" DROP COLUMN "lockedUntil"');
    await queryRunner.query(
      'CREATE INDEX "mail_message_sending" ON "mail_message"  ("nextAttemptAt") WHERE "status" = \'SENDING\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."mail_message_sending"');
    await queryRunner.query('ALTER TABLE "mail_message" ADD "lockedUntil" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'CREATE INDEX "mail_message_claimed" ON "mail_message" USING btree ("lockedUntil") WHERE (status = \'SENDING\'::mail_status)',
    );
  }
}
