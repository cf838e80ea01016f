export { cardVaultDatabase } from './adapters/db/card-vault-database';
export { createMikroOrmCardStore } from './adapters/db/mikro-orm-card-store';
export { createCardVaultService, type CardVaultService } from './card-vault-service';
export { readCardVaultConfig } from './config';
