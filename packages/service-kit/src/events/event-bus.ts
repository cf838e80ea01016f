/** How a consumer answers a delivery: done, try again later, or give up on a message it can never handle. */
export type DeliveryStatus = 'SUCCESS' | 'RETRY' | 'DROP';

/** What travels on the bus. The id is the outbox event id, so redeliveries can be recognised. */
export interface EventMessage {
  id: string;
  topic: string;
  version: number;
  occurredAt: string;
  data: unknown;
  /** The W3C trace context of the publish, for the consumer's span to continue; absent untraced. */
  traceparent?: string;
}

export type MessageHandler = (message: EventMessage) => Promise<DeliveryStatus>;

/** The port between services: the in-process adapter now, Dapr pub/sub in a cluster. */
export interface EventBus {
  /** Resolves once the bus has taken responsibility for the message. */
  publish(message: EventMessage): Promise<void>;
  /** Consumers with the same name compete for messages; different names each get a copy. */
  subscribe(topic: string, consumer: string, handler: MessageHandler): void;
}
