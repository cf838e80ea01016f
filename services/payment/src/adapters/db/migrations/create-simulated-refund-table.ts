import { SchemaMigration } from '@checkout/service-kit';

/**
 * The simulators' refunds (the acquirer's for a card, the PIX provider's devolução): one row per
 * idempotency key, which payment derives from the checkout, so no retry refunds twice.
 */
export class CreateSimulatedRefundTable extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create table "simulated_refund" ("idempotency_key" text primary key,
         "reference" text not null, "payment_method" text not null,
         "amount_cents" int not null, "currency" text not null, "refunded_at" timestamptz not null)`,
      `create index "simulated_refund_reference_idx" on "simulated_refund" ("reference")`,
    );
  }
}
