import {
  createLogger,
  readEnvironment,
  startFailureReason,
  stopOnSignals,
} from '@checkout/service-kit';
import { announceReady } from '../banner';
import { readPlatformConfig } from '../config';
import { startDaprPlatform } from './start-dapr-platform';

const logger = createLogger('checkout-dapr');

/** `npm run start:dapr`: the platform as in a cluster, one process and one daprd per service. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const env = readEnvironment();
  const config = {
    ...readPlatformConfig(),
    ...env.done({
      rabbitmqUrl: env.optionalUrl('RABBITMQ_URL'),
      serviceBundles: env.optionalString('SERVICE_BUNDLES'),
      serviceNode: env.optionalString('SERVICE_NODE'),
    }),
  };
  const starting = startDaprPlatform(config, logger);
  // Registered before start-up ends, so that a signal meanwhile still stops what was started.
  stopOnSignals(logger, async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  announceReady(
    logger,
    'checkout platform is up in Dapr mode (Ctrl-C to stop)',
    platform.addresses,
    Date.now() - startedAt,
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, `the platform could not start: ${startFailureReason(error)}`);
  process.exit(1);
});
