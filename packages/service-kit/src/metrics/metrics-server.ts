import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AggregatorRegistry } from 'prom-client';
import type { Logger } from '../logger';
import { metricsRegistry } from './registry';

/** What a scrape reads: this process's registry, or the sum over a cluster's workers. */
export interface MetricsSource {
  contentType: string;
  metrics(): Promise<string>;
}

export const processMetrics: MetricsSource = metricsRegistry;

/** For a node:cluster primary: every worker's registry, counters and histograms summed. */
export function clusterMetrics(): MetricsSource {
  const aggregator = new AggregatorRegistry();
  return { contentType: aggregator.contentType, metrics: () => aggregator.clusterMetrics() };
}

export interface MetricsServer {
  /** The port it listens on: the one asked for, or the one the system chose for port 0. */
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves `GET /metrics` for Prometheus on a port of its own, never the public one: the series
 * tell how the business goes, which is nobody else's business. Anything else is a 404.
 */
export async function serveMetrics(
  source: MetricsSource,
  { port, host, logger }: { port: number; host?: string; logger: Logger },
): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    source.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': source.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics could not be gathered');
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
