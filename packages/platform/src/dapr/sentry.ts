import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  freePort,
  repoRoot,
  startChild,
  waitUntil,
  type RunningChild,
} from '@checkout/local-infra';

export interface RunningSentry {
  process: RunningChild;
  address: string;
  /** The root certificate every sidecar trusts (DAPR_TRUST_ANCHORS). */
  trustAnchors: string;
}

/** Starts Dapr's certificate authority; it makes its root and issuer certificates on first start. */
export async function startSentry(daprd: string, daprDir: string): Promise<RunningSentry> {
  const credentials = join(daprDir, 'sentry');
  mkdirSync(credentials, { recursive: true });
  const [port, healthzPort, metricsPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const process = startChild(
    'sentry',
    join(dirname(daprd), 'sentry'),
    [
      ['--issuer-credentials', credentials],
      ['--port', String(port)],
      ['--healthz-port', String(healthzPort)],
      ['--metrics-port', String(metricsPort)],
      ['--config', join(repoRoot, 'dapr-components/config/sentry.yaml')],
      ['--log-level', 'warn'],
    ].flat(),
    { cwd: daprDir, env: globalThis.process.env, output: 'show' },
  );
  const caFile = join(credentials, 'ca.crt');
  await waitUntil(
    'sentry to be healthy and to have made its root certificate',
    async () => {
      const exited = process.exitReason();
      if (exited) throw new Error(`${exited} during start-up`);
      const healthy = await fetch(`http://127.0.0.1:${healthzPort}/healthz`, {
        signal: AbortSignal.timeout(1000),
      }).then(
        (response) => response.ok,
        () => false,
      );
      return (healthy && existsSync(caFile)) || undefined;
    },
    30_000,
    200,
  );
  return { process, address: `127.0.0.1:${port}`, trustAnchors: readFileSync(caFile, 'utf8') };
}
