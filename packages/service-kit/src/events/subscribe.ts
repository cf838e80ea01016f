import type { EventData, EventDefinition } from '@checkout/contracts';
import { SpanKind } from '@opentelemetry/api';
import Ajv from 'ajv';
import type { InboxDelivery } from '../db/inbox';
import type { Logger } from '../logger';
import { inSpan, type SpanOptions } from '../tracing/trace-context';
import type { DeliveryStatus, EventBus, EventMessage } from './event-bus';

const ajv = new Ajv({ strict: false, allErrors: true });

/** A delivery as a handler sees it; its `consumer` is the subscription's inbox name. */
export interface ReceivedEvent<D extends EventDefinition> extends InboxDelivery {
  data: EventData<D>;
  /** When the producer committed the event (ISO 8601). */
  occurredAt: string;
}

/** Who consumes a topic. */
export interface Subscriber {
  /** The service: its replicas compete for each message (one queue per service and topic). */
  service: string;
  /**
   * The name the service's inbox records every event of this subscription under. A constant next
   * to the subscription, never changed: under a new name, every event delivered again (a
   * redelivery, a replayed dead letter) would be handled a second time.
   */
  inbox: string;
}

/** The span of a delivery: the consumer's, in the trace of the publish. */
const consuming = (message: EventMessage, service: string, inbox: string): SpanOptions => ({
  kind: SpanKind.CONSUMER,
  traceparent: message.traceparent,
  attributes: {
    'checkout.service': service,
    'messaging.destination.name': message.topic,
    'messaging.consumer.group.name': inbox,
    'messaging.message.id': message.id,
  },
});

/**
 * Subscribes a typed handler: a message of the wrong version or shape is dropped (it can never
 * succeed), a handler that throws is retried, and every other answer is the handler's own. Each
 * delivery is handled in a span that continues the trace of the publish.
 */
export function subscribeTo<D extends EventDefinition>(
  bus: EventBus,
  definition: D,
  { service, inbox }: Subscriber,
  logger: Logger,
  handle: (event: ReceivedEvent<D>) => Promise<DeliveryStatus>,
): void {
  const isValid = ajv.compile(definition.schema);
  bus.subscribe(definition.topic, service, (message) =>
    inSpan(`${message.topic} process`, consuming(message, service, inbox), async (span) => {
      const status = await deliver(message);
      span.setAttribute('checkout.delivery_status', status);
      return status;
    }),
  );

  async function deliver(message: EventMessage): Promise<DeliveryStatus> {
    const context = { consumer: inbox, topic: message.topic, eventId: message.id };
    if (message.version !== definition.version || !isValid(message.data)) {
      logger.error(
        { ...context, version: message.version, errors: isValid.errors },
        'malformed event',
      );
      return 'DROP';
    }
    try {
      return await handle({
        id: message.id,
        consumer: inbox,
        data: message.data,
        occurredAt: message.occurredAt,
      });
    } catch (error) {
      logger.error({ ...context, err: error }, 'event handler failed; will retry');
      return 'RETRY';
    }
  }
}
