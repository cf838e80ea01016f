import './start-tracing';
import { readConfigOrExit, runDaprService } from '@checkout/service-kit';
import { daprCardDirectory, daprLeadDirectory } from './adapters/clients/dapr-directories';
import { financialDatabase } from './adapters/db/financial-database';
import { readFinancialConfig } from './config';
import { createFinancialService } from './financial-service';

const config = readConfigOrExit('financial', readFinancialConfig);

runDaprService({
  appId: 'financial',
  database: financialDatabase,
  create: async (context) =>
    createFinancialService({
      ...context,
      ...config,
      leads: daprLeadDirectory(context.sidecar),
      cards: daprCardDirectory(context.sidecar),
      sellerApiKey: await context.secret('seller-api-key'),
    }),
});
