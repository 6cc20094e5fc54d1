import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push for the tracking page: the VAPID key pair (one row), the browsers' subscriptions per ticket, and the push
 * outbox written in the queue change's transaction.
 */
export class WebPush1796540000000 implements MigrationInterface {
  name = 'WebPush1796540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"push_kind\" AS ENUM('AHEAD', 'CALLED', 'RECALLED', 'CANCELLED')");
    await queryRunner.query("CREATE TYPE \"public\".\"push_status\" AS ENUM('PENDING', 'SENT', 'FAILED', 'GONE')");
    await queryRunner.query(
      'CREATE TABLE "push_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "ticketId" uuid NOT NULL, "subscriptionId" uuid NOT NULL, "kind" "public"."push_kind" NOT NULL, "status" "public"."push_status" NOT NULL DEFAULT \'PENDING\', "endpoint" text, "p256dh" text, "auth" text, "trackingToken" text, "language" text NOT NULL, "data" jsonb NOT NULL, "attempts" integer NOT NULL DEFAULT \'0\', "nextAttemptAt" TIMESTAMP WITH TIME ZONE NOT NULL, "lastError" text, "sentAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "push_message_token_only_unsent" CHECK ("trackingToken" IS NULL OR "status" = \'PENDING\'), CONSTRAINT "push_message_target_while_pending" CHECK ("status" <> \'PENDING\' OR "endpoint" IS NOT NULL), CONSTRAINT "PK_9625b6d1dafd797ed7ceeb0fee6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "push_message_ticket" ON "push_message"  ("ticketId") ');
    await queryRunner.query(
      'CREATE INDEX "push_message_due" ON "push_message"  ("nextAttemptAt") WHERE "status" = \'PENDING\'',
    );
    await queryRunner.query(
      'CREATE TABLE "push_subscription" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticketId" uuid NOT NULL, "endpoint" text NOT NULL, "p256dh" text NOT NULL, "auth" text NOT NULL, "trackingToken" text NOT NULL, "aheadThreshold" integer NOT NULL, "language" text NOT NULL DEFAULT \'de\', "aheadNotifiedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "push_subscription_ahead_range" CHECK ("aheadThreshold" BETWEEN 1 AND 10), CONSTRAINT "PK_07fc861c0d2c38c1b830fb9cb5d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "push_subscription_ticket_endpoint" ON "push_subscription"  ("ticketId", "endpoint") ',
    );
    await queryRunner.query(
      'CREATE TABLE "push_vapid" ("id" smallint NOT NULL DEFAULT \'1\', "publicKey" text NOT NULL, "privateKey" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "push_vapid_single_row" CHECK ("id" = 1), CONSTRAINT "PK_bc6e95b7093e4af6518f9c110de" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "push_message" ADD CONSTRAINT "FK_57a52151c17ef881e5b20672dc1" FOREIGN KEY ("ticketId") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "push_subscription" ADD CONSTRAINT "FK_9fdb4780a971279b890ff7a575d" FOREIGN KEY ("ticketId") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "push_subscription" DROP CONSTRAINT "FK_9fdb4780a971279b890ff7a575d"');
    await queryRunner.query('ALTER TABLE "push_message" DROP CONSTRAINT "FK_57a52151c17ef881e5b20672dc1"');
    await queryRunner.query('DROP TABLE "push_vapid"');
    await queryRunner.query('DROP INDEX "public"."push_subscription_ticket_endpoint"');
    await queryRunner.query('DROP TABLE "push_subscription"');
    await queryRunner.query('DROP INDEX "public"."push_message_due"');
    await queryRunner.query('DROP INDEX "public"."push_message_ticket"');
    await queryRunner.query('DROP TABLE "push_message"');
    await queryRunner.query('DROP TYPE "public"."push_status"');
    await queryRunner.query('DROP TYPE "public"."push_kind"');
  }
}
