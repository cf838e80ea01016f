import { messagingTablesSql, SchemaMigration } from '@checkout/service-kit';

export class CreateMarketingTables extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      ...messagingTablesSql,
      `create table "lead" ("id" text primary key, "name" text not null, "email" text not null,
         "document" text not null, "birth_date" date not null, "phone" text not null,
         "course_id" text not null, "status" text not null, "created_at" timestamptz not null,
         "converted_at" timestamptz)`,
    );
  }
}
