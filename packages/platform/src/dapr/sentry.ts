import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort } from '@checkout/local-infra';
import { repoRoot } from './provision';
import { startSupervised, type SupervisedProcess } from './supervised-process';

export interface RunningSentry {
  process: SupervisedProcess;
  address: string;
  /** The root certificate every sidecar trusts (DAPR_TRUST_ANCHORS). */
  trustAnchors: string;
}

/** Starts Dapr's certificate authority; it makes its root and issuer certificates on first start. */
export async function startSentry(daprd: string, daprDir: string): Promise<RunningSentry> {
  const credentials = join(daprDir, 'sentry');
  mkdirSync(credentials, { recursive: true });
  const [port, healthzPort, metricsPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const process = startSupervised(
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
    { cwd: daprDir, env: globalThis.process.env },
  );
  const caFile = join(credentials, 'ca.crt');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (process.hasExited()) throw new Error('sentry exited during start-up');
    const healthy = await fetch(`http://127.0.0.1:${healthzPort}/healthz`, {
      signal: AbortSignal.timeout(1000),
    }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy && existsSync(caFile)) break;
    if (Date.now() > deadline) throw new Error('sentry was not ready within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { process, address: `127.0.0.1:${port}`, trustAnchors: readFileSync(caFile, 'utf8') };
}
