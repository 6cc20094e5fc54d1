import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agenda job table is not a TypeORM entity: its SQL is written by hand below, copied from the schema of
 * @agendajs/postgres-backend 3.0.6 (table, indexes, updated_at trigger), whose own schema creation is switched
 * off so that the table is created here, under the migration lock. Check it again when that package is upgraded.
 */
const agendaJobs = [
  `CREATE TABLE "agenda_jobs" (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name VARCHAR(255) NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    next_run_at TIMESTAMPTZ,
    type VARCHAR(10) NOT NULL DEFAULT 'normal' CHECK (type IN ('normal', 'single')),
    locked_at TIMESTAMPTZ,
    last_finished_at TIMESTAMPTZ,
    failed_at TIMESTAMPTZ,
    fail_count INTEGER DEFAULT NULL,
    fail_reason TEXT,
    repeat_timezone VARCHAR(100),
    last_run_at TIMESTAMPTZ,
    repeat_interval VARCHAR(255),
    data JSONB DEFAULT '{}'::jsonb,
    repeat_at VARCHAR(255),
    disabled BOOLEAN DEFAULT FALSE,
    progress REAL,
    fork BOOLEAN DEFAULT FALSE,
    last_modified_by VARCHAR(255),
    debounce_started_at TIMESTAMPTZ,
    start_date TIMESTAMPTZ,
    end_date TIMESTAMPTZ,
    skip_days JSONB,
    created_at TIMESTAMPTZ DEFAULT NOW(),
    updated_at TIMESTAMPTZ DEFAULT NOW()
  )`,
  `CREATE INDEX "agenda_jobs_find_and_lock_idx" ON "agenda_jobs" (name, next_run_at, priority DESC, locked_at, disabled)
    WHERE disabled = FALSE`,
  `CREATE UNIQUE INDEX "agenda_jobs_single_job_idx" ON "agenda_jobs" (name) WHERE type = 'single'`,
  `CREATE INDEX "agenda_jobs_locked_at_idx" ON "agenda_jobs" (locked_at) WHERE locked_at IS NOT NULL`,
  `CREATE INDEX "agenda_jobs_next_run_at_idx" ON "agenda_jobs" (next_run_at) WHERE next_run_at IS NOT NULL`,
  `CREATE FUNCTION update_agenda_jobs_updated_at() RETURNS TRIGGER AS $$
    BEGIN
      NEW.updated_at = NOW();
      RETURN NEW;
    END;
    $$ LANGUAGE plpgsql`,
  `CREATE TRIGGER "agenda_jobs_updated_at_trigger" BEFORE UPDATE ON "agenda_jobs"
    FOR EACH ROW EXECUTE FUNCTION update_agenda_jobs_updated_at()`,
];

export class MailAndJobs1795694302440 implements MigrationInterface {
  name = 'MailAndJobs1795694302440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"mail_kind\" AS ENUM('CONFIRMATION', 'RESCHEDULED', 'CANCELLED', 'REMINDER_24H', 'REMINDER_4H')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"mail_status\" AS ENUM('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')",
    );
    await queryRunner.query(
      'CREATE TABLE "mail_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "appointmentId" uuid NOT NULL, "kind" "public"."mail_kind" NOT NULL, "status" "public"."mail_status" NOT NULL DEFAULT \'PENDING\', "recipient" text, "language" text NOT NULL, "manageToken" text, "dueAt" TIMESTAMP WITH TIME ZONE NOT NULL, "nextAttemptAt" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "lockedUntil" TIMESTAMP WITH TIME ZONE, "lastAttemptAt" TIMESTAMP WITH TIME ZONE, "lastError" text, "sentAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "mail_message_attempts_not_negative" CHECK ("attempts" >= 0), CONSTRAINT "mail_message_token_only_unsent" CHECK ("manageToken" IS NULL OR "status" IN (\'PENDING\', \'SENDING\')), CONSTRAINT "PK_d23285093ea237bc7632d4fcce9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "mail_message_appointment" ON "mail_message"  ("appointmentId") ');
    await queryRunner.query(
      'CREATE INDEX "mail_message_claimed" ON "mail_message"  ("lockedUntil") WHERE "status" = \'SENDING\'',
    );
    await queryRunner.query(
      'CREATE INDEX "mail_message_due" ON "mail_message"  ("nextAttemptAt") WHERE "status" = \'PENDING\'',
    );
    await queryRunner.query(
      'ALTER TABLE "mail_message" ADD CONSTRAINT "FK_abb1dc75742f26a2bacb23ef529" FOREIGN KEY ("appointmentId") REFERENCES "appointment"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    for (const sql of agendaJobs) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "agenda_jobs"');
    await queryRunner.query('DROP FUNCTION update_agenda_jobs_updated_at()');
    await queryRunner.query('ALTER TABLE "mail_message" DROP CONSTRAINT "FK_abb1dc75742f26a2bacb23ef529"');
    await queryRunner.query('DROP INDEX "public"."mail_message_due"');
    await queryRunner.query('DROP INDEX "public"."mail_message_claimed"');
    await queryRunner.query('DROP INDEX "public"."mail_message_appointment"');
    await queryRunner.query('DROP TABLE "mail_message"');
    await queryRunner.query('DROP TYPE "public"."mail_status"');
    await queryRunner.query('DROP TYPE "public"."mail_kind"');
  }
}
