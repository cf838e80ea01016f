import { runDaprService } from '@checkout/service-kit';
import { daprCardDirectory, daprLeadDirectory } from './adapters/clients/dapr-directories';
import { financialDatabase } from './adapters/db/financial-database';
import { createFinancialService } from './financial-service';

runDaprService({
  appId: 'financial',
  database: financialDatabase,
  create: (context) =>
    createFinancialService({
      ...context,
      leads: daprLeadDirectory(context.sidecar),
      cards: daprCardDirectory(context.sidecar),
    }),
});
