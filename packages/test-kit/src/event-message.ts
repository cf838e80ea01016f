import { randomUUID } from 'node:crypto';
import type { EventData, EventDefinition } from '@checkout/contracts';
import type { EventMessage } from '@checkout/service-kit';

/** A bus message as the outbox relay would publish it. */
export function eventMessage<D extends EventDefinition>(
  definition: D,
  data: EventData<D>,
  id = randomUUID(),
): EventMessage {
  return {
    id,
    topic: definition.topic,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    data,
  };
}
