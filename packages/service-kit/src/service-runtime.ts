import type { Router } from 'express';
import type { Database } from './db/open-database';
import { OutboxRelay } from './db/outbox-relay';
import { TransactionRunner } from './db/transaction-runner';
import type { EventBus } from './events/event-bus';
import type { BackgroundJob } from './jobs/background-loop';
import type { Logger } from './logger';
import { watchServiceDatabase } from './metrics/database-gauges';

/** What every service is given, whatever process it runs in. */
export interface ServiceContext {
  orm: Database;
  bus: EventBus;
  logger: Logger;
}

/** A wired service: its public routes if it has any, its subscriptions made, its relay ready. */
export interface ServiceRuntime {
  name: string;
  /** Absent for a service with no public routes (it only reacts to events). */
  router?: Router;
  /** Routes only other services call, through their sidecars; never exposed publicly. */
  internalRouter?: Router;
  start(): void;
  stop(): Promise<void>;
  isReady(): Promise<boolean>;
}

interface Wiring {
  router?: Router;
  internalRouter?: Router;
  /** Background work that runs while the service runs (sweepers, clean-ups). */
  jobs?: BackgroundJob[];
}

/**
 * Wires a service around its outbox; `wire` returns its routers, the service's background jobs
 * and any calls the service offers. Jobs start after the relay and stop before it.
 */
export function createServiceRuntime<Offered extends Wiring>(
  name: string,
  { orm, bus, logger }: ServiceContext,
  wire: (transactions: TransactionRunner) => Offered,
): ServiceRuntime & Offered {
  const relay = new OutboxRelay(orm, bus, logger.child({ component: 'outbox-relay' }));
  const offered = wire(new TransactionRunner(orm, relay));
  const jobs = offered.jobs ?? [];
  let unwatch = () => {};
  return {
    ...offered,
    name,
    start: () => {
      unwatch = watchServiceDatabase(name, orm);
      relay.start();
      for (const job of jobs) job.start();
    },
    stop: async () => {
      await Promise.all(jobs.map((job) => job.stop()));
      await relay.stop();
      unwatch();
    },
    isReady: () => orm.isConnected(),
  };
}
