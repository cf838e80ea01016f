import { SchemaMigration } from '@checkout/service-kit';

/**
 * Coupons: a code (stored upper-case) with a percentage or a fixed amount off, for one course or
 * all, a validity window, a maximum of uses and the uses taken, which the database keeps within
 * the maximum. A checkout keeps the coupon it used, the discount, and when it gave its use back.
 */
export class OfferCoupons extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create table "coupon" (
         "code" text not null primary key,
         "percent_off" int null,
         "amount_off_cents" int null,
         "course_id" text null,
         "valid_from" timestamptz null,
         "valid_until" timestamptz null,
         "max_uses" int null,
         "uses" int not null default 0,
         "created_at" timestamptz not null,
         constraint "coupon_course_id_fkey" foreign key ("course_id") references "course" ("id"),
         constraint "coupon_code_check" check ("code" = upper("code") and "code" <> ''),
         constraint "coupon_one_discount_check"
           check (("percent_off" is null) <> ("amount_off_cents" is null)),
         constraint "coupon_percent_off_check" check ("percent_off" >= 1 and "percent_off" <= 100),
         constraint "coupon_amount_off_cents_check" check ("amount_off_cents" > 0),
         constraint "coupon_window_check" check ("valid_from" < "valid_until"),
         constraint "coupon_max_uses_check" check ("max_uses" >= 1),
         constraint "coupon_uses_check" check ("uses" >= 0 and "uses" <= "max_uses"))`,
      `alter table "checkout"
         add column "coupon_code" text null,
         add column "discount_cents" int null,
         add column "coupon_use_returned_at" timestamptz null,
         add constraint "checkout_coupon_code_fkey"
           foreign key ("coupon_code") references "coupon" ("code")`,
    );
  }
}
