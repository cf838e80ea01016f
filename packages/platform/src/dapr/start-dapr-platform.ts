import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { provision, rabbitmqManagement, repoRoot, startSmtpSink } from '@checkout/local-infra';
import { createHttpApp, type Logger } from '@checkout/service-kit';
import { ensureStorefrontBuilt, storefrontRouter } from '@checkout/storefront';
import express from 'express';
import { platformAddresses } from '../banner';
import { loadOrCreateKeys, loadOrCreateSellerApiKey } from '../local-keys';
import type { PlatformConfig } from '../config';
import { mailPage } from '../mail-page';
import { migrateAll } from '../migrate';
import { startInOrder, type RunningPlatform } from '../start-in-order';
import { serviceNames } from '../services';
import { edgeRouter } from './edge';
import { succeeds } from './command-succeeds';
import { ensureServiceBundles } from './service-bundles';
import { startServiceProcesses } from './service-processes';

export interface DaprPlatformConfig extends PlatformConfig {
  rabbitmqUrl?: string;
  /** Prebuilt image contents (`npm run build`'s dist/images) to run as they are. */
  serviceBundles?: string;
  serviceNode?: string;
}

/**
 * `npm run start:dapr`: each service in its own process beside its own daprd, on RabbitMQ and
 * PostgreSQL, behind a small edge on PORT. Provisions what is missing first.
 */
export function startDaprPlatform(
  config: DaprPlatformConfig,
  logger: Logger,
): Promise<RunningPlatform> {
  return startInOrder(config, logger, async (onStop, url) => {
    const provisioned = (script: 'daprd' | 'rabbitmq' | 'postgresql') => {
      logger.info(`provisioning ${script} (the first time can take minutes)`);
      return provision(script);
    };
    const daprd = provisioned('daprd');
    const rabbitmqWasRunning =
      config.rabbitmqUrl !== undefined || (await succeeds(['rabbitmqctl', '-q', 'status']));
    const rabbitmqUrl = config.rabbitmqUrl ?? provisioned('rabbitmq');
    if (!rabbitmqWasRunning) onStop(() => succeeds(['rabbitmqctl', '-q', 'stop']));
    const postgresql = ['bash', join(repoRoot, 'scripts/provision/postgresql.sh')] as const;
    const postgresWasRunning =
      config.databaseUrl !== undefined || (await succeeds([...postgresql, 'status']));
    const databaseUrl = config.databaseUrl ?? provisioned('postgresql');
    if (!postgresWasRunning) onStop(() => succeeds([...postgresql, 'stop']));
    // Built (when their sources changed) while the migrations run; a failure is met below.
    const bundles = config.serviceBundles
      ? Promise.resolve(resolve(config.serviceBundles))
      : ensureServiceBundles((message) => logger.info(message));
    bundles.catch(() => undefined);
    await migrateAll(databaseUrl, logger);

    const sink = config.smtpUrl ? undefined : await startSmtpSink(config.smtpSinkPort);
    if (sink) onStop(() => sink.stop());
    const daprDir = resolve(config.dataDir, 'dapr');
    mkdirSync(daprDir, { recursive: true });
    writeFileSync(
      join(daprDir, 'secrets.json'),
      JSON.stringify({
        'database-url': databaseUrl,
        'rabbitmq-url': rabbitmqUrl,
        'smtp-url': config.smtpUrl ?? sink?.url,
        'card-encryption-keys':
          config.cardEncryptionKeys ?? loadOrCreateKeys(config.dataDir, 'card-encryption-keys'),
        'activation-token-keys':
          config.activationTokenKeys ?? loadOrCreateKeys(config.dataDir, 'activation-token-keys'),
        'seller-api-key': config.sellerApiKey ?? loadOrCreateSellerApiKey(config.dataDir),
        'pix-webhook-keys':
          config.pixWebhookKeys ?? loadOrCreateKeys(config.dataDir, 'pix-webhook-keys'),
      }),
      { mode: 0o600 },
    );

    const services = await startServiceProcesses(
      {
        daprd,
        daprDir,
        publicUrl: config.notification.settings.publicUrl,
        serviceBundles: await bundles,
        ...(config.serviceNode && { serviceNode: config.serviceNode }),
      },
      logger,
    );
    onStop(() => services.stop());
    // Where each app and sidecar listens, for people and tests that talk to one directly.
    writeFileSync(join(daprDir, 'ports.json'), JSON.stringify(services.ports, null, 2));

    const app = express();
    app.set('trust proxy', config.proxyTrust);
    app.use(edgeRouter(services.appPorts));
    app.use(
      createHttpApp({
        logger,
        service: 'edge',
        routers: [
          ...(sink ? [mailPage(() => Promise.resolve(sink.emails))] : []),
          storefrontRouter(await ensureStorefrontBuilt((message) => logger.info(message))),
        ],
        isReady: async () =>
          (await Promise.all(serviceNames.map((name) => services.isReady(name)))).every(Boolean),
        publicUrl: config.notification.settings.publicUrl,
      }),
    );
    return {
      app,
      addresses: {
        ...platformAddresses(url, config, { databaseUrl, mailPage: sink !== undefined }),
        ...(!config.rabbitmqUrl && { rabbitmqManagement: rabbitmqManagement.url }),
      },
    };
  });
}
