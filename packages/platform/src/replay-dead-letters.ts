import {
  createLogger,
  openDatabase,
  readEnvironment,
  replayDeadLetters,
} from '@checkout/service-kit';
import { databaseOfRunningPlatform, readDataLocation } from './data-location';
import { databases, serviceNames, type ServiceName } from './services';

/**
 * `npm run dead-letters:replay -- <service> [event id ...]`: hands a service's dead letters back
 * to its outbox, once the cause of the failure is fixed. The service must be running to publish them.
 * Without DATABASE_URL, it works on the embedded database of a running `npm start`.
 */
async function main(): Promise<void> {
  const logger = createLogger('replay-dead-letters');
  const [service, ...eventIds] = process.argv.slice(2);
  if (!serviceNames.includes(service as ServiceName)) {
    throw new Error(
      `usage: npm run dead-letters:replay -- <${serviceNames.join('|')}> [event id ...]`,
    );
  }
  const env = readEnvironment();
  const databaseUrl = await databaseOfRunningPlatform(env.done(readDataLocation(env)));
  const orm = await openDatabase(databases[service as ServiceName], databaseUrl, 1);
  try {
    logger.info(
      { service, replayed: await replayDeadLetters(orm, eventIds) },
      'dead letters back in the outbox',
    );
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
