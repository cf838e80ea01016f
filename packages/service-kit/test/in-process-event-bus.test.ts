import { InProcessEventBus, createLogger, type DeliveryStatus, type EventMessage } from '../src';

const message: EventMessage = {
  id: 'e-1',
  topic: 't',
  version: 1,
  occurredAt: new Date().toISOString(),
  data: {},
};
const deadLetters: { consumer: string; id: string }[] = [];
const bus = () =>
  new InProcessEventBus(createLogger('test', 'silent'), {
    retry: { maxAttempts: 3, firstDelayMs: 1 },
    deadLetters: async (consumer, m) => {
      deadLetters.push({ consumer, id: m.id });
    },
  });

/** A consumer that answers with the given statuses in turn and counts its deliveries. */
const consumer = (...answers: (DeliveryStatus | Error)[]) => {
  let calls = 0;
  return {
    calls: () => calls,
    handler: async (): Promise<DeliveryStatus> => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      if (answer instanceof Error) throw answer;
      return answer as DeliveryStatus;
    },
  };
};

describe('the in-process event bus', () => {
  it('delivers to every consumer of the topic', async () => {
    const [a, b] = [consumer('SUCCESS'), consumer('SUCCESS')];
    const events = bus();
    events.subscribe('t', 'a', a.handler);
    events.subscribe('t', 'b', b.handler);
    await events.publish(message);
    expect([a.calls(), b.calls()]).toEqual([1, 1]);
  });

  it('redelivers after RETRY or a throw until the consumer succeeds', async () => {
    const flaky = consumer('RETRY', new Error('database down'), 'SUCCESS');
    const events = bus();
    events.subscribe('t', 'flaky', flaky.handler);
    await events.publish(message);
    expect(flaky.calls()).toBe(3);
  });

  it('stops after the bounded number of attempts and keeps the message as a dead letter', async () => {
    const broken = consumer('RETRY');
    const events = bus();
    events.subscribe('t', 'broken', broken.handler);
    await events.publish(message);
    expect(broken.calls()).toBe(3);
    expect(deadLetters).toContainEqual({ consumer: 'broken', id: message.id });
  });

  it('does not redeliver a dropped message, and keeps it as a dead letter', async () => {
    const dropping = consumer('DROP');
    const events = bus();
    events.subscribe('t', 'dropping', dropping.handler);
    await events.publish(message);
    expect(dropping.calls()).toBe(1);
    expect(deadLetters).toContainEqual({ consumer: 'dropping', id: message.id });
  });
});
