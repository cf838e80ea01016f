import { readEnvironment, runDaprService } from '@checkout/service-kit';
import { daprCardDirectory, daprLeadDirectory } from './adapters/clients/dapr-directories';
import { financialDatabase } from './adapters/db/financial-database';
import { createFinancialService } from './financial-service';

const env = readEnvironment();
const chargeStuckAfterSeconds = env.done(env.integer('CHARGE_STUCK_AFTER_SECONDS', 120));

runDaprService({
  appId: 'financial',
  database: financialDatabase,
  create: (context) =>
    createFinancialService({
      ...context,
      leads: daprLeadDirectory(context.sidecar),
      cards: daprCardDirectory(context.sidecar),
      chargeStuckAfterMs: chargeStuckAfterSeconds * 1000,
    }),
});
