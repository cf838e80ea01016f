import { messagingTablesSql, SchemaMigration } from '@checkout/service-kit';

export class CreateNotificationTables extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      ...messagingTablesSql,
      `create table "sent_email" ("event_id" text not null, "template" text not null,
         "recipient" text not null, "message_id" text not null, "sent_at" timestamptz not null,
         primary key ("event_id", "template"))`,
    );
  }
}
