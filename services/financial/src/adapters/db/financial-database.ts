import {
  AddOutboxTraceparent,
  CreateRateLimitTable,
  deadLetterMigration,
  RateLimitCounter,
  type DatabaseModule,
} from '@checkout/service-kit';
import {
  ChargeAttemptEntity,
  CheckoutEntity,
  CouponEntity,
  CourseEntity,
  IdempotencyRecordEntity,
  PayerEntity,
} from './entities';
import { CountChargeRecoveries } from './migrations/count-charge-recoveries';
import { CountDeclinesPerClient } from './migrations/count-declines-per-client';
import { CreateFinancialTables } from './migrations/create-financial-tables';
import { KeepPayersCardsAndAttempts } from './migrations/keep-payers-cards-and-attempts';
import { KeepRefunds } from './migrations/keep-refunds';
import { OfferCoupons } from './migrations/offer-coupons';
import { OfferInstallments } from './migrations/offer-installments';
import { OneCheckoutPerCardAndPurchase } from './migrations/one-checkout-per-card-and-purchase';
import { TakePixPayments } from './migrations/take-pix-payments';

export const financialDatabase: DatabaseModule = {
  schema: 'financial',
  entities: [
    CourseEntity,
    CouponEntity,
    CheckoutEntity,
    IdempotencyRecordEntity,
    PayerEntity,
    ChargeAttemptEntity,
    RateLimitCounter,
  ],
  migrations: [
    { name: '0001-create-financial-tables', class: CreateFinancialTables },
    deadLetterMigration,
    { name: '0003-one-checkout-per-card-and-purchase', class: OneCheckoutPerCardAndPurchase },
    { name: '0004-count-charge-recoveries', class: CountChargeRecoveries },
    { name: '0005-keep-payers-cards-and-attempts', class: KeepPayersCardsAndAttempts },
    { name: '0006-count-declines-per-client', class: CountDeclinesPerClient },
    { name: '0007-create-rate-limit-table', class: CreateRateLimitTable },
    { name: '0008-keep-outbox-traceparent', class: AddOutboxTraceparent },
    { name: '0009-offer-installments', class: OfferInstallments },
    { name: '0010-offer-coupons', class: OfferCoupons },
    { name: '0011-take-pix-payments', class: TakePixPayments },
    { name: '0012-keep-refunds', class: KeepRefunds },
  ],
};
