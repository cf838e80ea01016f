import { createCheckoutClient } from '@checkout/client';
import { specConformance } from '../spec-conformance';
import { queryDatabase } from '../test-database';
import type { PlatformProcess } from '../platform-process';
import type { TestPlatform } from '../test-platform';
import { cluster, kubectl, portForward } from './kubectl';
import { connectMailpitSink } from './mailpit-sink';

interface Deployments {
  items: {
    metadata: { name: string };
    spec: { template: { spec: { containers: { env?: { name: string; value?: string }[] }[] } } };
  }[];
}

/**
 * The settings a suite asks for are the release's, set at install (test:cluster installs with
 * scripts/cluster/test-values.yaml): each must be what some Deployment of the release runs with.
 */
function expectInstalledWith(env: Record<string, string>): void {
  const { items } = JSON.parse(
    kubectl(['get', 'deployments', '-l', cluster.releaseSelector, '-o', 'json']),
  ) as Deployments;
  const installed = items.flatMap((deployment) =>
    deployment.spec.template.spec.containers.flatMap((container) => container.env ?? []),
  );
  for (const [name, value] of Object.entries(env)) {
    if (installed.some((variable) => variable.name === name && variable.value === value)) continue;
    const found = installed.find((variable) => variable.name === name)?.value;
    throw new Error(
      `the suite needs ${name}=${value}, the release runs with ${name}=${found ?? '(unset)'}: ` +
        'install it with scripts/cluster/test-values.yaml',
    );
  }
}

/** Everything the release's pods (apps and sidecars) logged since `since`, but a pod gone meanwhile's. */
function releaseLog(since: Date): string {
  const pods = kubectl(['get', 'pods', '-l', cluster.releaseSelector, '-o', 'name'])
    .split('\n')
    .filter(Boolean);
  return pods
    .map((pod) => {
      try {
        return kubectl([
          'logs',
          pod,
          '--all-containers',
          '--prefix',
          `--since-time=${since.toISOString()}`,
        ]);
      } catch {
        return '';
      }
    })
    .join('');
}

/**
 * PLATFORM_MODE=cluster (`npm run test:cluster`): the chart installed on the cluster that
 * scripts/cluster makes, reached through its Ingress (CLUSTER_URL); e-mails are read from the dev
 * SMTP sink's API and the database through port-forwards; the log is every pod's of the release.
 * The platform is the cluster's: a suite cannot stop it or start it again.
 */
export async function connectClusterPlatform(env: Record<string, string>): Promise<TestPlatform> {
  const baseUrl = process.env.CLUSTER_URL;
  if (!baseUrl) throw new Error('CLUSTER_URL names the Ingress of the release under test');
  expectInstalledWith(env);
  const since = new Date();
  const password = Buffer.from(
    kubectl([
      'get',
      'secret',
      cluster.objectName('dev-credentials'),
      '-o',
      'jsonpath={.data.postgresql-password}',
    ]),
    'base64',
  ).toString();
  const database = await portForward(cluster.objectName('dev-postgresql'), 5432);
  const mailpit = await portForward(cluster.objectName('dev-smtp'), 8025);
  const sink = await connectMailpitSink(
    `http://127.0.0.1:${mailpit.port}`,
    `smtp://${cluster.objectName('dev-smtp')}:1025`,
  );
  const databaseUrl = `postgres://checkout:${encodeURIComponent(password)}@127.0.0.1:${database.port}/checkout`;
  const api = createCheckoutClient({ baseUrl: `${baseUrl}/api/v1` });
  api.use(specConformance);
  const refuse = (what: string) => () => {
    throw new Error(
      `${what}: the platform under test is the cluster's (test:cluster tears it down)`,
    );
  };
  const platformProcess: PlatformProcess = {
    name: `helm release ${cluster.release}`,
    pid: undefined,
    baseUrl,
    startupMs: 0,
    output: () => releaseLog(since),
    exitReason: () => undefined,
    keepAlive: () => undefined,
    stop: refuse('stop'),
  };
  return {
    baseUrl,
    api,
    sink,
    databaseUrl,
    dataDir: '',
    process: platformProcess,
    startAgain: refuse('startAgain'),
    sql: (text, params) => queryDatabase(databaseUrl, text, params),
    stop: async () => {
      await sink.stop();
      await Promise.all([database.stop(), mailpit.stop()]);
    },
  };
}
