import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, startSmtpSink } from '@checkout/local-infra';
import { createHttpApp, type Logger } from '@checkout/service-kit';
import express from 'express';
import { loadOrCreateCardKeys } from '../card-keys';
import type { PlatformConfig } from '../config';
import { mailPage } from '../mail-page';
import { migrateAll } from '../migrate';
import type { RunningPlatform } from '../start-platform';
import { serviceNames, type ServiceName } from '../services';
import { edgeRouter } from './edge';
import { isRunning, provision, repoRoot } from './provision';
import { startSupervised, type SupervisedProcess } from './supervised-process';

export interface DaprPlatformConfig extends PlatformConfig {
  rabbitmqUrl?: string;
}

const token = () => randomBytes(24).toString('base64url');

/**
 * `npm run start:dapr`: each service in its own process beside its own daprd, on RabbitMQ and
 * PostgreSQL, behind a small edge on PORT. Provisions what is missing first.
 */
export async function startDaprPlatform(
  config: DaprPlatformConfig,
  logger: Logger,
): Promise<RunningPlatform> {
  const stops: (() => Promise<unknown> | void)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const daprd = await provision('daprd', logger);
    const rabbitmqWasRunning =
      config.rabbitmqUrl !== undefined || (await isRunning(['rabbitmqctl', '-q', 'status']));
    const rabbitmqUrl = config.rabbitmqUrl ?? (await provision('rabbitmq', logger));
    if (!rabbitmqWasRunning) stops.push(() => isRunning(['rabbitmqctl', '-q', 'stop']));
    const postgresWasRunning =
      config.databaseUrl !== undefined ||
      (await isRunning(['pg_ctlcluster', '15', 'main', 'status']));
    const databaseUrl = config.databaseUrl ?? (await provision('postgresql', logger));
    if (!postgresWasRunning) stops.push(() => isRunning(['pg_ctlcluster', '15', 'main', 'stop']));
    await migrateAll(databaseUrl, logger);

    const sink = config.smtpUrl ? undefined : await startSmtpSink(config.smtpSinkPort);
    if (sink) stops.push(() => sink.stop());
    const daprDir = resolve(config.dataDir, 'dapr');
    mkdirSync(daprDir, { recursive: true });
    writeFileSync(
      join(daprDir, 'secrets.json'),
      JSON.stringify({
        'database-url': databaseUrl,
        'rabbitmq-url': rabbitmqUrl,
        'smtp-url': config.smtpUrl ?? sink?.url,
        'card-encryption-keys': config.cardEncryptionKeys ?? loadOrCreateCardKeys(config.dataDir),
      }),
      { mode: 0o600 },
    );

    const tokens = {
      DAPR_API_TOKEN: process.env.DAPR_API_TOKEN ?? token(),
      APP_API_TOKEN: process.env.APP_API_TOKEN ?? token(),
    };
    const appPorts = {} as Record<ServiceName, number>;
    const sidecars = {} as Record<ServiceName, SidecarPorts>;
    const processes: SupervisedProcess[] = [];
    // Apps first, as with native sidecars: what they still publish waits in their outbox.
    stops.push(async () => {
      const isSidecar = (p: SupervisedProcess) => p.name.endsWith('/daprd');
      await Promise.all(processes.filter((p) => !isSidecar(p)).map((p) => p.stop()));
      await Promise.all(processes.filter(isSidecar).map((p) => p.stop()));
    });
    for (const name of serviceNames) {
      const ports = await sidecarPorts();
      const { appPort, httpPort } = ports;
      appPorts[name] = appPort;
      sidecars[name] = ports;
      const env = {
        ...process.env,
        ...tokens,
        APP_PORT: String(appPort),
        DAPR_HTTP_PORT: String(httpPort),
      };
      processes.push(
        startSupervised(
          name,
          process.execPath,
          ['--import', 'tsx', `services/${name}/src/main.ts`],
          {
            cwd: repoRoot,
            env: {
              ...env,
              PUBLIC_URL: config.publicUrl,
              CARD_TTL_SECONDS: String(config.cardTtlSeconds),
            },
          },
        ),
        startSupervised(`${name}/daprd`, daprd, daprdArgs(name, ports), {
          cwd: daprDir,
          env,
        }),
      );
    }
    await waitForServices(appPorts, processes, logger);
    // Where each app and sidecar listens, for people and tests that talk to one directly.
    writeFileSync(join(daprDir, 'ports.json'), JSON.stringify(sidecars, null, 2));

    const app = express();
    app.use(edgeRouter(appPorts));
    app.use(
      createHttpApp({
        logger,
        routers: sink ? [mailPage(sink)] : [],
        isReady: async () =>
          (await Promise.all(serviceNames.map((name) => isReady(appPorts[name])))).every(Boolean),
      }),
    );
    const server = await new Promise<Server>((ready, fail) => {
      const listening = app.listen(config.port, () => ready(listening)).once('error', fail);
    });
    stops.push(() => new Promise((done) => server.close(done)));
    return {
      url: `http://localhost:${config.port}`,
      ...(sink && { mailPageUrl: `http://localhost:${config.port}/dev/mail` }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

type SidecarPorts = Record<
  'appPort' | 'httpPort' | 'grpcPort' | 'internalPort' | 'metricsPort',
  number
>;

async function sidecarPorts(): Promise<SidecarPorts> {
  const [appPort, httpPort, grpcPort, internalPort, metricsPort] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  return { appPort, httpPort, grpcPort, internalPort, metricsPort } as SidecarPorts;
}

function daprdArgs(appId: string, ports: SidecarPorts): string[] {
  return [
    ['--app-id', appId],
    ['--app-port', String(ports.appPort)],
    ['--app-protocol', 'http'],
    ['--dapr-http-port', String(ports.httpPort)],
    ['--dapr-grpc-port', String(ports.grpcPort)],
    ['--dapr-internal-grpc-port', String(ports.internalPort)],
    ['--metrics-port', String(ports.metricsPort)],
    ['--resources-path', join(repoRoot, 'dapr-components')],
    ['--log-level', 'warn'],
  ].flat();
}

const isReady = (port: number) =>
  fetch(`http://127.0.0.1:${port}/readyz`).then(
    (response) => response.ok,
    () => false,
  );

async function waitForServices(
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
      if (await isReady(appPorts[name])) {
        pending.delete(name);
        logger.info({ service: name, port: appPorts[name] }, 'service ready');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
