import { messagingTablesSql, SchemaMigration } from '@checkout/service-kit';

export class CreateCardVaultTables extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      ...messagingTablesSql,
      `create table "card_record" ("token" text primary key, "key_id" text not null,
         "ciphertext" bytea not null, "brand" text not null, "last4" char(4) not null,
         "exp_month" int not null, "exp_year" int not null, "expires_at" timestamptz not null)`,
      `create index "card_record_expires_at_idx" on "card_record" ("expires_at")`,
    );
  }
}
