import './start-tracing';
import { storefrontDist } from '@checkout/storefront';
import {
  answerClusterScrapes,
  collectProcessMetrics,
  createLogger,
  startFailureReason,
  stopOnSignals,
} from '@checkout/service-kit';
import { portSetting, readPlatformConfig } from './config';
import { mailPage } from './mail-page';
import { sentEmailsFromPrimary } from './sent-emails-over-ipc';
import { workerSettings, type WorkerStartFailure } from './start-cluster';
import { startInOrder } from './start-in-order';
import { startServices } from './start-services';
import { platformAddresses } from './banner';

/**
 * One of the processes `npm start` forks (start-cluster.ts): the six services on the port the
 * primary shares, on the database and SMTP server the primary names in its environment.
 */
const logger = createLogger('checkout');

async function main(): Promise<void> {
  const config = readPlatformConfig();
  const databaseUrl = config.databaseUrl ?? '';
  const starting = startInOrder(config, logger, async (onStop, url) => {
    const withMailPage = process.env[workerSettings.mailPage] === 'primary';
    // Scraped through the primary (start-cluster.ts), which sums the workers' series.
    collectProcessMetrics('platform');
    answerClusterScrapes();
    const app = await startServices(config, logger, onStop, {
      databaseUrl,
      smtpUrl: config.smtpUrl ?? '',
      storefrontDist,
      mailPage: withMailPage ? mailPage(sentEmailsFromPrimary) : undefined,
    });
    return {
      app,
      addresses: platformAddresses(url, config, { databaseUrl, mailPage: withMailPage }),
    };
  });
  // A terminal's Ctrl-C reaches the workers too; the primary's own SIGTERM then finds them stopping.
  stopOnSignals(logger, async () => (await starting.catch(() => undefined))?.stop());
  await starting;
}

// The primary says why the platform could not start, once for all its workers.
main().catch((error: unknown) => {
  const failure: WorkerStartFailure = {
    type: 'start-failed',
    reason: startFailureReason(error, portSetting),
  };
  if (process.send) process.send(failure, () => process.exit(1));
  else {
    logger.fatal(`the worker could not start (is it run by npm start?): ${failure.reason}`);
    process.exit(1);
  }
});
