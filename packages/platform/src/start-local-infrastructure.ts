import { startEmbeddedDatabase, startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import { ensureStorefrontBuilt } from '@checkout/storefront';
import { migrateDatabase, openDatabase, type Logger } from '@checkout/service-kit';
import type { PlatformConfig } from './config';
import { embeddedDatabaseDir } from './data-location';
import { loadOrCreateKeys, loadOrCreateSellerApiKey } from './local-keys';
import { databases, serviceNames } from './services';
import type { OnStop } from './start-in-order';

/** What a platform has once, however many processes serve it. */
export interface LocalInfrastructure {
  databaseUrl: string;
  smtpUrl: string;
  /** The built-in SMTP sink, when no SMTP_URL was given. */
  sink: SmtpSink | undefined;
  storefrontDist: string;
}

/**
 * Starts what exists once per platform: the embedded PostgreSQL (unless DATABASE_URL) with every
 * schema migrated, the SMTP sink (unless SMTP_URL), the local keys and the storefront's build.
 */
export async function startLocalInfrastructure(
  config: PlatformConfig,
  logger: Logger,
  onStop: OnStop,
): Promise<LocalInfrastructure> {
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
  for (const name of serviceNames) {
    const orm = await openDatabase(databases[name], databaseUrl);
    try {
      const applied = await migrateDatabase(orm);
      logger.info({ schema: databases[name].schema, applied }, 'database schema ready');
    } finally {
      await orm.close();
    }
  }
  // Made here, once, so that the processes serving the platform only ever read them.
  for (const keys of ['card-encryption-keys', 'activation-token-keys'])
    loadOrCreateKeys(config.dataDir, keys);
  loadOrCreateSellerApiKey(config.dataDir);

  const sink = config.smtpUrl ? undefined : await startSmtpSink(config.smtpSinkPort);
  if (sink) onStop(() => sink.stop());
  return {
    databaseUrl,
    smtpUrl: config.smtpUrl ?? (sink?.url as string),
    sink,
    storefrontDist: await ensureStorefrontBuilt((message) => logger.info(message)),
  };
}
