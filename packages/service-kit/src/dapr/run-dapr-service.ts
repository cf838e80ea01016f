import { loadOpenApiSpec } from '@checkout/contracts';
import { CommunicationProtocolEnum, DaprClient, LogLevel } from '@dapr/dapr';
import { Router } from 'express';
import { readEnvironment } from '../config';
import { storeDeadLetter } from '../db/dead-letter';
import { openDatabase, type DatabaseModule } from '../db/open-database';
import { createHttpApp } from '../http/create-http-app';
import { businessMetrics } from '../metrics/business-metrics';
import { processMetrics, serveMetrics } from '../metrics/metrics-server';
import { collectProcessMetrics } from '../metrics/registry';
import { listenDrainable } from '../http/drainable-server';
import { stopOnSignals } from '../lifecycle';
import { startFailureReason } from '../start-failure-reason';
import { createLogger, type Logger } from '../logger';
import type { ServiceContext, ServiceRuntime } from '../service-runtime';
import { DaprEventBus } from './dapr-event-bus';
import type { DaprSidecar } from './invoke-app';
import { requireAppToken } from './require-app-token';
import { stopSidecarFirst } from './stop-sidecar-first';

export interface DaprServiceContext extends ServiceContext {
  dapr: DaprClient;
  sidecar: DaprSidecar;
  /** A secret from the Dapr secret store (scoped per app by the Dapr Configuration). */
  secret(name: string): Promise<string>;
}

export interface DaprServiceSpec {
  appId: string;
  database: DatabaseModule;
  create(context: DaprServiceContext): Promise<ServiceRuntime> | ServiceRuntime;
}

function readDaprConfig() {
  const env = readEnvironment();
  return env.done({
    appPort: env.integer('APP_PORT', 3000),
    /** Prometheus's `/metrics`, apart from the port the sidecar and the Ingress reach. */
    metricsPort: env.integer('METRICS_PORT', 9464),
    /** All interfaces by default: in a pod the sidecar and the probes reach the app by its IP. */
    host: env.optionalString('HOST'),
    daprHttpPort: env.integer('DAPR_HTTP_PORT', 3500),
    daprApiToken: env.optionalString('DAPR_API_TOKEN'),
    appApiToken: env.optionalString('APP_API_TOKEN'),
    pubsubName: env.string('PUBSUB_NAME', 'pubsub'),
    secretStore: env.string('SECRET_STORE', 'secretstore'),
    allowedOrigins: env.origins('ALLOWED_ORIGINS'),
    publicUrl: env.optionalUrl('PUBLIC_URL'),
    proxyTrust: env.proxyTrust('TRUST_PROXY'),
    /** Longer than the proxies in front keep an idle connection (the chart's httpKeepAliveSeconds). */
    keepAliveSeconds: env.integer('HTTP_KEEP_ALIVE_SECONDS', 5),
    /** Other replicas take over this one's calls and messages as it stops (stopSidecarFirst). */
    stopSidecarFirst: env.oneOf('STOP_SIDECAR_FIRST', ['true', 'false'], 'false') === 'true',
  });
}

/**
 * The composition root of a service in its own process beside its daprd: secrets from the
 * secret store, events over Dapr pub/sub, the routes the sidecar calls guarded by its token.
 * A failure to start is logged and ends the process.
 */
export function runDaprService(spec: DaprServiceSpec): void {
  const logger = createLogger(spec.appId);
  start(spec, logger).catch((error: unknown) => {
    logger.fatal({ err: error }, `${spec.appId} could not start: ${startFailureReason(error)}`);
    process.exit(1);
  });
}

/**
 * Whether the sidecar can carry the service's own calls (publish, invoke, secrets): its outbound
 * health, which needs its components, not this app, so the two never wait on each other.
 */
const sidecarReady = (port: number) =>
  fetch(`http://127.0.0.1:${port}/v1.0/healthz/outbound`, {
    signal: AbortSignal.timeout(2000),
  }).then(
    (response) => response.ok,
    () => false,
  );

async function start(spec: DaprServiceSpec, logger: Logger): Promise<void> {
  const config = readDaprConfig();
  const client = new DaprClient({
    daprHost: '127.0.0.1',
    daprPort: String(config.daprHttpPort),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    ...(config.daprApiToken && { daprApiToken: config.daprApiToken }),
    logger: { level: LogLevel.Warn },
  });
  await client.start();
  const secret = async (name: string) => {
    const values = (await client.secret.get(config.secretStore, name)) as Record<string, string>;
    const value = values[name];
    if (!value) throw new Error(`secret ${name} is missing from ${config.secretStore}`);
    return value;
  };
  const orm = await openDatabase(spec.database, await secret('database-url'));
  const deadLetterTopic = `${spec.appId}.dead-letter`;
  const bus = new DaprEventBus({ client, pubsubName: config.pubsubName, deadLetterTopic, logger });
  bus.subscribe(deadLetterTopic, spec.appId, async (message) => {
    await storeDeadLetter(orm, message);
    businessMetrics.deadLetterStored(spec.appId, message.topic);
    logger.error({ eventId: message.id, topic: message.topic }, 'event stored as a dead letter');
    return 'SUCCESS';
  });
  const sidecar = {
    httpPort: config.daprHttpPort,
    ...(config.daprApiToken && { apiToken: config.daprApiToken }),
  };
  const service = await spec.create({ orm, bus, logger, secret, dapr: client, sidecar });
  const sidecarOnly = Router().use(
    ['/dapr', '/events', '/internal'],
    requireAppToken(config.appApiToken),
  );
  const app = createHttpApp({
    logger,
    service: spec.appId,
    routers: [
      sidecarOnly,
      bus.router(),
      ...(service.internalRouter ? [service.internalRouter] : []),
      ...(service.router ? [service.router] : []),
    ],
    isReady: async () => (await service.isReady()) && sidecarReady(config.daprHttpPort),
    allowedOrigins: config.allowedOrigins,
    publicUrl: config.publicUrl,
    spec: loadOpenApiSpec(),
    proxyTrust: config.proxyTrust,
  });
  if (config.appApiToken === undefined)
    logger.warn('APP_API_TOKEN is not set: the routes the sidecar calls refuse every request');
  const server = await listenDrainable(app, {
    port: config.appPort,
    host: config.host,
    keepAliveMs: config.keepAliveSeconds * 1000,
  });
  collectProcessMetrics(spec.appId);
  const metrics = await serveMetrics(processMetrics, {
    port: config.metricsPort,
    host: config.host,
    logger,
  });
  logger.info({ port: config.appPort, metricsPort: metrics.port }, `${spec.appId} is up`);
  service.start();
  // Alone (start:dapr), requests and event deliveries in flight finish first, then the relay
  // publishes what they wrote. Beside other replicas (STOP_SIDECAR_FIRST), those take over: the
  // relay and jobs stop, then the sidecar, and the app answers what the sidecar took in.
  stopOnSignals(logger, async () => {
    if (config.stopSidecarFirst) {
      await service.stop();
      await stopSidecarFirst(sidecar, logger);
    }
    const report = await server.drain();
    logger[report.cutOff > 0 ? 'warn' : 'info'](report, 'HTTP server drained');
    await metrics.stop();
    if (!config.stopSidecarFirst) await service.stop();
    await orm.close();
    await client.stop();
  });
}
