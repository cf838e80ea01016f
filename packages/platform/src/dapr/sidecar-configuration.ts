import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@checkout/local-infra';
import { parse, stringify } from 'yaml';
import type { ServiceName } from '../services';
import { chartServiceValues } from './chart-values';

export interface AccessPolicy {
  appId: string;
  defaultAction: 'deny';
  trustDomain: 'public';
  namespace: string;
  operations: { name: string; httpVerb: string[]; action: 'allow' }[];
}

/** Where a sidecar sends its spans (Dapr's OTLP exporter), and the share of traces it samples. */
interface SidecarTracing {
  samplingRate: string;
  otel: { endpointAddress: string; isSecure: boolean; protocol: 'http' };
}

/** How a sidecar finds the others by app id. */
interface NameResolution {
  component: 'sqlite';
  version: 'v1';
  configuration: { connectionString: string };
}

interface Configuration {
  metadata: { name: string };
  spec: {
    secrets: { scopes: [{ allowedSecrets: string[] }] };
    accessControl: { policies?: AccessPolicy[] };
    tracing?: SidecarTracing;
    nameResolution?: NameResolution;
  };
}

/**
 * The sidecars trace to the apps' collector (OTEL_EXPORTER_OTLP_ENDPOINT), as the chart's
 * `tracing.otlpEndpoint` makes them; Dapr takes the collector's host and port, not a URL. Dapr
 * samples parent-based, as the apps do: start:dapr traces every purchase, the chart
 * `tracing.sampleRatio` of them.
 */
export function sidecarTracing(
  otlpEndpoint: string | undefined,
  sampleRatio = 1,
): SidecarTracing | undefined {
  if (!otlpEndpoint) return undefined;
  const collector = new URL(otlpEndpoint);
  return {
    samplingRate: String(sampleRatio),
    otel: {
      endpointAddress: collector.host,
      isSecure: collector.protocol === 'https:',
      protocol: 'http',
    },
  };
}

const read = <T>(path: string) => parse(readFileSync(join(repoRoot, path), 'utf8')) as T;

/**
 * Who may invoke `callee` and what, from the chart's values (`invokes`): the one list the chart's
 * Configurations and network policies are rendered from too.
 */
export function accessPolicies(callee: ServiceName, namespace: string): AccessPolicy[] {
  return Object.entries(chartServiceValues()).flatMap(([caller, values]) => {
    const calls = values.invokes?.[callee];
    if (!calls) return [];
    const operations = calls.map((call) => {
      const [verb, path] = call.split(' ') as [string, string];
      return { name: path, httpVerb: [verb], action: 'allow' as const };
    });
    return [{ appId: caller, defaultAction: 'deny', trustDomain: 'public', namespace, operations }];
  });
}

/**
 * Writes each app's sidecar Configuration, in <daprDir>/config/, as the chart renders it:
 * dapr-components/config/checkout.yaml with the app's own secrets and callers, and tracing when
 * the apps trace. Where the chart's sidecars find each other through Kubernetes, these do through
 * <daprDir>/names.db (Dapr's SQLite name resolver, built into daprd by daprd.sh): only this
 * platform's sidecars, where mDNS would also offer those of any other start:dapr on the machine.
 * Returns the file of each app.
 */
export function writeSidecarConfigurations(
  names: readonly ServiceName[],
  daprDir: string,
): Record<ServiceName, string> {
  const folder = join(daprDir, 'config');
  mkdirSync(folder, { recursive: true });
  const values = chartServiceValues();
  const nameResolution: NameResolution = {
    component: 'sqlite',
    version: 'v1',
    configuration: { connectionString: join(daprDir, 'names.db') },
  };
  const files = names.map((name) => {
    const configuration = read<Configuration>('dapr-components/config/checkout.yaml');
    configuration.metadata.name = `checkout-${name}`;
    configuration.spec.secrets.scopes[0].allowedSecrets = values[name]?.secrets ?? [];
    // Self-hosted sidecars live in the `default` namespace.
    configuration.spec.accessControl.policies = accessPolicies(name, 'default');
    const tracing = sidecarTracing(process.env.OTEL_EXPORTER_OTLP_ENDPOINT);
    if (tracing) configuration.spec.tracing = tracing;
    configuration.spec.nameResolution = nameResolution;
    const file = join(folder, `${name}.yaml`);
    writeFileSync(file, stringify(configuration));
    return [name, file];
  });
  return Object.fromEntries(files) as Record<ServiceName, string>;
}
