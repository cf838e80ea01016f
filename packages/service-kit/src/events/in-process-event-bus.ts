import { setTimeout as sleep } from 'node:timers/promises';
import pLimit, { type Limit } from 'p-limit';
import type { Logger } from '../logger';
import type { DeliveryStatus, EventBus, EventMessage, MessageHandler } from './event-bus';

interface Subscription {
  consumer: string;
  handler: MessageHandler;
  /** The consuming service's queue, shared by all its subscriptions. */
  queue: Limit;
}

export interface RetryPolicy {
  maxAttempts: number;
  firstDelayMs: number;
}

/** Where a message goes that its consumer refused (DROP) or kept failing: the consumer's store. */
export type DeadLetterSink = (consumer: string, message: EventMessage) => Promise<void>;

/**
 * How many messages one consuming service handles at once, as a sidecar's app-max-concurrency
 * would allow: each holds one of the service's database connections (a pool of 5), and the rest
 * stay free for its HTTP requests.
 */
const deliveriesPerConsumer = 3;

/**
 * Delivers each message to every consumer of its topic inside this process. `publish` resolves
 * only when every consumer has answered SUCCESS or DROP or run out of attempts, so the outbox
 * keeps the event until then and a crash in between loses nothing.
 */
export class InProcessEventBus implements EventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();
  private readonly consumerQueues = new Map<string, Limit>();

  private readonly retry: RetryPolicy;
  private readonly deadLetters: DeadLetterSink | undefined;

  constructor(
    private readonly logger: Logger,
    options: { retry?: RetryPolicy; deadLetters?: DeadLetterSink } = {},
  ) {
    this.retry = options.retry ?? { maxAttempts: 5, firstDelayMs: 100 };
    this.deadLetters = options.deadLetters;
  }

  subscribe(topic: string, consumer: string, handler: MessageHandler): void {
    const list = this.subscriptions.get(topic) ?? [];
    if (list.some((s) => s.consumer === consumer))
      throw new Error(`${consumer} already consumes ${topic}`);
    const queue = this.consumerQueues.get(consumer) ?? pLimit(deliveriesPerConsumer);
    this.consumerQueues.set(consumer, queue);
    this.subscriptions.set(topic, [...list, { consumer, handler, queue }]);
  }

  async publish(message: EventMessage): Promise<void> {
    const consumers = this.subscriptions.get(message.topic) ?? [];
    await Promise.all(
      consumers.map((subscription) =>
        subscription.queue(() => this.deliver(subscription, message)),
      ),
    );
  }

  private async deliver({ consumer, handler }: Subscription, message: EventMessage): Promise<void> {
    const context = { consumer, topic: message.topic, eventId: message.id };
    for (let attempt = 1; ; attempt++) {
      const status: DeliveryStatus = await handler(message).catch((error: unknown) => {
        this.logger.error({ ...context, err: error }, 'event handler threw; will retry');
        return 'RETRY';
      });
      if (status === 'SUCCESS') return;
      // As with Dapr and a dead-letter topic: a refused message is not retried, but kept.
      if (status === 'DROP' || attempt >= this.retry.maxAttempts) {
        return this.deadLetter(consumer, message, { ...context, status, attempts: attempt });
      }
      await sleep(this.retry.firstDelayMs * 2 ** (attempt - 1));
    }
  }

  private async deadLetter(
    consumer: string,
    message: EventMessage,
    context: object,
  ): Promise<void> {
    this.logger.error(context, 'event dead-lettered');
    await this.deadLetters?.(consumer, message).catch((error: unknown) =>
      this.logger.error({ ...context, err: error }, 'dead letter could not be stored'),
    );
  }
}
