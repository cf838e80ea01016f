import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommunicationProtocolEnum, DaprClient, LogLevel } from '@dapr/dapr';
import { freePort } from '@checkout/local-infra';
import { repoRoot, startDaprd, waitUntil, type DaprdProcess } from '@checkout/test-kit';
import { createHttpApp, createLogger, DaprEventBus, type EventMessage } from '../../src';

const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
const topic = 'bus-test.ping';
const received: EventMessage[] = [];
let daprd: DaprdProcess;
let server: Server;
let bus: DaprEventBus;

beforeAll(async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'dapr-bus-'));
  mkdirSync(join(cwd, '.data/dapr'), { recursive: true });
  writeFileSync(
    join(cwd, '.data/dapr/secrets.json'),
    JSON.stringify({
      'rabbitmq-url': process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    }),
  );
  const appPort = await freePort();
  const daprPort = await freePort();
  bus = new DaprEventBus({
    client: new DaprClient({
      daprHost: '127.0.0.1',
      daprPort: String(daprPort),
      communicationProtocol: CommunicationProtocolEnum.HTTP,
      logger: { level: LogLevel.Warn },
    }),
    pubsubName: 'pubsub',
    deadLetterTopic: 'bus-test.dead-letter',
    logger,
  });
  bus.subscribe(topic, 'bus-test', async (message) => {
    received.push(message);
    return 'SUCCESS';
  });
  server = createHttpApp({ logger, routers: [bus.router()], isReady: async () => true }).listen(
    appPort,
  );
  daprd = await startDaprd({
    appId: 'bus-test',
    appPort,
    httpPort: daprPort,
    resourcesPath: join(repoRoot, 'dapr-components'),
    cwd,
  });
}, 90_000);

afterAll(async () => {
  await daprd?.stop();
  server?.close();
});

describe('Dapr pub/sub on RabbitMQ', () => {
  it('delivers a published event with the outbox id as the CloudEvent id and its version', async () => {
    const id = randomUUID();
    await bus.publish({
      id,
      topic,
      version: 3,
      occurredAt: new Date().toISOString(),
      data: { hello: 'world' },
    });
    const message = await waitUntil('the delivery', () => received.find((m) => m.id === id));
    expect(message).toMatchObject({ id, topic, version: 3, data: { hello: 'world' } });
  });
});
