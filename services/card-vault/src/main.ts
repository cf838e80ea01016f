import { readConfigOrExit, runDaprService } from '@checkout/service-kit';
import { cardVaultDatabase } from './adapters/db/card-vault-database';
import { parseKeyRing } from './adapters/keys/parse-key-ring';
import { createDaprCardStore } from './adapters/state/dapr-card-store';
import { createCardVaultService } from './card-vault-service';
import { readCardVaultConfig } from './config';

const config = readConfigOrExit('card-vault', readCardVaultConfig);

runDaprService({
  appId: 'card-vault',
  database: cardVaultDatabase,
  create: async (context) =>
    createCardVaultService({
      ...context,
      ...config,
      createCardStore: (transactions) =>
        createDaprCardStore(context.dapr, 'card-vault-state', transactions),
      keys: parseKeyRing(await context.secret('card-encryption-keys')),
    }),
});
