import { SchemaMigration } from '@checkout/service-kit';

/**
 * What a receipt and a checkout's history need: the payer of each checkout (in its own table, see
 * PayerEntity), the card's brand and last four digits, the buyer's language, when the charge
 * became final, and payment's answer for each attempt. Checkouts taken earlier keep none of it.
 */
export class KeepPayersCardsAndAttempts extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "checkout" add column "card_brand" text null, add column "card_last4" text null,
         add column "language" text null, add column "decided_at" timestamptz null`,
      `create table "payer" ("checkout_id" text primary key, "type" text not null,
         "name" text not null, "email" text not null, "document" text not null,
         "phone" text not null, "postal_code" text not null, "street" text not null,
         "number" text not null, "complement" text null, "district" text not null,
         "city" text not null, "state" text not null,
         constraint "payer_checkout_id_fkey" foreign key ("checkout_id") references "checkout" ("id")
           on update no action on delete cascade)`,
      `create table "charge_attempt" ("checkout_id" text not null, "number" int not null,
         "outcome" text not null, "decline_reason" text null, "at" timestamptz not null,
         primary key ("checkout_id", "number"),
         constraint "charge_attempt_checkout_id_fkey" foreign key ("checkout_id")
           references "checkout" ("id") on update no action on delete cascade)`,
    );
  }
}
