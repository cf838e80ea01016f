import './start-tracing';
import { createLogger, startFailureReason, stopOnSignals } from '@checkout/service-kit';
import { announceReady } from './banner';
import { portSetting, readPlatformConfig } from './config';
import { startCluster } from './start-cluster';
import { startPlatform } from './start-platform';

/** `npm start`: the whole platform with embedded defaults, on every core (PLATFORM_WORKERS). */
const logger = createLogger('checkout');

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = readPlatformConfig();
  const starting =
    config.workers > 1 ? startCluster(config, logger) : startPlatform(config, logger);
  // Registered before start-up ends, so that a signal meanwhile still stops what was started.
  stopOnSignals(logger, async () => (await starting.catch(() => undefined))?.stop());
  const platform = await starting;
  announceReady(
    logger,
    'checkout platform is up (Ctrl-C to stop)',
    platform.addresses,
    Date.now() - startedAt,
  );
}

main().catch((error: unknown) => {
  logger.fatal(
    { err: error },
    `the platform could not start: ${startFailureReason(error, portSetting)}`,
  );
  process.exit(1);
});
