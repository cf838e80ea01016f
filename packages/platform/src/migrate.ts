import {
  createLogger,
  migrateDatabase,
  openDatabase,
  readEnvironment,
  type Logger,
} from '@checkout/service-kit';
import { databaseOfRunningPlatform, readDataLocation } from './data-location';
import { databases } from './services';

/** Applies every service's pending migrations, each in its own schema. */
export async function migrateAll(databaseUrl: string, logger: Logger): Promise<void> {
  for (const module of Object.values(databases)) {
    const orm = await openDatabase(module, databaseUrl, 1);
    try {
      logger.info(
        { schema: module.schema, applied: await migrateDatabase(orm) },
        'database schema ready',
      );
    } finally {
      await orm.close();
    }
  }
}

/**
 * `npm run migrate`: what a deployment runs once before the services start. Without
 * DATABASE_URL, it migrates the embedded database of a running `npm start`.
 */
if (require.main === module) {
  const logger = createLogger('migrate');
  const env = readEnvironment();
  databaseOfRunningPlatform(env.done(readDataLocation(env)))
    .then((databaseUrl) => migrateAll(databaseUrl, logger))
    .catch((error: unknown) => {
      logger.fatal({ err: error }, 'migration failed');
      process.exit(1);
    });
}
