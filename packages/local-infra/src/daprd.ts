import { freePort } from './ports';
import { provision } from './repo';

/** The ports one daprd listens on, and the one its app listens on. */
export type DaprdPorts = Record<
  'appPort' | 'httpPort' | 'grpcPort' | 'internalPort' | 'metricsPort',
  number
>;

/** daprd and sentry, built by scripts/provision/daprd.sh at the version it names (cached). */
export const daprdBinary = (): string => provision('daprd');

/** Claims a port for each of daprd's listeners; `fixed` ones are used as they are. */
export async function daprdPorts(fixed: Partial<DaprdPorts> = {}): Promise<DaprdPorts> {
  const [appPort, httpPort, grpcPort, internalPort, metricsPort] = await Promise.all(
    (['appPort', 'httpPort', 'grpcPort', 'internalPort', 'metricsPort'] as const).map((port) =>
      fixed[port] !== undefined ? Promise.resolve(fixed[port]) : freePort(),
    ),
  );
  return { appPort, httpPort, grpcPort, internalPort, metricsPort } as DaprdPorts;
}

export interface DaprdArgsOptions {
  /** Folder with the Components and Resiliency files. */
  resourcesPath: string;
  /** A Configuration file (access control, secret scopes). */
  config?: string;
  logLevel: 'info' | 'warn';
  /** What only some sidecars take: mTLS with sentry, app health checks. */
  extra?: string[];
}

/** The command line of a self-hosted daprd beside an HTTP app. */
export function daprdArgs(appId: string, ports: DaprdPorts, options: DaprdArgsOptions): string[] {
  return [
    ['--app-id', appId],
    ['--app-port', String(ports.appPort)],
    ['--app-protocol', 'http'],
    ['--dapr-http-port', String(ports.httpPort)],
    ['--dapr-grpc-port', String(ports.grpcPort)],
    ['--dapr-internal-grpc-port', String(ports.internalPort)],
    ['--metrics-port', String(ports.metricsPort)],
    ['--resources-path', options.resourcesPath],
    options.config ? ['--config', options.config] : [],
    ['--log-level', options.logLevel],
    options.extra ?? [],
  ].flat();
}
