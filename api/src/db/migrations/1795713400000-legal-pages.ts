import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The installation's own legal pages (modules/legal); without a row a page shows its sample text. */
export class LegalPages1795713400000 implements MigrationInterface {
  name = 'LegalPages1795713400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "legal_page" ("kind" text NOT NULL, "texts" jsonb NOT NULL, "feedbackEmail" text, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "legal_page_kind_known" CHECK ("kind" IN ('IMPRINT', 'PRIVACY', 'ACCESSIBILITY')), CONSTRAINT "PK_a81034cda572b554576330473d0" PRIMARY KEY ("kind"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "legal_page"');
  }
}
