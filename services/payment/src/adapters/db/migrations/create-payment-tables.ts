import { messagingTablesSql, SchemaMigration } from '@checkout/service-kit';

export class CreatePaymentTables extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      ...messagingTablesSql,
      `create table "gateway_attempt" ("checkout_id" text not null, "attempt" int not null,
         "outcome" text not null, "decline_reason" text, "attempted_at" timestamptz not null,
         primary key ("checkout_id", "attempt"))`,
    );
  }
}
