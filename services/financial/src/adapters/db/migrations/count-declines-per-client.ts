import { SchemaMigration } from '@checkout/service-kit';

/** The hashed client address of each checkout, and indexes for counting recent declines. */
export class CountDeclinesPerClient extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "checkout" add column "client_key" text`,
      `create index "checkout_declined_lead_idx" on "checkout" ("lead_id", "decided_at")
         where "status" = 'declined'`,
      `create index "checkout_declined_client_idx" on "checkout" ("client_key", "decided_at")
         where "status" = 'declined'`,
    );
  }
}
