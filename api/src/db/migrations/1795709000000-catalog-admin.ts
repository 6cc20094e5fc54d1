import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalog administration: required documents can be deactivated like services and counters. */
export class CatalogAdmin1795709000000 implements MigrationInterface {
  name = 'CatalogAdmin1795709000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "required_document" ADD "active" boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "required_document" DROP COLUMN "active"`);
  }
}
