import type { EventData, EventDefinition } from '@checkout/contracts';
import Ajv from 'ajv';
import type { InboxDelivery } from '../db/inbox';
import type { Logger } from '../logger';
import type { DeliveryStatus, EventBus } from './event-bus';

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

/**
 * Subscribes a typed handler: a message of the wrong version or shape is dropped (it can never
 * succeed), a handler that throws is retried, and every other answer is the handler's own.
 */
export function subscribeTo<D extends EventDefinition>(
  bus: EventBus,
  definition: D,
  { service, inbox }: Subscriber,
  logger: Logger,
  handle: (event: ReceivedEvent<D>) => Promise<DeliveryStatus>,
): void {
  const isValid = ajv.compile(definition.schema);
  bus.subscribe(definition.topic, service, async (message) => {
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
  });
}
