import type { AddressInfo } from 'node:net';
import {
  createHttpApp,
  createLogger,
  InProcessEventBus,
  migrateDatabase,
  openDatabase,
  type Database,
  type DatabaseModule,
  type EventMessage,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createTestDatabase } from './test-database';
import { waitUntil } from '@checkout/local-infra';

export interface ServiceUnderTest<S extends ServiceRuntime> {
  service: S;
  orm: Database;
  bus: InProcessEventBus;
  baseUrl: string;
  /** Every message published on the recorded topics, in order. */
  published: EventMessage[];
  /** Waits until the service has published a message on `topic` that matches. */
  waitForPublished(
    topic: string,
    match?: (data: never) => boolean,
    timeoutMs?: number,
  ): Promise<EventMessage>;
  stop(): Promise<void>;
}

/**
 * Runs one service in-process against a fresh database on the test PostgreSQL, with the real
 * in-process bus and HTTP app; messages it publishes are recorded for assertions.
 */
export async function startServiceUnderTest<S extends ServiceRuntime>(
  module: DatabaseModule,
  create: (context: ServiceContext) => S,
  recordedTopics: string[] = [],
): Promise<ServiceUnderTest<S>> {
  const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
  const orm = await openDatabase(module, await createTestDatabase());
  await migrateDatabase(orm);
  const bus = new InProcessEventBus(logger, { retry: { maxAttempts: 3, firstDelayMs: 10 } });
  const published: EventMessage[] = [];
  for (const topic of recordedTopics) {
    bus.subscribe(topic, 'test-recorder', (message) => {
      published.push(message);
      return Promise.resolve('SUCCESS');
    });
  }
  const service = create({ orm, bus, logger });
  service.start();
  const app = createHttpApp({
    logger,
    service: service.name,
    routers: service.router ? [service.router] : [],
    isReady: () => service.isReady(),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));

  const waitForPublished: ServiceUnderTest<S>['waitForPublished'] = (
    topic,
    match,
    timeoutMs = 5000,
  ) =>
    waitUntil(
      `a message on ${topic}`,
      () => published.find((m) => m.topic === topic && (!match || match(m.data as never))),
      timeoutMs,
    );

  return {
    service,
    orm,
    bus,
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    published,
    waitForPublished,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await service.stop();
      await orm.close();
    },
  };
}
