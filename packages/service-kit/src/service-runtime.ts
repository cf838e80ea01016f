import type { Router } from 'express';
import type { Database } from './db/open-database';
import { OutboxRelay } from './db/outbox-relay';
import { TransactionRunner } from './db/transaction-runner';
import type { EventBus } from './events/event-bus';
import type { Logger } from './logger';

/** What every service is given, whatever process it runs in. */
export interface ServiceContext {
  orm: Database;
  bus: EventBus;
  logger: Logger;
}

/** A wired service: its public routes, its event subscriptions made, its outbox relay ready. */
export interface ServiceRuntime {
  name: string;
  router: Router;
  /** Routes only other services call, through their sidecars; never exposed publicly. */
  internalRouter?: Router;
  start(): void;
  stop(): Promise<void>;
  isReady(): Promise<boolean>;
}

/** Wires a service around its outbox; `wire` returns the router and any calls the service offers. */
export function createServiceRuntime<Offered extends { router: Router; internalRouter?: Router }>(
  name: string,
  { orm, bus, logger }: ServiceContext,
  wire: (transactions: TransactionRunner) => Offered,
): ServiceRuntime & Offered {
  const relay = new OutboxRelay(orm, bus, logger.child({ component: 'outbox-relay' }));
  return {
    ...wire(new TransactionRunner(orm, relay)),
    name,
    start: () => relay.start(),
    stop: () => relay.stop(),
    isReady: () => orm.isConnected(),
  };
}
