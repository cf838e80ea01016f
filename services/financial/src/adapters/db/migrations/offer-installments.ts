import { SchemaMigration } from '@checkout/service-kit';

/**
 * Installments (Price table): per course, the most installments, how many are interest-free and
 * the monthly rate beyond them in basis points; per checkout, the count chosen and its amounts.
 * A course without a plan is paid in one go; a checkout taken earlier was one payment.
 */
export class OfferInstallments extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "course"
         add column "max_installments" int not null default 1,
         add column "interest_free_installments" int not null default 1,
         add column "monthly_interest_bps" int not null default 0,
         add constraint "course_max_installments_check" check ("max_installments" >= 1),
         add constraint "course_interest_free_installments_check"
           check ("interest_free_installments" >= 1),
         add constraint "course_interest_free_within_max_check"
           check ("interest_free_installments" <= "max_installments"),
         add constraint "course_monthly_interest_bps_check" check ("monthly_interest_bps" >= 0)`,
      `update "course" set "max_installments" = 12, "interest_free_installments" = 3,
         "monthly_interest_bps" = 199 where "id" = 'typescript-fundamentals'`,
      `update "course" set "max_installments" = 12, "interest_free_installments" = 6,
         "monthly_interest_bps" = 199 where "id" = 'kubernetes-for-developers'`,
      `update "course" set "max_installments" = 10, "interest_free_installments" = 4,
         "monthly_interest_bps" = 249 where "id" = 'event-driven-architecture'`,
      `alter table "checkout" add column "installments" int not null default 1,
         add column "installment_cents" int null, add column "last_installment_cents" int null`,
    );
  }
}
