export { cardVaultDatabase } from './adapters/db/card-vault-database';
export { createSqlCardStore } from './adapters/db/sql-card-store';
export { createCardVaultService, type CardVaultService } from './card-vault-service';
export { readCardVaultConfig } from './config';
