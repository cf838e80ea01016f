import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  answeredRequests,
  expectEachCheckoutSettledOnce,
  expectNothingLostAroundFault,
  expectOneChargePerApprovedCheckout,
  expectOnlyRefusalsAfter,
  personalDataIn,
  startTestPlatform,
  startPurchaseBurst,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';
import { serviceNames } from '../src';

/**
 * Each service in turn is killed with SIGKILL in the middle of a burst of purchases, as a node
 * failure would; start:dapr restarts it as a kubelet would, its sidecar and RabbitMQ hold its
 * messages meanwhile. Then the whole platform is stopped with SIGTERM mid-burst and started
 * again. Each time a ledger proves every accepted checkout final with one charge and one e-mail.
 */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({
    DAPR_API_TOKEN: randomUUID(),
    // A request in flight when payment dies can still be dead-lettered: the sweeper settles it.
    CHARGE_STUCK_AFTER_SECONDS: '20',
  });
}, 180_000);

afterAll(() => platform?.stop());

/** SIGKILLs the service's app process: a child of the platform process this test started. */
function killService(service: string): void {
  const pattern = `${service}/(src/)?main\\.(ts|js)`;
  const pid = execFileSync('pgrep', ['-P', String(platform.process.pid), '-f', pattern], {
    encoding: 'utf8',
  }).trim();
  expect(pid).toMatch(/^\d+$/);
  process.kill(Number(pid), 'SIGKILL');
}

it.each(serviceNames)(
  'loses and repeats nothing when %s is killed in the middle of a burst',
  async (service) => {
    // The service the case before killed is back (a restart on a busy machine takes seconds).
    await waitUntil(
      'every service to be ready',
      async () => {
        const ready = await fetch(`${platform.baseUrl}/readyz`); // not part of the public API
        await ready.text();
        return ready.status === 200 ? true : undefined;
      },
      60_000,
    );
    await expectNothingLostAroundFault(platform, () => killService(service));
    expect(platform.process.output()).toContain(`[${service}] exited (SIGKILL); restarting`);
    expect(personalDataIn(platform.process.output())).toEqual([]);
  },
  180_000,
);

it('on SIGTERM mid-burst answers every request it took in without a 5xx, and settles every checkout once started again', async () => {
  const burst = startPurchaseBurst(platform.baseUrl, 20);
  await waitUntil('a third of the burst answered', () =>
    answeredRequests(burst.outcomes).length >= 20 ? true : undefined,
  );
  const signalledAt = Date.now();
  // The edge drains first, then the apps stop, then their sidecars: deliveries under way go back
  // to RabbitMQ, and what the apps still had to publish waits in their outboxes.
  expect(await platform.process.stop('SIGTERM')).toBe(0);
  const accepted = await burst.accepted;
  expectOnlyRefusalsAfter(burst.outcomes, signalledAt);
  await platform.startAgain();
  await expectOneChargePerApprovedCheckout(
    platform.databaseUrl,
    await expectEachCheckoutSettledOnce(platform.api, platform.sink, accepted, {
      timeoutMs: 90_000,
    }),
  );
  expect(personalDataIn(platform.process.output())).toEqual([]);
}, 300_000);
