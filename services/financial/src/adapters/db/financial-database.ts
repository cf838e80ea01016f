import { deadLetterMigration, type DatabaseModule } from '@checkout/service-kit';
import {
  ChargeAttemptEntity,
  CheckoutEntity,
  CourseEntity,
  IdempotencyRecordEntity,
  PayerEntity,
} from './entities';
import { CountChargeRecoveries } from './migrations/count-charge-recoveries';
import { CreateFinancialTables } from './migrations/create-financial-tables';
import { KeepPayersCardsAndAttempts } from './migrations/keep-payers-cards-and-attempts';
import { OneCheckoutPerCardAndPurchase } from './migrations/one-checkout-per-card-and-purchase';

export const financialDatabase: DatabaseModule = {
  schema: 'financial',
  entities: [
    CourseEntity,
    CheckoutEntity,
    IdempotencyRecordEntity,
    PayerEntity,
    ChargeAttemptEntity,
  ],
  migrations: [
    { name: '0001-create-financial-tables', class: CreateFinancialTables },
    deadLetterMigration,
    { name: '0003-one-checkout-per-card-and-purchase', class: OneCheckoutPerCardAndPurchase },
    { name: '0004-count-charge-recoveries', class: CountChargeRecoveries },
    { name: '0005-keep-payers-cards-and-attempts', class: KeepPayersCardsAndAttempts },
  ],
};
