import {
  AddOutboxTraceparent,
  deadLetterMigration,
  type DatabaseModule,
} from '@checkout/service-kit';
import {
  GatewayAttemptEntity,
  PixChargeEntity,
  SimulatedAcquirerChargeEntity,
  SimulatedRefundEntity,
} from './entities';
import { ChargeInInstallments } from './migrations/charge-in-installments';
import { CreatePaymentTables } from './migrations/create-payment-tables';
import { CreateSimulatedAcquirerTable } from './migrations/create-simulated-acquirer-table';
import { CreateSimulatedRefundTable } from './migrations/create-simulated-refund-table';
import { KeepPixCharges } from './migrations/keep-pix-charges';

export const paymentDatabase: DatabaseModule = {
  schema: 'payment',
  entities: [
    GatewayAttemptEntity,
    SimulatedAcquirerChargeEntity,
    PixChargeEntity,
    SimulatedRefundEntity,
  ],
  migrations: [
    { name: '0001-create-payment-tables', class: CreatePaymentTables },
    deadLetterMigration,
    { name: '0003-create-simulated-acquirer-table', class: CreateSimulatedAcquirerTable },
    { name: '0004-keep-outbox-traceparent', class: AddOutboxTraceparent },
    { name: '0005-charge-in-installments', class: ChargeInInstallments },
    { name: '0006-keep-pix-charges', class: KeepPixCharges },
    { name: '0007-create-simulated-refund-table', class: CreateSimulatedRefundTable },
  ],
};
