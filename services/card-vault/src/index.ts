export { cardVaultDatabase } from './adapters/db/card-vault-database';
export { parseKeyRing } from './adapters/keys/parse-key-ring';
export { createCardVaultService, type CardVaultService } from './card-vault-service';
