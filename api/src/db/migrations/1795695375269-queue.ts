import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Queue1795695375269 implements MigrationInterface {
  name = 'Queue1795695375269';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "counter_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "counterId" uuid NOT NULL, "staffUserId" uuid NOT NULL, "openedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "pausedAt" TIMESTAMP WITH TIME ZONE, "closedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1bb2b3ce11373f02c60b30102d1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "counter_session_staff_open" ON "counter_session"  ("staffUserId") WHERE "closedAt" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "counter_session_open_unique" ON "counter_session"  ("counterId") WHERE "closedAt" IS NULL',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"ticket_origin\" AS ENUM('APPOINTMENT', 'KIOSK', 'INFO_DESK')");
    await queryRunner.query(
      "CREATE TYPE \"public\".\"ticket_status\" AS ENUM('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'PARKED', 'CANCELLED')",
    );
    await queryRunner.query('CREATE TYPE "public"."ticket_priority" AS ENUM(\'BIOMETRICS\', \'STAFF\')');
    await queryRunner.query(
      'CREATE TABLE "ticket" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "officeId" uuid NOT NULL, "serviceDay" date NOT NULL, "number" text NOT NULL, "origin" "public"."ticket_origin" NOT NULL, "appointmentId" uuid, "status" "public"."ticket_status" NOT NULL DEFAULT \'WAITING\', "priority" "public"."ticket_priority", "priorityNote" text, "dueAt" TIMESTAMP WITH TIME ZONE NOT NULL, "arrivedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "counterId" uuid, "callCount" integer NOT NULL DEFAULT \'0\', "calledAt" TIMESTAMP WITH TIME ZONE, "startedAt" TIMESTAMP WITH TIME ZONE, "endedAt" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT \'1\', "requestKey" text, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_version_positive" CHECK ("version" >= 1), CONSTRAINT "ticket_call_count_range" CHECK ("callCount" >= 0), CONSTRAINT "PK_d9a0835407701eb86f874474b7c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ticket_office_day_status" ON "ticket"  ("officeId", "serviceDay", "status") ',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "ticket_request_key_unique" ON "ticket"  ("requestKey") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ticket_appointment_unique" ON "ticket"  ("appointmentId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "ticket_office_day_number_unique" ON "ticket"  ("officeId", "serviceDay", "number") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"ticket_event_type\" AS ENUM('ISSUED', 'CALLED', 'RECALLED', 'SERVING_STARTED', 'FINISHED', 'NO_SHOW', 'PARKED', 'REACTIVATED', 'TRANSFERRED', 'CANCELLED', 'PRIORITY_SET', 'UNDONE')",
    );
    await queryRunner.query(
      'CREATE TABLE "ticket_event" ("id" BIGSERIAL NOT NULL, "ticketId" uuid NOT NULL, "officeId" uuid NOT NULL, "type" "public"."ticket_event_type" NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "counterId" uuid, "staffUserId" uuid, "deviceId" uuid, "data" jsonb, CONSTRAINT "PK_902a22d2110174b48925314c875" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ticket_event_office_type_at" ON "ticket_event"  ("officeId", "type", "at") ',
    );
    await queryRunner.query('CREATE INDEX "ticket_event_ticket" ON "ticket_event"  ("ticketId", "id") ');
    await queryRunner.query(
      'CREATE TABLE "ticket_sequence" ("officeId" uuid NOT NULL, "serviceDay" date NOT NULL, "prefix" text NOT NULL, "last" integer NOT NULL, CONSTRAINT "ticket_sequence_last_positive" CHECK ("last" >= 1), CONSTRAINT "PK_66ec0655b5fa4c0d4d2a9a7b9aa" PRIMARY KEY ("officeId", "serviceDay", "prefix"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ticket_service" ("ticketId" uuid NOT NULL, "serviceId" uuid NOT NULL, "count" integer NOT NULL, "doneCount" integer, CONSTRAINT "ticket_service_done_count_range" CHECK ("doneCount" >= 0), CONSTRAINT "ticket_service_count_range" CHECK ("count" >= 0), CONSTRAINT "PK_50751fed02edb789beb1d54b136" PRIMARY KEY ("ticketId", "serviceId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ticket_tracking" ("tokenHash" text NOT NULL, "ticketId" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7428669211ff0cb6003be073bd5" PRIMARY KEY ("tokenHash"))',
    );
    await queryRunner.query('CREATE INDEX "ticket_tracking_ticket" ON "ticket_tracking"  ("ticketId") ');
    await queryRunner.query('CREATE TYPE "public"."walk_in_override" AS ENUM(\'OPEN\', \'CLOSED\')');
    await queryRunner.query(
      'CREATE TABLE "walk_in_state" ("officeId" uuid NOT NULL, "serviceDay" date NOT NULL, "serviceId" uuid NOT NULL, "guardClosedSince" TIMESTAMP WITH TIME ZONE, "override" "public"."walk_in_override", "overrideBy" uuid, "overrideAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3f7e0535a331102e9931c0fb554" PRIMARY KEY ("officeId", "serviceDay", "serviceId"))',
    );
    await queryRunner.query('ALTER TABLE "appointment" ADD "biometricsCapturedAt" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "office" ADD "checkInEarlyMinutes" integer NOT NULL DEFAULT \'30\'');
    await queryRunner.query('ALTER TABLE "office" ADD "checkInLateMinutes" integer NOT NULL DEFAULT \'10\'');
    await queryRunner.query('ALTER TABLE "office" ADD "priorityMinutes" integer NOT NULL DEFAULT \'15\'');
    await queryRunner.query('ALTER TABLE "office" ADD "maxCalls" integer NOT NULL DEFAULT \'3\'');
    await queryRunner.query('ALTER TABLE "office" ADD "closingBufferMinutes" integer NOT NULL DEFAULT \'10\'');
    await queryRunner.query(
      'ALTER TABLE "office" ADD CONSTRAINT "office_queue_settings_range" CHECK ("priorityMinutes" >= 0 AND "maxCalls" >= 1 AND "closingBufferMinutes" >= 0)',
    );
    await queryRunner.query(
      'ALTER TABLE "office" ADD CONSTRAINT "office_check_in_window_range" CHECK ("checkInEarlyMinutes" >= 0 AND "checkInLateMinutes" >= 0)',
    );
    await queryRunner.query(
      'ALTER TABLE "counter_session" ADD CONSTRAINT "FK_3e3f6b799e7fea28eb0eb133ac5" FOREIGN KEY ("counterId") REFERENCES "counter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "counter_session" ADD CONSTRAINT "FK_526f62ed960af821ecb9c7ec02d" FOREIGN KEY ("staffUserId") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ticket" ADD CONSTRAINT "FK_044a6665c1f853528785fef0340" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ticket" ADD CONSTRAINT "FK_41d6666c73f06a07fe0b0118fa7" FOREIGN KEY ("appointmentId") REFERENCES "appointment"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ticket" ADD CONSTRAINT "FK_967eebf2f0dc6c14d6f912270d9" FOREIGN KEY ("counterId") REFERENCES "counter"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ticket_event" ADD CONSTRAINT "FK_52ad15979fca7c3e0e008a51ba2" FOREIGN KEY ("ticketId") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ticket_service" ADD CONSTRAINT "FK_52dfe97312c136d6f289e92f1a3" FOREIGN KEY ("ticketId") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ticket_service" ADD CONSTRAINT "FK_5ef282a0172242703754b137f3c" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ticket_tracking" ADD CONSTRAINT "FK_442b17e236c4eb6f5f007c9414f" FOREIGN KEY ("ticketId") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "walk_in_state" ADD CONSTRAINT "FK_90438475e4fe49f3c4c20970019" FOREIGN KEY ("officeId") REFERENCES "office"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "walk_in_state" ADD CONSTRAINT "FK_5b16a6759cab9e9023797ff2248" FOREIGN KEY ("serviceId") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    ); // Written by hand: ticket_event is append-only (the raw material of statistics); TypeORM does not track triggers.
    await queryRunner.query(
      `CREATE FUNCTION ticket_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'ticket_event is append-only'; END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER ticket_event_no_update BEFORE UPDATE ON ticket_event FOR EACH ROW EXECUTE FUNCTION ticket_event_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER ticket_event_no_update ON ticket_event');
    await queryRunner.query('DROP FUNCTION ticket_event_append_only()');
    await queryRunner.query('ALTER TABLE "walk_in_state" DROP CONSTRAINT "FK_5b16a6759cab9e9023797ff2248"');
    await queryRunner.query('ALTER TABLE "walk_in_state" DROP CONSTRAINT "FK_90438475e4fe49f3c4c20970019"');
    await queryRunner.query('ALTER TABLE "ticket_tracking" DROP CONSTRAINT "FK_442b17e236c4eb6f5f007c9414f"');
    await queryRunner.query('ALTER TABLE "ticket_service" DROP CONSTRAINT "FK_5ef282a0172242703754b137f3c"');
    await queryRunner.query('ALTER TABLE "ticket_service" DROP CONSTRAINT "FK_52dfe97312c136d6f289e92f1a3"');
    await queryRunner.query('ALTER TABLE "ticket_event" DROP CONSTRAINT "FK_52ad15979fca7c3e0e008a51ba2"');
    await queryRunner.query('ALTER TABLE "ticket" DROP CONSTRAINT "FK_967eebf2f0dc6c14d6f912270d9"');
    await queryRunner.query('ALTER TABLE "ticket" DROP CONSTRAINT "FK_41d6666c73f06a07fe0b0118fa7"');
    await queryRunner.query('ALTER TABLE "ticket" DROP CONSTRAINT "FK_044a6665c1f853528785fef0340"');
    await queryRunner.query('ALTER TABLE "counter_session" DROP CONSTRAINT "FK_526f62ed960af821ecb9c7ec02d"');
    await queryRunner.query('ALTER TABLE "counter_session" DROP CONSTRAINT "FK_3e3f6b799e7fea28eb0eb133ac5"');
    await queryRunner.query('ALTER TABLE "office" DROP CONSTRAINT "office_check_in_window_range"');
    await queryRunner.query('ALTER TABLE "office" DROP CONSTRAINT "office_queue_settings_range"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "closingBufferMinutes"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "maxCalls"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "priorityMinutes"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "checkInLateMinutes"');
    await queryRunner.query('ALTER TABLE "office" DROP COLUMN "checkInEarlyMinutes"');
    await queryRunner.query('ALTER TABLE "appointment" DROP COLUMN "biometricsCapturedAt"');
    await queryRunner.query('DROP TABLE "walk_in_state"');
    await queryRunner.query('DROP TYPE "public"."walk_in_override"');
    await queryRunner.query('DROP INDEX "public"."ticket_tracking_ticket"');
    await queryRunner.query('DROP TABLE "ticket_tracking"');
    await queryRunner.query('DROP TABLE "ticket_service"');
    await queryRunner.query('DROP TABLE "ticket_sequence"');
    await queryRunner.query('DROP INDEX "public"."ticket_event_ticket"');
    await queryRunner.query('DROP INDEX "public"."ticket_event_office_type_at"');
    await queryRunner.query('DROP TABLE "ticket_event"');
    await queryRunner.query('DROP TYPE "public"."ticket_event_type"');
    await queryRunner.query('DROP INDEX "public"."ticket_office_day_number_unique"');
    await queryRunner.query('DROP INDEX "public"."ticket_appointment_unique"');
    await queryRunner.query('DROP INDEX "public"."ticket_request_key_unique"');
    await queryRunner.query('DROP INDEX "public"."ticket_office_day_status"');
    await queryRunner.query('DROP TABLE "ticket"');
    await queryRunner.query('DROP TYPE "public"."ticket_priority"');
    await queryRunner.query('DROP TYPE "public"."ticket_status"');
    await queryRunner.query('DROP TYPE "public"."ticket_origin"');
    await queryRunner.query('DROP INDEX "public"."counter_session_open_unique"');
    await queryRunner.query('DROP INDEX "public"."counter_session_staff_open"');
    await queryRunner.query('DROP TABLE "counter_session"');
  }
}
