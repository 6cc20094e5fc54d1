import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a visitor was told at issue (expected call time and its range), for the statistics' estimate calibration. */
export class TicketIssueEstimate1795713000000 implements MigrationInterface {
  name = 'TicketIssueEstimate1795713000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ticket" ADD "issuedExpectedCallAt" TIMESTAMP WITH TIME ZONE,
        ADD "issuedEarliestCallAt" TIMESTAMP WITH TIME ZONE, ADD "issuedLatestCallAt" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ticket" DROP COLUMN "issuedLatestCallAt", DROP COLUMN "issuedEarliestCallAt",
        DROP COLUMN "issuedExpectedCallAt"`,
    );
  }
}
