import { SchemaMigration } from '@checkout/service-kit';

/**
 * Refunds: when the seller asked for one (under which Idempotency-Key, one checkout per key) and
 * when the money went back. The seller's list of sales reads approved and refunded checkouts
 * newest approval first.
 */
export class KeepRefunds extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "checkout" add column "refund_requested_at" timestamptz null,
         add column "refund_key" text null, add column "refunded_at" timestamptz null`,
      `create unique index "checkout_refund_key_key" on "checkout" ("refund_key")`,
      `create index "checkout_sales_idx" on "checkout" ("decided_at" desc, "id" desc)
         where "status" in ('approved', 'refunded')`,
    );
  }
}
