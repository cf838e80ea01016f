import { createAcademicService } from '@checkout/academic';
import { createCardVaultService, createMikroOrmCardStore } from '@checkout/card-vault';
import { createFinancialService } from '@checkout/financial';
import { loadOpenApiSpec } from '@checkout/contracts';
import { startEmbeddedDatabase, startSmtpSink } from '@checkout/local-infra';
import { ensureStorefrontBuilt, storefrontRouter } from '@checkout/storefront';
import { createMarketingService } from '@checkout/marketing';
import { createNotificationService } from '@checkout/notification';
import { createPaymentService } from '@checkout/payment';
import {
  createHttpApp,
  createSmtpMailer,
  InProcessEventBus,
  migrateDatabase,
  openDatabase,
  parseKeyRing,
  storeDeadLetter,
  type Database,
  type Logger,
} from '@checkout/service-kit';
import { platformAddresses } from './banner';
import type { PlatformConfig } from './config';
import { embeddedDatabaseDir } from './data-location';
import { loadOrCreateKeys } from './local-keys';
import { mailPage } from './mail-page';
import { databases, serviceNames, type ServiceName } from './services';
import { startInOrder, type RunningPlatform } from './start-in-order';

/** Starts all six services in this process, wired by the in-process event bus. */
export function startPlatform(config: PlatformConfig, logger: Logger): Promise<RunningPlatform> {
  return startInOrder(config, logger, async (onStop, url) => {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const dataDir = embeddedDatabaseDir(config.dataDir);
      logger.info({ dataDir }, 'starting embedded PostgreSQL');
      const database = await startEmbeddedDatabase({
        dataDir,
        port: 0,
        // Its own session: a terminal's Ctrl-C reaches only us, and we stop it last.
        ownSession: true,
        onLeftoverStopped: (pid) =>
          logger.warn({ pid, dataDir }, 'stopped the PostgreSQL an earlier run left running'),
      });
      onStop(() => database.stop());
      databaseUrl = database.url;
    }

    const orms = {} as Record<ServiceName, Database>;
    for (const name of serviceNames) {
      const orm = await openDatabase(databases[name], databaseUrl);
      onStop(() => orm.close());
      const applied = await migrateDatabase(orm);
      logger.info({ schema: databases[name].schema, applied }, 'database schema ready');
      orms[name] = orm;
    }
    // Dead letters land in the consumer's own table, as in Dapr mode, and replay the same way.
    const bus = new InProcessEventBus(logger.child({ component: 'event-bus' }), {
      deadLetters: (consumer, message) => storeDeadLetter(orms[consumer as ServiceName], message),
    });
    const context = (service: ServiceName) => ({
      orm: orms[service],
      bus,
      logger: logger.child({ service }),
    });

    let smtpUrl = config.smtpUrl;
    const sink = smtpUrl ? undefined : await startSmtpSink(config.smtpSinkPort);
    if (sink) onStop(() => sink.stop());
    smtpUrl ??= sink?.url as string;
    const mailer = createSmtpMailer(smtpUrl, config.notification.mailFrom);
    onStop(() => mailer.close());

    const activationTokenKeys = parseKeyRing(
      config.activationTokenKeys ?? loadOrCreateKeys(config.dataDir, 'activation-token-keys'),
      'activation token keys',
    );
    // Marketing asks financial for courses and financial asks marketing for leads: each call is
    // made when a request comes, by which time both exist.
    const marketing = createMarketingService({
      ...context('marketing'),
      ...config.marketing,
      courses: { findCourse: (id) => financial.findCourse(id) },
    });
    const vault = createCardVaultService({
      ...context('card-vault'),
      keys: parseKeyRing(
        config.cardEncryptionKeys ?? loadOrCreateKeys(config.dataDir, 'card-encryption-keys'),
        'card encryption keys',
      ),
      ...config.cardVault,
      cardStore: createMikroOrmCardStore(orms['card-vault']),
    });
    const financial = createFinancialService({
      ...context('financial'),
      ...config.financial,
      leads: { findLead: (id) => marketing.findLeadContact(id) },
      cards: { findChargeableCard: (token) => vault.findChargeableCard(token) },
    });
    const services = [
      marketing,
      vault,
      financial,
      createPaymentService({
        ...context('payment'),
        vault: { revealCardNumber: (token) => vault.revealCardNumber(token) },
      }),
      createAcademicService({ ...context('academic'), ...config.academic, activationTokenKeys }),
      createNotificationService({
        ...context('notification'),
        mailer,
        activationTokenKeys,
        settings: config.notification.settings,
      }),
    ];
    for (const service of services) {
      service.start();
      onStop(() => service.stop());
    }

    const app = createHttpApp({
      logger,
      routers: [
        ...services.flatMap((service) => service.router ?? []),
        ...(sink ? [mailPage(sink)] : []),
        storefrontRouter(await ensureStorefrontBuilt((message) => logger.info(message))),
      ],
      isReady: async () => (await Promise.all(services.map((s) => s.isReady()))).every(Boolean),
      allowedOrigins: config.allowedOrigins,
      publicUrl: config.notification.settings.publicUrl,
      spec: loadOpenApiSpec(),
      proxyTrust: config.proxyTrust,
    });
    return {
      app,
      addresses: platformAddresses(url, config, { databaseUrl, mailPage: sink !== undefined }),
    };
  });
}
