import { execFileSync } from 'node:child_process';
import { freePort, repoRoot, startChild, waitUntilReady } from '@checkout/local-infra';

/**
 * The cluster `npm run test:cluster` made (scripts/cluster): its kubectl (KUBECTL, with KUBECONFIG
 * from the environment) and the namespace and Helm release the chart is installed as.
 */
const release = process.env.CLUSTER_RELEASE ?? 'checkout';

export const cluster = {
  kubectl: process.env.KUBECTL ?? 'kubectl',
  namespace: process.env.CLUSTER_NAMESPACE ?? 'courses',
  release,
  /** The label selector of every object of the release. */
  releaseSelector: `app.kubernetes.io/instance=${release}`,
  /** The names the chart gives its objects: `<release>-course-checkout-<component>`. */
  objectName: (component: string) => `${release}-course-checkout-${component}`,
};

/** Runs kubectl in the release's namespace and returns what it printed. */
export function kubectl(args: string[], timeoutMs = 60_000): string {
  return execFileSync(cluster.kubectl, ['--namespace', cluster.namespace, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface PortForward {
  /** The local port that reaches the target's port. */
  port: number;
  stop(): Promise<void>;
}

/**
 * `kubectl port-forward` to a Service's port on a local port of its own, started again if it
 * ends (as it does when the pod behind it is replaced).
 */
export async function portForward(service: string, remotePort: number): Promise<PortForward> {
  const port = await freePort();
  const child = startChild(
    `port-forward ${service}`,
    cluster.kubectl,
    [
      '--namespace',
      cluster.namespace,
      'port-forward',
      `service/${service}`,
      `${port}:${remotePort}`,
    ],
    { cwd: repoRoot, env: process.env, output: 'keep' },
  );
  await waitUntilReady(
    child,
    `kubectl port-forward to ${service}:${remotePort}`,
    async () => child.output().includes('Forwarding from'),
    30_000,
  );
  child.keepAlive();
  return {
    port,
    stop: async () => {
      await child.stop();
    },
  };
}
