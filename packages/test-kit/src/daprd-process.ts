import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@checkout/local-infra';
import { spawnWatched, waitUntilReady, type WatchedProcess } from './watched-process';

export const repoRoot = join(__dirname, '../../..');

export interface DaprdProcess extends WatchedProcess {
  httpPort: number;
}

export interface DaprdOptions {
  appId: string;
  appPort: number;
  /** A fixed sidecar HTTP port, when the app must know it before the sidecar starts. */
  httpPort?: number;
  /** Folder with the component and Resiliency files. */
  resourcesPath: string;
  /** Where relative paths in components (the local secrets file) resolve. */
  cwd: string;
  config?: string;
  env?: Record<string, string>;
}

/** The daprd built by scripts/provision/daprd.sh; tests fail with a clear message without it. */
export function daprdBinary(version = process.env.DAPR_VERSION ?? '1.18.2'): string {
  const path = join(repoRoot, '.tools/daprd', version, 'daprd');
  if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/provision/daprd.sh`);
  return path;
}

/** Starts a real daprd sidecar for one app and waits for its health endpoint. */
export async function startDaprd(options: DaprdOptions): Promise<DaprdProcess> {
  const [httpPort, grpcPort, internalPort, metricsPort] = await Promise.all([
    options.httpPort ?? freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const args = [
    ['--app-id', options.appId],
    ['--app-port', String(options.appPort)],
    ['--app-protocol', 'http'],
    ['--dapr-http-port', String(httpPort)],
    ['--dapr-grpc-port', String(grpcPort)],
    ['--dapr-internal-grpc-port', String(internalPort)],
    ['--metrics-port', String(metricsPort)],
    ['--resources-path', options.resourcesPath],
    ['--log-level', 'info'],
    ...(options.config ? [['--config', options.config]] : []),
  ].flat();
  const daprd = spawnWatched(daprdBinary(), args, { cwd: options.cwd, env: options.env ?? {} });
  await waitUntilReady(
    daprd,
    `daprd ${options.appId}`,
    async () => (await fetch(`http://127.0.0.1:${httpPort}/v1.0/healthz`)).ok,
    60_000,
  );
  return { ...daprd, httpPort };
}
