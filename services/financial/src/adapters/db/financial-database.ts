import { deadLetterMigration, type DatabaseModule } from '@checkout/service-kit';
import { CheckoutEntity, CourseEntity, IdempotencyRecordEntity } from './entities';
import { CreateFinancialTables } from './migrations/create-financial-tables';

export const financialDatabase: DatabaseModule = {
  schema: 'financial',
  entities: [CourseEntity, CheckoutEntity, IdempotencyRecordEntity],
  migrations: [
    { name: '0001-create-financial-tables', class: CreateFinancialTables },
    deadLetterMigration,
  ],
};
