import { SchemaMigration } from '@checkout/service-kit';

export class CreateSimulatedAcquirerTable extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create table "simulated_acquirer_charge" ("idempotency_key" text primary key,
         "reference" text not null, "amount_cents" int not null, "currency" text not null,
         "outcome" text not null, "decline_reason" text, "charged_at" timestamptz not null)`,
      `create index "simulated_acquirer_charge_reference_idx" on "simulated_acquirer_charge" ("reference")`,
    );
  }
}
