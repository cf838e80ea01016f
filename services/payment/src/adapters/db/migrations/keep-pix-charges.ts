import { SchemaMigration } from '@checkout/service-kit';

/**
 * PIX charges financial opened, by txid, to match the provider's webhook to a checkout and its
 * amount; the payment that paid one (its endToEndId, once: a repeated webhook finds it there).
 */
export class KeepPixCharges extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create table "pix_charge" ("txid" text primary key, "checkout_id" text not null,
         "amount_cents" int not null, "expires_at" timestamptz not null,
         "end_to_end_id" text null, "paid_at" timestamptz null)`,
      `create unique index "pix_charge_end_to_end_id_key" on "pix_charge" ("end_to_end_id")`,
    );
  }
}
