import { SchemaMigration } from '@checkout/service-kit';

/** How often a stuck charge was requested again, and an index for finding stuck charges. */
export class CountChargeRecoveries extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "checkout" add column "recoveries" int not null default 0`,
      `create index "checkout_processing_updated_at_idx" on "checkout" ("updated_at")
         where "status" = 'processing'`,
    );
  }
}
