import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger';
import type { DaprSidecar } from './invoke-app';

/**
 * Hands this replica's work to the others before the app drains, where other replicas run (the
 * chart's STOP_SIDECAR_FIRST). A native sidecar outlives its app: left alone, it would go on
 * taking messages from the broker, and calls from other sidecars that still hold this pod's
 * address, for an app that no longer answers them (the broker redelivers; the callers answer 503).
 *
 * So: Dapr's shutdown API, then a wait until the sidecar says it is no longer healthy. By then it
 * has closed its server for other sidecars (they reconnect to the replicas that stay) and stopped
 * its subscriptions; the calls and deliveries it took in before still reach this app, which
 * answers them as it drains.
 */
export async function stopSidecarFirst(
  sidecar: DaprSidecar,
  logger: Logger,
  timeoutMs = 5000,
): Promise<void> {
  const base = `http://127.0.0.1:${sidecar.httpPort}/v1.0`;
  const headers = sidecar.apiToken ? { 'dapr-api-token': sidecar.apiToken } : undefined;
  const call = (path: string, method = 'GET') =>
    fetch(`${base}/${path}`, { method, headers, signal: AbortSignal.timeout(1000) }).then(
      (response) => response.ok,
      () => false,
    );
  const startedAt = Date.now();
  if (!(await call('shutdown', 'POST'))) {
    logger.warn('the sidecar did not take the shutdown request; draining without a hand-off');
    return;
  }
  while (await call('healthz')) {
    if (Date.now() - startedAt > timeoutMs) {
      logger.warn({ waitedMs: timeoutMs }, 'the sidecar still reports healthy; draining anyway');
      return;
    }
    await sleep(100);
  }
  logger.info(
    { handOffMs: Date.now() - startedAt },
    'the sidecar stopped taking work for this app',
  );
}
