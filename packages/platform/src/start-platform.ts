import {
  collectProcessMetrics,
  processMetrics,
  serveMetrics,
  type Logger,
} from '@checkout/service-kit';
import { metricsAddress, platformAddresses } from './banner';
import type { PlatformConfig } from './config';
import { mailPage } from './mail-page';
import { startInOrder, type RunningPlatform } from './start-in-order';
import { startLocalInfrastructure } from './start-local-infrastructure';
import { startServices } from './start-services';

/** The whole platform in this one process (PLATFORM_WORKERS=1, and `npm run dev`). */
export function startPlatform(config: PlatformConfig, logger: Logger): Promise<RunningPlatform> {
  return startInOrder(config, logger, async (onStop, url) => {
    const infrastructure = await startLocalInfrastructure(config, logger, onStop);
    const { sink, databaseUrl } = infrastructure;
    const app = await startServices(config, logger, onStop, {
      ...infrastructure,
      mailPage: sink && mailPage(() => Promise.resolve(sink.emails)),
    });
    collectProcessMetrics('platform');
    const metrics = await serveMetrics(processMetrics, {
      port: config.metricsPort,
      host: config.host,
      logger,
    });
    onStop(() => metrics.stop());
    return {
      app,
      addresses: {
        ...platformAddresses(url, config, { databaseUrl, mailPage: sink !== undefined }),
        metrics: metricsAddress(metrics.port),
      },
    };
  });
}
