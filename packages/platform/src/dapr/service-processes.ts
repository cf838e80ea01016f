import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  daprdArgs,
  daprdPorts,
  freePort,
  repoRoot,
  startChild,
  type DaprdPorts,
  type RunningChild,
} from '@checkout/local-infra';
import { logFormat, type Logger } from '@checkout/service-kit';
import { serviceNames, type ServiceName } from '../services';
import { serviceNodeOptions } from './chart-values';
import { startSentry } from './sentry';
import { isServiceReady, waitForServices } from './service-readiness';
import { writeSidecarConfigurations } from './sidecar-configuration';

export interface ServiceProcesses {
  appPorts: Record<ServiceName, number>;
  ports: Record<ServiceName, DaprdPorts>;
  /** Whether a service's app and sidecar are up and the sidecar lets calls through. */
  isReady(name: ServiceName): Promise<boolean>;
  /** Apps first, as with native sidecars: what they still publish waits in their outbox. */
  stop(): Promise<void>;
}

const token = () => randomBytes(24).toString('base64url');

export interface ServiceProcessOptions {
  daprd: string;
  daprDir: string;
  /** The embedded default (this edge's address) applies to the service processes too. */
  publicUrl: string;
  /** Each service's image contents (scripts/image/build-unit.sh), in <serviceBundles>/<service>/. */
  serviceBundles: string;
  /** The node binary for the bundles (the images' version); this process's node by default. */
  serviceNode?: string;
}

/** How a service's process starts: as its image's command runs its bundle, in its container's settings. */
const serviceCommand = (name: ServiceName, options: ServiceProcessOptions) => ({
  node: options.serviceNode ?? process.execPath,
  args: ['--enable-source-maps', join(options.serviceBundles, name, 'main.js')],
  env: {
    OPENAPI_SPEC: join(options.serviceBundles, name, 'openapi.yaml'),
    // The chart's heap limit for the service (values.yaml), as its container gets it.
    NODE_OPTIONS: serviceNodeOptions(name, process.env.NODE_OPTIONS),
  },
});

/** Starts each service beside its own daprd and waits until every one is ready. */
export async function startServiceProcesses(
  options: ServiceProcessOptions,
  logger: Logger,
): Promise<ServiceProcesses> {
  const tokens = {
    DAPR_API_TOKEN: process.env.DAPR_API_TOKEN ?? token(),
    APP_API_TOKEN: process.env.APP_API_TOKEN ?? token(),
  };
  const ports = {} as Record<ServiceName, DaprdPorts>;
  const apps: RunningChild[] = [];
  const sidecars: RunningChild[] = [];
  const sentry = await startSentry(options.daprd, options.daprDir);
  const configurations = writeSidecarConfigurations(serviceNames, options.daprDir);
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await Promise.all(sidecars.map((sidecar) => sidecar.stop()));
    await sentry.process.stop();
  };
  for (const name of serviceNames) {
    ports[name] = await daprdPorts();
    const env = {
      ...process.env,
      ...tokens,
      // The apps write to pipes: they log as this process would to its own output.
      LOG_FORMAT: logFormat(),
      // Behind the edge, one hop that names the client by the platform's own TRUST_PROXY.
      TRUST_PROXY: '1',
      APP_PORT: String(ports[name].appPort),
      DAPR_HTTP_PORT: String(ports[name].httpPort),
    };
    const command = serviceCommand(name, options);
    apps.push(
      startChild(name, command.node, command.args, {
        cwd: repoRoot,
        env: {
          ...env,
          ...command.env,
          PUBLIC_URL: options.publicUrl,
          // Only their sidecars and the edge, both on this machine, call them.
          HOST: '127.0.0.1',
          // One each, as in a pod; the log line "<service> is up" names it.
          METRICS_PORT: String(await freePort()),
        },
        output: 'show',
      }),
    );
    sidecars.push(
      startChild(
        `${name}/daprd`,
        options.daprd,
        sidecarArgs(name, ports[name], configurations[name], sentry.address),
        {
          cwd: options.daprDir,
          env: { ...env, DAPR_TRUST_ANCHORS: sentry.trustAnchors },
          output: 'show',
        },
      ),
    );
  }
  const isReady = (name: ServiceName) => isServiceReady(name, ports[name], tokens.DAPR_API_TOKEN);
  const appPorts = Object.fromEntries(
    serviceNames.map((name) => [name, ports[name].appPort]),
  ) as Record<ServiceName, number>;
  try {
    await waitForServices(isReady, [...apps, ...sidecars], logger);
  } catch (error) {
    await stop();
    throw error;
  }
  for (const supervised of [...apps, ...sidecars]) supervised.keepAlive();
  return { appPorts, ports, isReady, stop };
}

function sidecarArgs(
  appId: string,
  ports: DaprdPorts,
  config: string,
  sentryAddress: string,
): string[] {
  return daprdArgs(appId, ports, {
    resourcesPath: join(repoRoot, 'dapr-components'),
    config,
    logLevel: 'warn',
    extra: [
      ['--enable-mtls', '--sentry-address', sentryAddress],
      // While the app is unhealthy the sidecar stops taking messages: they wait in RabbitMQ. Only
      // after 15 s, as in the chart: when it unsubscribes, the RabbitMQ component (1.18) leaves
      // the messages it had prefetched unacknowledged until its connection closes, so a check
      // quick to trip (a slow probe under load, a crash the kubelet-like restart mends in
      // seconds) would strand them; a restarting app is covered by the delivery retries instead.
      ['--enable-app-health-check', '--app-health-check-path', '/healthz'],
      ['--app-health-probe-interval', '5', '--app-health-threshold', '3'],
    ].flat(),
  });
}
