import './start-tracing';
import { runDaprService } from '@checkout/service-kit';
import { daprCardVault } from './adapters/clients/dapr-card-vault';
import { paymentDatabase } from './adapters/db/payment-database';
import { createPaymentService } from './payment-service';

runDaprService({
  appId: 'payment',
  database: paymentDatabase,
  create: (context) => createPaymentService({ ...context, vault: daprCardVault(context.sidecar) }),
});
