import { SchemaMigration } from '@checkout/service-kit';

/** The simulated acquirer keeps how many installments each charge's total is paid in. */
export class ChargeInInstallments extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "simulated_acquirer_charge" add column "installments" int not null default 1`,
    );
  }
}
