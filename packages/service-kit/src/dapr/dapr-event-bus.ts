import type { DaprClient } from '@dapr/dapr';
import { Router } from 'express';
import type { Logger } from '../logger';
import type { DeliveryStatus, EventBus, EventMessage, MessageHandler } from '../events/event-bus';

export interface DaprEventBusOptions {
  client: DaprClient;
  pubsubName: string;
  /** Where Dapr sends a message whose retries ran out; a dead-letter subscriber stores it. */
  deadLetterTopic: string;
  logger: Logger;
}

/** What Dapr delivers: our event wrapped in a CloudEvent whose id is the outbox event id. */
interface CloudEvent {
  id?: unknown;
  type?: unknown;
  time?: unknown;
  data?: unknown;
  traceparent?: unknown;
}

/** The CloudEvent type carries the original topic and version, which a dead letter keeps. */
const typeOf = (message: EventMessage) => `${message.topic}.v${message.version}`;
const parseType = (type: unknown) => /^(.+)\.v(\d+)$/.exec(String(type));

/**
 * Dapr pub/sub behind the bus port. Publishing goes through the sidecar and checks its answer
 * (the SDK returns errors instead of throwing); deliveries arrive on our own Express routes,
 * which always answer with an explicit SUCCESS, RETRY or DROP.
 */
export class DaprEventBus implements EventBus {
  private readonly handlers = new Map<string, MessageHandler>();

  constructor(private readonly options: DaprEventBusOptions) {}

  async publish(message: EventMessage): Promise<void> {
    const { client, pubsubName } = this.options;
    const response = await client.pubsub.publish(
      pubsubName,
      message.topic,
      message.data as object,
      {
        contentType: 'application/json',
        metadata: {
          'cloudevent.id': message.id,
          'cloudevent.type': typeOf(message),
          // The trace the consumer continues; daprd would otherwise start one of its own.
          ...(message.traceparent && { 'cloudevent.traceparent': message.traceparent }),
        },
      },
    );
    if (response.error) throw response.error;
  }

  /** One consumer per topic per app: the app id is the consumer group (its RabbitMQ queue). */
  subscribe(topic: string, _consumer: string, handler: MessageHandler): void {
    if (this.handlers.has(topic)) throw new Error(`${topic} already has a subscriber in this app`);
    this.handlers.set(topic, handler);
  }

  /** `/dapr/subscribe` and one delivery route per topic; Dapr reads the list once, at sidecar start. */
  router(): Router {
    const { pubsubName, deadLetterTopic, logger } = this.options;
    const router = Router();
    router.get('/dapr/subscribe', (_req, res) => {
      res.json(
        [...this.handlers.keys()].map((topic) => ({
          pubsubname: pubsubName,
          topic,
          route: `/events/${topic}`,
          ...(topic !== deadLetterTopic && { deadLetterTopic }),
        })),
      );
    });
    router.post('/events/:topic', async (req, res) => {
      const handler = this.handlers.get(req.params.topic);
      const event = (req.body ?? {}) as CloudEvent;
      let status: DeliveryStatus = 'DROP';
      if (!handler || typeof event.id !== 'string') {
        logger.error({ topic: req.params.topic }, 'delivery for an unknown topic or without an id');
      } else {
        const [, topic = req.params.topic, version = NaN] = parseType(event.type) ?? [];
        status = await handler({
          id: event.id,
          topic,
          version: Number(version),
          occurredAt: typeof event.time === 'string' ? event.time : new Date().toISOString(),
          data: event.data,
          ...(typeof event.traceparent === 'string' && { traceparent: event.traceparent }),
        }).catch((error: unknown) => {
          logger.error(
            { err: error, topic: req.params.topic, eventId: event.id },
            'handler threw; retry',
          );
          return 'RETRY' as const;
        });
      }
      res.status(200).json({ status });
    });
    return router;
  }
}
