import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@checkout/local-infra';
import type { Logger } from '@checkout/service-kit';
import { serviceNames, type ServiceName } from '../services';
import { repoRoot } from './provision';
import { startSentry } from './sentry';
import { startSupervised, type SupervisedProcess } from './supervised-process';

export type SidecarPorts = Record<
  'appPort' | 'httpPort' | 'grpcPort' | 'internalPort' | 'metricsPort',
  number
>;

export interface ServiceProcesses {
  appPorts: Record<ServiceName, number>;
  ports: Record<ServiceName, SidecarPorts>;
  /** Apps first, as with native sidecars: what they still publish waits in their outbox. */
  stop(): Promise<void>;
}

const token = () => randomBytes(24).toString('base64url');

export interface ServiceProcessOptions {
  daprd: string;
  daprDir: string;
  publicUrl: string;
  cardTtlSeconds: number;
  /** Run what the images run (scripts/image/build-unit.sh output per service) instead of the sources. */
  serviceBundles?: string;
  /** The node binary for the bundles (the images' version); this process's node by default. */
  serviceNode?: string;
}

/** How a service's process starts: its image's bundle, or its sources through tsx. */
function serviceCommand(name: ServiceName, options: ServiceProcessOptions) {
  const bundles = options.serviceBundles;
  if (!bundles)
    return {
      node: process.execPath,
      args: ['--import', 'tsx', `services/${name}/src/main.ts`],
      env: {},
    };
  return {
    node: options.serviceNode ?? process.execPath,
    args: ['--enable-source-maps', join(bundles, name, 'main.js')],
    env: { OPENAPI_SPEC: join(bundles, name, 'openapi.yaml') },
  };
}

/** Starts each service beside its own daprd and waits until every one is ready. */
export async function startServiceProcesses(
  options: ServiceProcessOptions,
  logger: Logger,
): Promise<ServiceProcesses> {
  const tokens = {
    DAPR_API_TOKEN: process.env.DAPR_API_TOKEN ?? token(),
    APP_API_TOKEN: process.env.APP_API_TOKEN ?? token(),
  };
  const ports = {} as Record<ServiceName, SidecarPorts>;
  const apps: SupervisedProcess[] = [];
  const sidecars: SupervisedProcess[] = [];
  const sentry = await startSentry(options.daprd, options.daprDir);
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await Promise.all(sidecars.map((sidecar) => sidecar.stop()));
    await sentry.process.stop();
  };
  for (const name of serviceNames) {
    ports[name] = await sidecarPorts();
    const env = {
      ...process.env,
      ...tokens,
      APP_PORT: String(ports[name].appPort),
      DAPR_HTTP_PORT: String(ports[name].httpPort),
    };
    const command = serviceCommand(name, options);
    apps.push(
      startSupervised(name, command.node, command.args, {
        cwd: repoRoot,
        env: {
          ...env,
          ...command.env,
          PUBLIC_URL: options.publicUrl,
          CARD_TTL_SECONDS: String(options.cardTtlSeconds),
        },
      }),
    );
    sidecars.push(
      startSupervised(
        `${name}/daprd`,
        options.daprd,
        daprdArgs(name, ports[name], sentry.address),
        {
          cwd: options.daprDir,
          env: { ...env, DAPR_TRUST_ANCHORS: sentry.trustAnchors },
        },
      ),
    );
  }
  const appPorts = Object.fromEntries(
    serviceNames.map((name) => [name, ports[name].appPort]),
  ) as Record<ServiceName, number>;
  try {
    await waitForApps(appPorts, [...apps, ...sidecars], logger);
  } catch (error) {
    await stop();
    throw error;
  }
  for (const supervised of [...apps, ...sidecars]) supervised.keepAlive();
  return { appPorts, ports, stop };
}

async function sidecarPorts(): Promise<SidecarPorts> {
  const [appPort, httpPort, grpcPort, internalPort, metricsPort] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  return { appPort, httpPort, grpcPort, internalPort, metricsPort } as SidecarPorts;
}

function daprdArgs(appId: string, ports: SidecarPorts, sentryAddress: string): string[] {
  return [
    ['--app-id', appId],
    ['--app-port', String(ports.appPort)],
    ['--app-protocol', 'http'],
    ['--dapr-http-port', String(ports.httpPort)],
    ['--dapr-grpc-port', String(ports.grpcPort)],
    ['--dapr-internal-grpc-port', String(ports.internalPort)],
    ['--metrics-port', String(ports.metricsPort)],
    ['--resources-path', join(repoRoot, 'dapr-components')],
    ['--config', join(repoRoot, 'dapr-components/config/checkout.yaml')],
    ['--enable-mtls', '--sentry-address', sentryAddress],
    // While the app is unhealthy the sidecar stops taking messages: they wait in RabbitMQ. Only
    // after 15 s, as in the chart: when it unsubscribes, the RabbitMQ component (1.18) leaves the
    // messages it had prefetched unacknowledged until its connection closes, so a check quick to
    // trip (a slow probe under load, a crash the kubelet-like restart mends in seconds) would
    // strand them; a restarting app is covered by the delivery retries instead.
    ['--enable-app-health-check', '--app-health-check-path', '/healthz'],
    ['--app-health-probe-interval', '5', '--app-health-threshold', '3'],
    ['--log-level', 'warn'],
  ].flat();
}

export const isAppReady = (port: number) =>
  fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.ok,
    () => false,
  );

async function waitForApps(
  appPorts: Record<ServiceName, number>,
  processes: SupervisedProcess[],
  logger: Logger,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  const pending = new Set(serviceNames);
  while (pending.size > 0) {
    const dead = processes.find((p) => p.hasExited());
    if (dead) throw new Error(`${dead.name} exited during start-up`);
    if (Date.now() > deadline) throw new Error(`not ready after 120 s: ${[...pending].join(', ')}`);
    for (const name of pending) {
      if (await isAppReady(appPorts[name])) {
        pending.delete(name);
        logger.info({ service: name, port: appPorts[name] }, 'service ready');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
