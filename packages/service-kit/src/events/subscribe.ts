import type { EventData, EventDefinition } from '@checkout/contracts';
import Ajv from 'ajv';
import type { Logger } from '../logger';
import type { DeliveryStatus, EventBus } from './event-bus';

const ajv = new Ajv({ strict: false, allErrors: true });

export interface ReceivedEvent<D extends EventDefinition> {
  id: string;
  data: EventData<D>;
}

/**
 * Subscribes a typed handler: a message of the wrong version or shape is dropped (it can never
 * succeed), a handler that throws is retried, and every other answer is the handler's own.
 */
export function subscribeTo<D extends EventDefinition>(
  bus: EventBus,
  definition: D,
  consumer: string,
  logger: Logger,
  handle: (event: ReceivedEvent<D>) => Promise<DeliveryStatus>,
): void {
  const isValid = ajv.compile(definition.schema);
  bus.subscribe(definition.topic, consumer, async (message) => {
    const context = { consumer, topic: message.topic, eventId: message.id };
    if (message.version !== definition.version || !isValid(message.data)) {
      logger.error(
        { ...context, version: message.version, errors: isValid.errors },
        'malformed event',
      );
      return 'DROP';
    }
    try {
      return await handle({ id: message.id, data: message.data });
    } catch (error) {
      logger.error({ ...context, err: error }, 'event handler failed; will retry');
      return 'RETRY';
    }
  });
}
