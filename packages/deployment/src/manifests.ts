import type { Manifest } from './render-chart';

export interface Container {
  name: string;
  image: string;
  ports?: { name: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }[];
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[] } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  startupProbe?: Probe;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
}

export interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: unknown;
  tcpSocket?: unknown;
}

export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    securityContext?: Record<string, unknown>;
    containers: Container[];
    initContainers?: Container[];
    serviceAccountName?: string;
  };
}

/** Everything that runs pods: Deployments and the migrations Job. */
export const workloads = (manifests: Manifest[]) =>
  manifests.filter((manifest) => ['Deployment', 'Job'].includes(manifest.kind));

export const podTemplate = (workload: Manifest) =>
  (workload.spec as { template: PodTemplate }).template;

export const named = (manifests: Manifest[], kind: string, name: string): Manifest => {
  const found = manifests.find(
    (manifest) => manifest.kind === kind && manifest.metadata.name === name,
  );
  if (!found) throw new Error(`no ${kind} named ${name} was rendered`);
  return found;
};

export const ofKind = (manifests: Manifest[], kind: string) =>
  manifests.filter((manifest) => manifest.kind === kind);
