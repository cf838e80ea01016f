import { waitUntil, type DaprdPorts, type RunningChild } from '@checkout/local-infra';
import type { Logger } from '@checkout/service-kit';
import { serviceNames, type ServiceName } from '../services';

const answersOk = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers, signal: AbortSignal.timeout(2000) }).then(
    (response) => response.ok,
    () => false,
  );

/**
 * A service is ready when its app is (/readyz), its sidecar is (/v1.0/healthz: components, app
 * channel and subscriptions set up), and the sidecar lets calls through to the app: the app's
 * /healthz, invoked through it, answers. The sidecar's app health check turns healthy only at a
 * probe after the app is up (every 5 s); until then it refuses every invocation and delivery
 * ("app is not in a healthy state"), which a first checkout would meet.
 */
export async function isServiceReady(
  name: ServiceName,
  { appPort, httpPort }: DaprdPorts,
  apiToken: string,
): Promise<boolean> {
  const sidecar = `http://127.0.0.1:${httpPort}`;
  return (
    (await answersOk(`http://127.0.0.1:${appPort}/readyz`)) &&
    (await answersOk(`${sidecar}/v1.0/healthz`)) &&
    answersOk(`${sidecar}/v1.0/invoke/${name}/method/healthz`, { 'dapr-api-token': apiToken })
  );
}

/** Waits (bounded) until every service is ready, failing at once when a process exits. */
export async function waitForServices(
  isReady: (name: ServiceName) => Promise<boolean>,
  processes: RunningChild[],
  logger: Logger,
): Promise<void> {
  const pending = new Set(serviceNames);
  await waitUntil(
    'every service to be ready',
    async () => {
      const dead = processes.find((p) => p.exitReason() !== undefined);
      if (dead) throw new Error(`${dead.exitReason()} during start-up`);
      for (const name of pending) {
        if (!(await isReady(name))) continue;
        pending.delete(name);
        logger.info({ service: name }, 'service ready');
      }
      return pending.size === 0 || undefined;
    },
    120_000,
    250,
  ).catch((error: Error) => {
    throw new Error(`${error.message} (not ready: ${[...pending].join(', ')})`);
  });
}
