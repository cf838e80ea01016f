import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { academicDatabase, createAcademicService } from '@checkout/academic';
import {
  cardVaultDatabase,
  createCardVaultService,
  createMikroOrmCardStore,
  parseKeyRing,
} from '@checkout/card-vault';
import { createFinancialService, financialDatabase } from '@checkout/financial';
import { startEmbeddedDatabase, startSmtpSink } from '@checkout/local-infra';
import { createMarketingService, marketingDatabase } from '@checkout/marketing';
import { createNotificationService, notificationDatabase } from '@checkout/notification';
import { createPaymentService, paymentDatabase } from '@checkout/payment';
import {
  createHttpApp,
  createSmtpMailer,
  InProcessEventBus,
  migrateDatabase,
  openDatabase,
  type Database,
  type DatabaseModule,
  type Logger,
} from '@checkout/service-kit';
import { loadOrCreateCardKeys } from './card-keys';
import type { PlatformConfig } from './config';
import { mailPage } from './mail-page';

export interface RunningPlatform {
  url: string;
  mailPageUrl?: string;
  stop(): Promise<void>;
}

/** Starts all six services in this process, wired by the in-process event bus. */
export async function startPlatform(
  config: PlatformConfig,
  logger: Logger,
): Promise<RunningPlatform> {
  const stops: (() => Promise<unknown> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const dataDir = resolve(config.dataDir, 'postgres');
      logger.info({ dataDir }, 'starting embedded PostgreSQL');
      const database = await startEmbeddedDatabase({ dataDir, port: 0 });
      stops.push(() => database.stop());
      databaseUrl = database.url;
    }

    const modules: DatabaseModule[] = [
      marketingDatabase,
      financialDatabase,
      paymentDatabase,
      cardVaultDatabase,
      academicDatabase,
      notificationDatabase,
    ];
    const orms = new Map<DatabaseModule, Database>();
    for (const module of modules) {
      const orm = await openDatabase(module, databaseUrl);
      stops.push(() => orm.close());
      const applied = await migrateDatabase(orm);
      logger.info({ schema: module.schema, applied }, 'database schema ready');
      orms.set(module, orm);
    }
    const bus = new InProcessEventBus(logger.child({ component: 'event-bus' }));
    const context = (module: DatabaseModule, service: string) => ({
      orm: orms.get(module) as Database,
      bus,
      logger: logger.child({ service }),
    });

    let smtpUrl = config.smtpUrl;
    const sink = smtpUrl ? undefined : await startSmtpSink(config.smtpSinkPort);
    if (sink) stops.push(() => sink.stop());
    smtpUrl ??= sink?.url as string;
    const mailer = createSmtpMailer(smtpUrl, config.mailFrom);
    stops.push(() => mailer.close());

    const marketing = createMarketingService(context(marketingDatabase, 'marketing'));
    const vault = createCardVaultService({
      ...context(cardVaultDatabase, 'card-vault'),
      keys: parseKeyRing(config.cardEncryptionKeys ?? loadOrCreateCardKeys(config.dataDir)),
      createCardStore: (transactions) =>
        createMikroOrmCardStore(orms.get(cardVaultDatabase) as Database, transactions),
      cardTtlSeconds: config.cardTtlSeconds,
    });
    const services = [
      marketing,
      vault,
      createFinancialService({
        ...context(financialDatabase, 'financial'),
        leads: { findLead: (id) => marketing.findLeadContact(id) },
        cards: { isChargeable: (token) => vault.isChargeable(token) },
      }),
      createPaymentService({
        ...context(paymentDatabase, 'payment'),
        vault: { revealCardNumber: (token) => vault.revealCardNumber(token) },
      }),
      createAcademicService(context(academicDatabase, 'academic')),
      createNotificationService({
        ...context(notificationDatabase, 'notification'),
        mailer,
        settings: { publicUrl: config.publicUrl, language: config.emailLanguage },
      }),
    ];
    for (const service of services) {
      service.start();
      stops.push(() => service.stop());
    }

    const app = createHttpApp({
      logger,
      routers: [...services.map((service) => service.router), ...(sink ? [mailPage(sink)] : [])],
      isReady: async () => (await Promise.all(services.map((s) => s.isReady()))).every(Boolean),
    });
    const server = await new Promise<Server>((ready, fail) => {
      const listening = app.listen(config.port, () => ready(listening)).once('error', fail);
    });
    stops.push(() => new Promise((done) => server.close(done)));

    return {
      url: `http://localhost:${config.port}`,
      ...(sink && { mailPageUrl: `http://localhost:${config.port}/dev/mail` }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
