import {
  daprdArgs,
  daprdBinary,
  daprdPorts,
  startChild,
  waitUntilReady,
  type RunningChild,
} from '@checkout/local-infra';

export interface DaprdProcess extends RunningChild {
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

/** Starts a real daprd sidecar for one app and waits for its health endpoint. */
export async function startDaprd(options: DaprdOptions): Promise<DaprdProcess> {
  const ports = await daprdPorts({
    appPort: options.appPort,
    ...(options.httpPort && { httpPort: options.httpPort }),
  });
  const args = daprdArgs(options.appId, ports, {
    resourcesPath: options.resourcesPath,
    logLevel: 'info',
    ...(options.config && { config: options.config }),
  });
  const daprd = startChild(`daprd ${options.appId}`, daprdBinary(), args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    output: 'keep',
  });
  await waitUntilReady(
    daprd,
    `daprd ${options.appId}`,
    async () => (await fetch(`http://127.0.0.1:${ports.httpPort}/v1.0/healthz`)).ok,
    60_000,
  );
  return Object.assign(daprd, { httpPort: ports.httpPort });
}
