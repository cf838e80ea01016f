// The storefront as its own process, as its image runs it: the built pages on PORT beside
// /healthz and /readyz, JSON logs, and a drain of the requests in flight on SIGTERM.
// service-kit is imported by module, not through its index, so that its database, Dapr and mail
// parts (and their packages) stay out of the storefront's bundle and image.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigOrExit } from '@checkout/service-kit/src/config';
import { createHttpApp } from '@checkout/service-kit/src/http/create-http-app';
import { listenDrainable } from '@checkout/service-kit/src/http/drainable-server';
import { stopOnSignals } from '@checkout/service-kit/src/lifecycle';
import { createLogger } from '@checkout/service-kit/src/logger';
import { startFailureReason } from '@checkout/service-kit/src/start-failure-reason';
import { storefrontRouter } from './storefront-router';

const logger = createLogger('storefront');
const config = readConfigOrExit('storefront', (env) => ({
  port: env.integer('PORT', 8080),
  /** The built pages; the image sets it. Unset (from the sources), they are built here. */
  dist: env.optionalString('STOREFRONT_DIST'),
  /** Where buyers reach the pages: HSTS when it is https. */
  publicUrl: env.optionalUrl('PUBLIC_URL'),
  /** Longer than the proxies in front keep an idle connection (the chart's httpKeepAliveSeconds). */
  keepAliveSeconds: env.integer('HTTP_KEEP_ALIVE_SECONDS', 5),
}));

/** From the sources, as `npm start` does: Vite runs once per change of the pages' sources. */
async function buildFromSources(): Promise<string> {
  const { ensureStorefrontBuilt } = await import('./build-storefront.js');
  return ensureStorefrontBuilt((message) => logger.info(message));
}

async function start(): Promise<void> {
  const dist = config.dist ?? (await buildFromSources());
  const page = join(dist, 'index.html');
  if (!existsSync(page)) throw new Error(`no built storefront in ${dist} (no index.html)`);
  const app = createHttpApp({
    logger,
    service: 'storefront',
    routers: [storefrontRouter(dist)],
    // Nothing to reach: ready while the built pages are there to serve.
    isReady: () => Promise.resolve(existsSync(page)),
    publicUrl: config.publicUrl,
  });
  const server = await listenDrainable(app, {
    port: config.port,
    keepAliveMs: config.keepAliveSeconds * 1000,
  });
  logger.info({ port: config.port, dist }, 'storefront is up');
  stopOnSignals(logger, async () => {
    const report = await server.drain();
    logger[report.cutOff > 0 ? 'warn' : 'info'](report, 'HTTP server drained');
  });
}

start().catch((error: unknown) => {
  logger.fatal({ err: error }, `storefront could not start: ${startFailureReason(error)}`);
  process.exit(1);
});
