import { SchemaMigration } from '@checkout/service-kit';

/**
 * A card token backs one checkout, and a lead has at most one checkout per course that is not
 * declined: concurrent requests settle on one winner in the database itself.
 */
export class OneCheckoutPerCardAndPurchase extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create unique index "checkout_card_token_key" on "checkout" ("card_token")`,
      `create unique index "checkout_open_purchase_key" on "checkout" ("lead_id", "course_id")
         where "status" <> 'declined'`,
    );
  }
}
