import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import {
  buyCourse,
  cluster,
  expectEachCheckoutSettledOnce,
  expectNothingLostAroundFault,
  expectOneChargePerApprovedCheckout,
  kubectl,
  personalDataIn,
  repoRoot,
  startTestPlatform,
  testCards,
  type AcceptedCheckout,
  type TestPlatform,
} from '@checkout/test-kit';
import { serviceNames } from '../src';

const execFileAsync = promisify(execFile);

/**
 * What only a cluster shows (`npm run test:cluster`): a pod deleted as Kubernetes deletes one (a
 * drain, an eviction) loses nothing; `helm upgrade` to new images rolls without a failed checkout;
 * the NetworkPolicies refuse what the chart's list of callers does not name.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);

afterAll(() => platform?.stop());

interface Pods {
  items: {
    metadata: { name: string };
    spec: {
      securityContext?: { runAsNonRoot?: boolean };
      containers: {
        name: string;
        image: string;
        securityContext?: { readOnlyRootFilesystem?: boolean; runAsNonRoot?: boolean };
        livenessProbe?: { httpGet?: { path: string } };
      }[];
    };
    status: { containerStatuses?: { name: string; ready: boolean }[] };
  }[];
}

it('runs each image as the chart sets it: a read-only root, no root user, answering its probes', () => {
  const { items } = JSON.parse(
    kubectl(['get', 'pods', '-l', cluster.releaseSelector, '-o', 'json']),
  ) as Pods;
  const apps = items.flatMap((pod) =>
    pod.spec.containers
      .filter((container) => container.image.startsWith('ghcr.io/course-checkout/'))
      .map((container) => ({
        image: container.image.replace(/^.*\/|:.*$/g, ''),
        readOnlyRoot: container.securityContext?.readOnlyRootFilesystem,
        nonRoot: pod.spec.securityContext?.runAsNonRoot,
        liveness: container.livenessProbe?.httpGet?.path,
        ready: pod.status.containerStatuses?.find((status) => status.name === container.name)
          ?.ready,
      })),
  );
  // The six services and the storefront (the migrations' image ran as the install's hook).
  expect([...new Set(apps.map((app) => app.image))].sort()).toEqual(
    [...serviceNames, 'storefront'].map((unit) => `checkout-${unit}`).sort(),
  );
  for (const app of apps)
    expect(app).toEqual({
      image: app.image,
      readOnlyRoot: true,
      nonRoot: true,
      liveness: '/healthz',
      ready: true,
    });
});

const waitForRollout = (deployment: string) =>
  kubectl(['rollout', 'status', `deployment/${deployment}`, '--timeout=300s'], 310_000);

it.each(serviceNames)(
  'loses and repeats nothing when the %s pod is deleted in the middle of a burst',
  async (service) => {
    const selector = `${cluster.releaseSelector},app.kubernetes.io/name=${service}`;
    const [before] = kubectl(['get', 'pods', '-l', selector, '-o', 'name']).split('\n');
    // One of its two pods: the other serves meanwhile, as during a node drain.
    await expectNothingLostAroundFault(platform, () => {
      kubectl(['delete', before!, '--wait=false']);
    });
    // The pod is gone (its grace period over) and its replacement is available.
    kubectl(['wait', '--for=delete', before!, '--timeout=120s'], 130_000);
    waitForRollout(cluster.objectName(service));
    expect(personalDataIn(platform.process.output())).toEqual([]);
  },
  300_000,
);

it('rolls to new images with helm upgrade without a failed checkout', async () => {
  const tag = process.env.CLUSTER_UPGRADE_TAG;
  if (!tag)
    throw new Error('CLUSTER_UPGRADE_TAG names the images test:cluster built to upgrade to');
  const upgrade = execFileAsync(
    process.env.HELM ?? 'helm',
    ['upgrade', cluster.release, join(repoRoot, 'charts/course-checkout')]
      .concat(['--namespace', cluster.namespace, '--reuse-values'])
      .concat(['--set', `image.tag=${tag}`, '--wait', '--timeout', '10m']),
  );
  let rolling = true;
  void upgrade.finally(() => (rolling = false)).catch(() => undefined);
  // Two buyers at a time, one purchase after another, for as long as the roll lasts.
  const buyers = Array.from({ length: 2 }, async () => {
    const bought: AcceptedCheckout[] = [];
    while (rolling) {
      const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
      expect(journey.checkout.response.status).toBe(202);
      bought.push({ id: journey.checkout.data!.id, emailTo: journey.studentEmail });
    }
    return bought;
  });
  await upgrade;
  const accepted = (await Promise.all(buyers)).flat();
  for (const service of serviceNames)
    expect(
      kubectl([
        'get',
        `deployment/${cluster.objectName(service)}`,
        '-o',
        'jsonpath={.spec.template.spec.containers[0].image}',
      ]),
    ).toMatch(new RegExp(`:${tag}$`));
  expect(accepted.length).toBeGreaterThan(10);
  await expectOneChargePerApprovedCheckout(
    platform.databaseUrl,
    await expectEachCheckoutSettledOnce(platform.api, platform.sink, accepted, {
      timeoutMs: 90_000,
    }),
  );
}, 900_000);

it('refuses a connection the NetworkPolicies forbid: marketing to card-vault', () => {
  const probe = (host: string) =>
    kubectl(
      ['exec', `deployment/${cluster.objectName('marketing')}`, '-c', 'app', '--'].concat([
        'node',
        '-e',
        connectProbe,
        host,
        '50002',
      ]),
    ).trim();
  // Marketing invokes financial (through financial's sidecar), never card-vault.
  expect(probe('financial-dapr')).toBe('open');
  expect(probe('card-vault-dapr')).not.toBe('open');
});

/** Prints open, refused or timeout for a TCP connection to argv[1]:argv[2], in 5 s at most. */
const connectProbe = `
const socket = require('node:net').connect(Number(process.argv[2]), process.argv[1]);
socket.setTimeout(5000, () => { console.log('timeout'); process.exit(0); });
socket.on('connect', () => { console.log('open'); process.exit(0); });
socket.on('error', (error) => { console.log(error.code); process.exit(0); });
`;
