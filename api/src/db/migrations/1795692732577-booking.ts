import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Booking1795692732577 implements MigrationInterface {
  name = 'Booking1795692732577';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: the exclusion constraint on (counter, time range) needs gist support for uuid equality.
    // btree_gist is a trusted extension, so the database owner may create it without being superuser.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query('CREATE TYPE "public"."appointment_status" AS ENUM(\'BOOKED\', \'CANCELLED\')');
    await queryRunner.query("CREATE TYPE \"public\".\"booking_channel\" AS ENUM('WEB', 'PORTAL', 'INFO_DESK')");
    await queryRunner.query(
      'CREATE TABLE "appointment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "counterId" uuid NOT NULL, "reference" text NOT NULL, "manageTokenHash" text NOT NULL, "checkInCode" text NOT NULL, "startsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "endsAt" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."appointment_status" NOT NULL DEFAULT \'BOOKED\', "citizenName" text NOT NULL, "email" text NOT NULL, "phone" text, "language" text NOT NULL DEFAULT \'de\', "channel" "public"."booking_channel" NOT NULL, "channelName" text, "consentAt" TIMESTAMP WITH TIME ZONE NOT NULL, "cancelledAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "appointment_interval_order" CHECK ("startsAt" < "endsAt"), CONSTRAINT "appointment_counter_no_overlap" EXCLUDE USING gist ("counterId" WITH =, tstzrange("startsAt", "endsAt") WITH &&) WHERE ("status" = \'BOOKED\'), CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "appointment_reference_unique" ON "appointment"  ("reference") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "appointment_manage_token_unique" ON "appointment"  ("manageTokenHash") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "appointment_check_in_code_unique" ON "appointment"  ("checkInCode") ',
    );
    await queryRunner.query('CREATE INDEX "appointment_email_status" ON "appointment"  ("email", "status") ');
    await queryRunner.query('CREATE INDEX "appointment_office_starts" ON "appointment"  ("officeId", "startsAt") ');
    await queryRunner.query(
      'CREATE TABLE "appointment_service" ("appointmentId" uuid NOT NULL, "serviceId" uuid NOT NULL, "count" integer NOT NULL, CONSTRAINT "appointment_service_count_positive" CHECK ("count" >= 1), CONSTRAINT "PK_7c8800b3cff48071b34a68ec113" PRIMARY KEY ("appointmentId", "serviceId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "office_closure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "date" date NOT NULL, "reason" text NOT NULL DEFAULT \'\', CONSTRAINT "PK_75f0177e8b6126cd1cc2489db3f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "office_closure_office_date_unique" ON "office_closure"  ("officeId", "date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "counter_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "counterId" uuid NOT NULL, "weekday" smallint NOT NULL, "opensAt" TIME NOT NULL, "closesAt" TIME NOT NULL, CONSTRAINT "counter_hours_interval_order" CHECK ("opensAt" < "closesAt"), CONSTRAINT "counter_hours_weekday_range" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "PK_d4b3590d4939b4f65be51f94c58" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "counter_hours_counter_weekday" ON "counter_hours"  ("counterId", "weekday") ',
    );
    await queryRunner.query(
      'CREATE TABLE "upload" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "documentId" uuid NOT NULL, "appointmentId" uuid, "fileName" text NOT NULL, "mediaType" text NOT NULL, "sizeBytes" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "upload_size_positive" CHECK ("sizeBytes" > 0), CONSTRAINT "PK_1fe8db121b3de4ddfa677fc51f3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "upload_appointment" ON "upload"  ("appointmentId") ');
    await queryRunner.query(
      'CREATE INDEX "upload_unattached_created" ON "upload"  ("createdAt") WHERE "appointmentId" IS NULL',
    );
    await queryRunner.query(
      'CREATE TABLE "upload_blob" ("uploadId" uuid NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_b78b76f86891cc9d5b9b2e8c507" PRIMARY KEY ("uploadId"))',
    );
    await queryRunner.query('ALTER TABLE "office" ADD "slotMinutes" integer NOT NULL DEFAULT \'5\'');
    await queryRunner.query('ALTER TABLE "office" ADD "leadMinutes" integer NOT NULL DEFAULT \'60\'');
    await queryRunner.query('ALTER TABLE "office" ADD "horizonDays" integer NOT NULL DEFAULT \'60\'');
    await queryRunner.query(
      'ALTER TABLE "office" ADD CONSTRAINT "office_horizon_days_range" CHECK ("horizonDays" BETWEEN 1 AND 366)',
    );
    await queryRunner.query(
      'ALTER TABLE "office" ADD CONSTRAINT "office_lead_minutes_range" CHECK ("leadMinutes" >= 0)',
    );
    await queryRunner.query(
      'ALTER TABLE "office" ADD CONSTRAINT "office_slot_minutes_range" CHECK ("slotMinutes" BETWEEN 1 AND 60)',
    );
    await queryRunner.query(
      'ALTER TABLE "appointment" ADD CONSTRAINT "FK_3a00176e09333bb82a4be0338f5" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointment" ADD CONSTRAINT "FK_2d2cbee11520e5ee5cac23dfe55" FOREIGN KEY ("counterId") REFERENCES "counter"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointment_service" ADD CONSTRAINT "FK_040c82b23e660475d29615eaac5" FOREIGN KEY ("appointmentId") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointment_service" ADD CONSTRAINT "FK_1963f7aba7148362308fd7a5637" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "office_closure" ADD CONSTRAINT "FK_1f31e570f55fe154729540efb28" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "counter_hours" ADD CONSTRAINT "FK_21068732966ef8ad9d9aefe7bfc" FOREIGN KEY ("counterId") REFERENCES "counter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "upload" ADD CONSTRAINT "FK_185684e8d9cc7b019f2e42429d1" FOREIGN KEY ("documentId") REFERENCES "required_document"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "upload" ADD CONSTRAINT "FK_ae1da3367c4e6d1e08988730c31" FOREIGN KEY ("appointmentId") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "upload_blob" ADD CONSTRAINT "FK_b78b76f86891cc9d5b9b2e8c507" FOREIGN KEY ("uploadId") REFERENCES "upload"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "upload_blob" DROP CONSTRAINT "FK_b78b76f86891cc9d5b9b2e8c507"');
    await queryRunner.query('ALTER TABLE "upload" DROP CONSTRAINT "FK_ae1da3367c4e6d1e08988730c31"');
    await queryRunner.query('ALTER TABLE "upload" DROP CONSTRAINT "FK_185684e8d9cc7b019f2e42429d1"');
    await queryRunner.query('ALTER TABLE "counter_hours" DROP CONSTRAINT "FK_21068732966ef8ad9d9aefe7bfc"');
    await queryRunner.query('ALTER TABLE "office_closure" DROP CONSTRAINT "FK_1f31e570f55fe154729540efb28"');
    await queryRunner.query('ALTER TABLE "appointment_service" DROP CONSTRAINT "FK_1963f7aba7148362308fd7a5637"');
    await queryRunner.query('ALTER TABLE "appointment_service" DROP CONSTRAINT "FK_040c82b23e660475d29615eaac5"');
    await queryRunner.query('ALTER TABLE "appointment" DROP CONSTRAINT "FK_2d2cbee11520e5ee5cac23dfe55"');
    await queryRunner.query('ALTER TABLE "appointment" DROP CONSTRAINT "FK_3a00176e09333bb82a4be0338f5"');
    await queryRunner.query('ALTER TABLE "office" DROP CONSTRAINT "office_slot_minutes_range"');
    await queryRunner.query('ALTER TABLE "office" DROP CONSTRAINT "office_lead_minutes_range"');
    await queryRunner.query('ALTER TABLE "office" DROP CONSTRAINT "office_horizon_days_range"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "horizonDays"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "leadMinutes"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "slotMinutes"');
    await queryRunner.query('DROP TABLE "upload_blob"');
    await queryRunner.query('DROP INDEX "public"."upload_unattached_created"');
    await queryRunner.query('DROP INDEX "public"."upload_appointment"');
    await queryRunner.query('DROP TABLE "upload"');
    await queryRunner.query('DROP INDEX "public"."counter_hours_counter_weekday"');
    await queryRunner.query('DROP TABLE "counter_hours"');
    await queryRunner.query('DROP INDEX "public"."office_closure_office_date_unique"');
    await queryRunner.query('DROP TABLE "office_closure"');
    await queryRunner.query('DROP TABLE "appointment_service"');
    await queryRunner.query('DROP INDEX "public"."appointment_office_starts"');
    await queryRunner.query('DROP INDEX "public"."appointment_email_status"');
    await queryRunner.query('DROP INDEX "public"."appointment_check_in_code_unique"');
    await queryRunner.query('DROP INDEX "public"."appointment_manage_token_unique"');
    await queryRunner.query('DROP INDEX "public"."appointment_reference_unique"');
    await queryRunner.query('DROP TABLE "appointment"');
    await queryRunner.query('DROP TYPE "public"."booking_channel"');
    await queryRunner.query('DROP TYPE "public"."appointment_status"');
  }
}
