import { deadLetterMigration, type DatabaseModule } from '@checkout/service-kit';
import { GatewayAttemptEntity } from './entities';
import { CreatePaymentTables } from './migrations/create-payment-tables';

export const paymentDatabase: DatabaseModule = {
  schema: 'payment',
  entities: [GatewayAttemptEntity],
  migrations: [
    { name: '0001-create-payment-tables', class: CreatePaymentTables },
    deadLetterMigration,
  ],
};
