import {
  AddOutboxTraceparent,
  CreateRateLimitTable,
  deadLetterMigration,
  RateLimitCounter,
  type DatabaseModule,
} from '@checkout/service-kit';
import { CardRecordEntity } from './entities';
import { CreateCardVaultTables } from './migrations/create-card-vault-tables';

export const cardVaultDatabase: DatabaseModule = {
  schema: 'card_vault',
  entities: [CardRecordEntity, RateLimitCounter],
  migrations: [
    { name: '0001-create-card-vault-tables', class: CreateCardVaultTables },
    deadLetterMigration,
    { name: '0003-create-rate-limit-table', class: CreateRateLimitTable },
    { name: '0004-keep-outbox-traceparent', class: AddOutboxTraceparent },
  ],
};
