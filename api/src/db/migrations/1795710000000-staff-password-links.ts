import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffPasswordLinks1795710000000 implements MigrationInterface {
  name = 'StaffPasswordLinks1795710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "staff_password_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "codeHash" text NOT NULL, "staffUserId" uuid NOT NULL, "issuedById" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "usedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2692497ca98daa05bfae4884161" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "staff_password_link_code_hash_unique" ON "staff_password_link"  ("codeHash") ',
    );
    await queryRunner.query('CREATE INDEX "staff_password_link_staff_user" ON "staff_password_link"  ("staffUserId") ');
    await queryRunner.query(
      'ALTER TABLE "staff_password_link" ADD CONSTRAINT "FK_96ff94738e71f0996ab2f1e2c4f" FOREIGN KEY ("staffUserId") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_password_link" ADD CONSTRAINT "FK_06e93b1d9039ca6fcd27364117a" FOREIGN KEY ("issuedById") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_password_link" DROP CONSTRAINT "FK_06e93b1d9039ca6fcd27364117a"');
    await queryRunner.query('ALTER TABLE "staff_password_link" DROP CONSTRAINT "FK_96ff94738e71f0996ab2f1e2c4f"');
    await queryRunner.query('DROP INDEX "public"."staff_password_link_staff_user"');
    await queryRunner.query('DROP INDEX "public"."staff_password_link_code_hash_unique"');
    await queryRunner.query('DROP TABLE "staff_password_link"');
  }
}
