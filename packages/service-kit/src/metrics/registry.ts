import { AggregatorRegistry, collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's one registry. Every series names its `service`: in `npm start` the six services
 * share a process, and in a cluster each has its own.
 */
export const metricsRegistry = new Registry();

/**
 * In a node:cluster worker: answers the primary's scrapes (clusterMetrics) from this registry.
 * prom-client listens for them only once an AggregatorRegistry has been made in the process.
 */
export function answerClusterScrapes(): void {
  AggregatorRegistry.setRegistries([metricsRegistry]);
  void new AggregatorRegistry();
}

let collectingProcessMetrics = false;

/**
 * Node's own metrics (CPU, memory, event-loop lag, GC), once per process whatever calls this:
 * `service` is the process's name (`platform` when it holds all six services).
 */
export function collectProcessMetrics(service: string): void {
  if (collectingProcessMetrics) return;
  collectingProcessMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry, labels: { service } });
}
