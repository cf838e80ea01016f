import { SchemaMigration } from '@checkout/service-kit';

/**
 * PIX: a checkout says how it is paid (a card unless it says otherwise); one paid by PIX has no
 * card token but a charge: the txid its payment names it by (one checkout per txid), the BR Code
 * the payer was shown and when it expires. Card checkouts taken earlier are unchanged.
 */
export class TakePixPayments extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "checkout" add column "payment_method" text not null default 'card',
         alter column "card_token" drop not null,
         add column "pix_txid" text null, add column "pix_br_code" text null,
         add column "pix_expires_at" timestamptz null`,
      `create unique index "checkout_pix_txid_key" on "checkout" ("pix_txid")`,
    );
  }
}
