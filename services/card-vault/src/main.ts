import './start-tracing';
import { parseKeyRing, readConfigOrExit, runDaprService } from '@checkout/service-kit';
import { cardVaultDatabase } from './adapters/db/card-vault-database';
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
      cardStore: createDaprCardStore(context.dapr, 'card-vault-state'),
      keys: parseKeyRing(await context.secret('card-encryption-keys'), 'card encryption keys'),
    }),
});
