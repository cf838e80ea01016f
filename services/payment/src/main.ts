import './start-tracing';
import { parseKeyRing, runDaprService } from '@checkout/service-kit';
import { daprCardVault } from './adapters/clients/dapr-card-vault';
import { paymentDatabase } from './adapters/db/payment-database';
import { createPaymentService } from './payment-service';

runDaprService({
  appId: 'payment',
  database: paymentDatabase,
  create: async (context) =>
    createPaymentService({
      ...context,
      vault: daprCardVault(context.sidecar),
      pixWebhookKeys: parseKeyRing(await context.secret('pix-webhook-keys'), 'PIX webhook keys'),
    }),
});
