import { SchemaMigration } from '@checkout/service-kit';

export class CreateEmailDeliveryTable extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create table "email_delivery" ("event_id" text not null, "template" text not null,
         "recipient" text not null, "data" jsonb, "status" text not null check ("status" in ('pending', 'failed')),
         "attempts" int not null, "next_attempt_at" timestamptz not null, "give_up_at" timestamptz not null,
         "last_error" text, "queued_at" timestamptz not null, primary key ("event_id", "template"))`,
      `create index "email_delivery_due_idx" on "email_delivery" ("next_attempt_at") where "status" = 'pending'`,
    );
  }
}
