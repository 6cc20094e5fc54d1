import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795682842896 implements MigrationInterface {
  name = 'Initial1795682842896';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Login and request rate limits (rate-limiter-flexible), shared by all api processes.
    await queryRunner.query(
      'CREATE TABLE "rate_limit" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)',
    );
    await queryRunner.query(
      'CREATE TABLE "counter" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "label" text NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_012f437b30fcf5a172841392ef3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "counter_office_label_unique" ON "counter"  ("officeId", "label") ');
    await queryRunner.query(
      'CREATE TABLE "office" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "timeZone" text NOT NULL DEFAULT \'Europe/Berlin\', "holidayRegion" text NOT NULL DEFAULT \'BW\', "street" text NOT NULL, "postalCode" text NOT NULL, "city" text NOT NULL, "notice" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_17421a99e541676f48a5b496988" UNIQUE ("slug"), CONSTRAINT "PK_200185316ba169fda17e3b6ba00" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE TYPE "public"."hours_kind" AS ENUM(\'OPEN\', \'APPOINTMENTS\')');
    await queryRunner.query(
      'CREATE TABLE "opening_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "kind" "public"."hours_kind" NOT NULL, "weekday" smallint NOT NULL, "opensAt" TIME NOT NULL, "closesAt" TIME NOT NULL, CONSTRAINT "opening_hours_interval_order" CHECK ("opensAt" < "closesAt"), CONSTRAINT "opening_hours_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_09415e2b345103b1f5971464f85" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "opening_hours_office_weekday" ON "opening_hours"  ("officeId", "kind", "weekday") ',
    );
    await queryRunner.query(
      'CREATE TABLE "required_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT \'\', "uploadable" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_300ed345f09c863bbb1b3de7f2a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "required_document_office_name_unique" ON "required_document"  ("officeId", "name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT \'\', "durationMinutes" integer NOT NULL, "leikaKey" text, "bookableOnline" boolean NOT NULL DEFAULT true, "walkInAllowed" boolean NOT NULL DEFAULT true, "maxPerBooking" integer NOT NULL DEFAULT \'1\', "sortOrder" integer NOT NULL DEFAULT \'0\', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "service_max_per_booking_positive" CHECK ("maxPerBooking" >= 1), CONSTRAINT "service_duration_positive" CHECK ("durationMinutes" > 0), CONSTRAINT "PK_85a21558c006647cd76fdce044b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "service_office_name_unique" ON "service"  ("officeId", "name") ');
    await queryRunner.query(
      'CREATE TABLE "service_document" ("serviceId" uuid NOT NULL, "documentId" uuid NOT NULL, "mandatory" boolean NOT NULL DEFAULT true, "sortOrder" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_dfb4c9b9baeb463e1c8f2392427" PRIMARY KEY ("serviceId", "documentId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "prefix" text NOT NULL, "keyHash" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revokedAt" TIMESTAMP WITH TIME ZONE, "lastUsedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "api_key_hash_unique" ON "api_key"  ("keyHash") ');
    await queryRunner.query(
      'CREATE TABLE "device" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "tokenHash" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revokedAt" TIMESTAMP WITH TIME ZONE, "lastSeenAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2dc10972aa4e27c01378dad2c72" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "device_token_hash_unique" ON "device"  ("tokenHash") ');
    await queryRunner.query(
      'CREATE TABLE "staff_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tokenHash" text NOT NULL, "staffUserId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f6ff7fdf4bb47ace7981adbcdee" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "staff_session_token_hash_unique" ON "staff_session"  ("tokenHash") ');
    await queryRunner.query('CREATE INDEX "staff_session_expires_at" ON "staff_session"  ("expiresAt") ');
    await queryRunner.query(
      'CREATE TABLE "staff_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" text NOT NULL, "displayName" text NOT NULL, "passwordHash" text NOT NULL, "roles" text array NOT NULL DEFAULT \'{}\', "active" boolean NOT NULL DEFAULT true, "lastLoginAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5b021acaebf628d940d8ad2476d" UNIQUE ("username"), CONSTRAINT "PK_cec9365d9fc3a3409158b645f2e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "counter_service" ("counterId" uuid NOT NULL, "serviceId" uuid NOT NULL, CONSTRAINT "PK_fc5f809735306068094a92b9502" PRIMARY KEY ("counterId", "serviceId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_8a694200b0e30a213a5164b191" ON "counter_service"  ("counterId") ');
    await queryRunner.query('CREATE INDEX "IDX_11fe6e7e4ed859b5f754265469" ON "counter_service"  ("serviceId") ');
    await queryRunner.query(
      'CREATE TABLE "staff_office" ("staffUserId" uuid NOT NULL, "officeId" uuid NOT NULL, CONSTRAINT "PK_87c9471fdcb6332b81aa4fdfa10" PRIMARY KEY ("staffUserId", "officeId"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_73e3599ebf74f0c758c32a7370" ON "staff_office"  ("staffUserId") ');
    await queryRunner.query('CREATE INDEX "IDX_c888ec109252fa7dbd471f9f70" ON "staff_office"  ("officeId") ');
    await queryRunner.query(
      'ALTER TABLE "counter" ADD CONSTRAINT "FK_dc4569ea1769ba46ef9bb6bf793" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opening_hours" ADD CONSTRAINT "FK_b9782e7497a45e78bfe3013bec5" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "service" ADD CONSTRAINT "FK_28a9e251976bf0cb4c3293db7b8" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "service_document" ADD CONSTRAINT "FK_4bbf9294fa0dae1ff202270ce61" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "service_document" ADD CONSTRAINT "FK_6f962482d912b840a7812bc38fa" FOREIGN KEY ("documentId") REFERENCES "required_document"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "device" ADD CONSTRAINT "FK_fc05c617b08eb3102cd058acd99" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_session" ADD CONSTRAINT "FK_6f248278580b777830c56e429eb" FOREIGN KEY ("staffUserId") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "counter_service" ADD CONSTRAINT "FK_8a694200b0e30a213a5164b1910" FOREIGN KEY ("counterId") REFERENCES "counter"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "counter_service" ADD CONSTRAINT "FK_11fe6e7e4ed859b5f754265469e" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_office" ADD CONSTRAINT "FK_73e3599ebf74f0c758c32a7370a" FOREIGN KEY ("staffUserId") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_office" ADD CONSTRAINT "FK_c888ec109252fa7dbd471f9f70e" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_office" DROP CONSTRAINT "FK_c888ec109252fa7dbd471f9f70e"');
    await queryRunner.query('ALTER TABLE "staff_office" DROP CONSTRAINT "FK_73e3599ebf74f0c758c32a7370a"');
    await queryRunner.query('ALTER TABLE "counter_service" DROP CONSTRAINT "FK_11fe6e7e4ed859b5f754265469e"');
    await queryRunner.query('ALTER TABLE "counter_service" DROP CONSTRAINT "FK_8a694200b0e30a213a5164b1910"');
    await queryRunner.query('ALTER TABLE "staff_session" DROP CONSTRAINT "FK_6f248278580b777830c56e429eb"');
    await queryRunner.query('ALTER TABLE "device" DROP CONSTRAINT "FK_fc05c617b08eb3102cd058acd99"');
    await queryRunner.query('ALTER TABLE "service_document" DROP CONSTRAINT "FK_6f962482d912b840a7812bc38fa"');
    await queryRunner.query('ALTER TABLE "service_document" DROP CONSTRAINT "FK_4bbf9294fa0dae1ff202270ce61"');
    await queryRunner.query('ALTER TABLE "service" DROP CONSTRAINT "FK_28a9e251976bf0cb4c3293db7b8"');
    await queryRunner.query('ALTER TABLE "opening_hours" DROP CONSTRAINT "FK_b9782e7497a45e78bfe3013bec5"');
    await queryRunner.query('ALTER TABLE "counter" DROP CONSTRAINT "FK_dc4569ea1769ba46ef9bb6bf793"');
    await queryRunner.query('DROP INDEX "public"."IDX_c888ec109252fa7dbd471f9f70"');
    await queryRunner.query('DROP INDEX "public"."IDX_73e3599ebf74f0c758c32a7370"');
    await queryRunner.query('DROP TABLE "staff_office"');
    await queryRunner.query('DROP INDEX "public"."IDX_11fe6e7e4ed859b5f754265469"');
    await queryRunner.query('DROP INDEX "public"."IDX_8a694200b0e30a213a5164b191"');
    await queryRunner.query('DROP TABLE "counter_service"');
    await queryRunner.query('DROP TABLE "staff_user"');
    await queryRunner.query('DROP INDEX "public"."staff_session_expires_at"');
    await queryRunner.query('DROP INDEX "public"."staff_session_token_hash_unique"');
    await queryRunner.query('DROP TABLE "staff_session"');
    await queryRunner.query('DROP INDEX "public"."device_token_hash_unique"');
    await queryRunner.query('DROP TABLE "device"');
    await queryRunner.query('DROP INDEX "public"."api_key_hash_unique"');
    await queryRunner.query('DROP TABLE "api_key"');
    await queryRunner.query('DROP TABLE "service_document"');
    await queryRunner.query('DROP INDEX "public"."service_office_name_unique"');
    await queryRunner.query('DROP TABLE "service"');
    await queryRunner.query('DROP INDEX "public"."required_document_office_name_unique"');
    await queryRunner.query('DROP TABLE "required_document"');
    await queryRunner.query('DROP INDEX "public"."opening_hours_office_weekday"');
    await queryRunner.query('DROP TABLE "opening_hours"');
    await queryRunner.query('DROP TYPE "public"."hours_kind"');
    await queryRunner.query('DROP TABLE "office"');
    await queryRunner.query('DROP INDEX "public"."counter_office_label_unique"');
    await queryRunner.query('DROP TABLE "counter"');
    await queryRunner.query('DROP TABLE "rate_limit"');
  }
}
