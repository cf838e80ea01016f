import { createAcademicService } from '@checkout/academic';
import { createCardVaultService, createSqlCardStore } from '@checkout/card-vault';
import { createFinancialService } from '@checkout/financial';
import { loadOpenApiSpec } from '@checkout/contracts';
import { storefrontRouter } from '@checkout/storefront';
import { createMarketingService } from '@checkout/marketing';
import { createNotificationService } from '@checkout/notification';
import { createPaymentService } from '@checkout/payment';
import {
  businessMetrics,
  createHttpApp,
  createSmtpMailer,
  InProcessEventBus,
  openDatabase,
  parseKeyRing,
  storeDeadLetter,
  type Database,
  type Logger,
} from '@checkout/service-kit';
import type { Express, Router } from 'express';
import type { PlatformConfig } from './config';
import { loadOrCreateKeys, loadOrCreateSellerApiKey } from './local-keys';
import { databases, serviceNames, serviceOfRoute, type ServiceName } from './services';
import type { OnStop } from './start-in-order';

/** Where the services find what the platform has once (start-local-infrastructure.ts). */
export interface SharedParts {
  databaseUrl: string;
  smtpUrl: string;
  storefrontDist: string;
  /** GET /dev/mail, when the platform runs its own SMTP sink. */
  mailPage: Router | undefined;
}

/**
 * Starts the six services in this process, wired by the in-process event bus, each with its
 * relays, sweepers and jobs (safe beside other processes doing the same on the same database);
 * returns the app that serves them all.
 */
export async function startServices(
  config: PlatformConfig,
  logger: Logger,
  onStop: OnStop,
  shared: SharedParts,
): Promise<Express> {
  const orms = {} as Record<ServiceName, Database>;
  for (const name of serviceNames) {
    orms[name] = await openDatabase(databases[name], shared.databaseUrl);
    onStop(() => orms[name].close());
  }
  // Dead letters land in the consumer's own table, as in Dapr mode, and replay the same way.
  const bus = new InProcessEventBus(logger.child({ component: 'event-bus' }), {
    deadLetters: async (consumer, message) => {
      await storeDeadLetter(orms[consumer as ServiceName], message);
      businessMetrics.deadLetterStored(consumer, message.topic);
    },
  });
  const context = (service: ServiceName) => ({
    orm: orms[service],
    bus,
    logger: logger.child({ service }),
  });
  const mailer = createSmtpMailer(shared.smtpUrl, config.notification.mailFrom);
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
    cardStore: createSqlCardStore(orms['card-vault']),
  });
  const financial = createFinancialService({
    ...context('financial'),
    ...config.financial,
    leads: { findLead: (id) => marketing.findLeadContact(id) },
    cards: { findChargeableCard: (token) => vault.findChargeableCard(token) },
    sellerApiKey: config.sellerApiKey ?? loadOrCreateSellerApiKey(config.dataDir),
  });
  const services = [
    marketing,
    vault,
    financial,
    createPaymentService({
      ...context('payment'),
      vault: { revealCardNumber: (token) => vault.revealCardNumber(token) },
      pixWebhookKeys: parseKeyRing(
        config.pixWebhookKeys ?? loadOrCreateKeys(config.dataDir, 'pix-webhook-keys'),
        'PIX webhook keys',
      ),
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

  return createHttpApp({
    logger,
    service: serviceOfRoute,
    routers: [
      ...services.flatMap((service) => service.router ?? []),
      ...(shared.mailPage ? [shared.mailPage] : []),
      storefrontRouter(shared.storefrontDist),
    ],
    isReady: async () => (await Promise.all(services.map((s) => s.isReady()))).every(Boolean),
    allowedOrigins: config.allowedOrigins,
    publicUrl: config.notification.settings.publicUrl,
    spec: loadOpenApiSpec(),
    proxyTrust: config.proxyTrust,
  });
}
