import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommunicationProtocolEnum, DaprClient, LogLevel } from '@dapr/dapr';
import { freePort } from '@checkout/local-infra';
import { repoRoot, startDaprd, waitUntil, type DaprdProcess } from '@checkout/test-kit';
import { parse } from 'yaml';
import {
  createHttpApp,
  createLogger,
  DaprEventBus,
  type DeliveryStatus,
  type EventMessage,
} from '../../src';

const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
const topic = 'bus-test.ping';
const deadLetterTopic = 'bus-test.dead-letter';
const received: EventMessage[] = [];
const deadLetters: EventMessage[] = [];
/** How the test's consumer answers each delivery of an event, by event id. */
const answers = new Map<string, DeliveryStatus[]>();
let daprd: DaprdProcess;
let server: Server;
let bus: DaprEventBus;

beforeAll(async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'dapr-bus-'));
  writeFileSync(
    join(cwd, 'secrets.json'),
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
    deadLetterTopic,
    logger,
  });
  bus.subscribe(topic, 'bus-test', async (message) => {
    received.push(message);
    return answers.get(message.id)?.shift() ?? 'SUCCESS';
  });
  bus.subscribe(deadLetterTopic, 'bus-test', async (message) => {
    deadLetters.push(message);
    return 'SUCCESS';
  });
  server = createHttpApp({
    logger,
    service: 'test',
    routers: [bus.router()],
    isReady: async () => true,
  }).listen(appPort);
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

  const publish = async (answersInTurn: DeliveryStatus[]) => {
    const id = randomUUID();
    answers.set(id, answersInTurn);
    await bus.publish({ id, topic, version: 1, occurredAt: new Date().toISOString(), data: {} });
    return id;
  };
  const deliveriesOf = (id: string) => received.filter((m) => m.id === id).length;

  it('redelivers an event its consumer answers RETRY, following the Resiliency policy', async () => {
    const id = await publish(['RETRY', 'RETRY', 'SUCCESS']);
    await waitUntil('three deliveries', () => (deliveriesOf(id) === 3 ? true : undefined));
    expect(deadLetters.some((m) => m.id === id)).toBe(false);
  });

  it('sends an event that keeps failing to the dead-letter topic after the last retry', async () => {
    const { maxRetries } = (
      parse(readFileSync(join(repoRoot, 'dapr-components/resiliency.yaml'), 'utf8')) as {
        spec: { policies: { retries: { eventDelivery: { maxRetries: number } } } };
      }
    ).spec.policies.retries.eventDelivery;
    const id = await publish(Array<DeliveryStatus>(maxRetries + 5).fill('RETRY'));
    // The policy spreads its retries over about 80 s, so that a restarting consumer is back first.
    const deadLetter = await waitUntil(
      'the dead letter',
      () => deadLetters.find((m) => m.id === id),
      150_000,
    );
    expect(deliveriesOf(id)).toBe(1 + maxRetries);
    expect(deadLetter).toMatchObject({ id, version: 1 });
  }, 180_000);

  // Surprise pinned here: with a deadLetterTopic on the subscription, Dapr does not discard a
  // DROP answer; it skips the retries and dead-letters the message at once, so nothing is lost.
  it('dead-letters an event its consumer answers DROP at once, without retrying it', async () => {
    const id = await publish(['DROP']);
    await waitUntil('the dead letter', () => deadLetters.find((m) => m.id === id));
    expect(deliveriesOf(id)).toBe(1);
  });
});
