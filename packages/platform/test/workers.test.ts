import { readdirSync, readFileSync } from 'node:fs';
import {
  answeredRequests,
  expectEachCheckoutSettledOnce,
  expectOneChargePerApprovedCheckout,
  logLines,
  startPurchaseBurst,
  startTestPlatform,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * `npm start` on two workers sharing one database: each runs all six services with their relays,
 * sweepers and e-mail dispatcher, and a ledger over a burst shows they never do one effect twice.
 */

/** The platform's workers: node processes whose parent is the platform's primary, with CPU ms. */
function workersOf(primary: number | undefined): { pid: number; cpuTicks: number }[] {
  if (primary === undefined) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const isNode = stat.includes('(node)') || stat.includes('(MainThread)');
        return isNode && Number(fields[1]) === primary && fields[0] !== 'Z'
          ? [{ pid: Number(name), cpuTicks: Number(fields[11]) + Number(fields[12]) }]
          : [];
      } catch {
        return []; // it ended between the listing and the read
      }
    });
}

let platform: TestPlatform;

beforeEach(async () => {
  platform = await startTestPlatform({ PLATFORM_WORKERS: '2' });
}, 120_000);
afterEach(() => platform?.stop());

/** Every accepted checkout: one outcome e-mail, one receipt if approved, one charge if approved. */
async function expectSettledOnce(accepted: { id: string; emailTo: string }[]) {
  return expectOneChargePerApprovedCheckout(
    platform.databaseUrl,
    await expectEachCheckoutSettledOnce(platform.api, platform.sink, accepted),
  );
}

it('two workers share a burst and never send one e-mail twice or charge one checkout twice', async () => {
  const before = workersOf(platform.process.pid);
  expect(before).toHaveLength(2);
  const accepted = await startPurchaseBurst(platform.baseUrl, 40).accepted;
  expect(accepted).toHaveLength(40);
  const ledger = await expectSettledOnce(accepted);
  expect(ledger.filter((entry) => entry.status === 'approved')).toHaveLength(40);
  // Both took their share of the work, not one of them idling beside the other.
  const after = new Map(workersOf(platform.process.pid).map((w) => [w.pid, w.cpuTicks]));
  for (const worker of before) expect(after.get(worker.pid)).toBeGreaterThan(worker.cpuTicks + 10);
}, 120_000);

it('when a worker is killed mid-burst, every accepted checkout still settles once and a new worker takes its place', async () => {
  const [victim, survivor] = workersOf(platform.process.pid);
  const burst = startPurchaseBurst(platform.baseUrl, 40);
  await waitUntil('ten checkouts accepted', () =>
    answeredRequests(burst.outcomes).filter(
      (o) => o.path === '/api/v1/checkouts' && o.status === 202,
    ).length >= 10
      ? true
      : undefined,
  );
  process.kill(victim!.pid, 'SIGKILL');
  const accepted = await burst.accepted;
  const ledger = await expectSettledOnce(accepted);
  console.info('a worker killed mid-burst', {
    accepted: accepted.length,
    settled: ledger.length,
    refused: burst.outcomes.length - answeredRequests(burst.outcomes).length,
  });

  // The replacement's process exists before it listens: wait for the primary to say it started.
  const replacement = await waitUntil(
    'a new worker started in place of the killed one',
    () => logLines(platform.process.output()).find((line) => line.msg === 'worker started'),
    60_000,
  );
  const log = logLines(platform.process.output());
  expect(log.find((line) => line.msg === 'worker crashed; starting another')).toMatchObject({
    pid: platform.process.pid,
    workerPid: victim!.pid,
    signal: 'SIGKILL',
  });
  const pids = workersOf(platform.process.pid).map((w) => w.pid);
  expect(pids.sort()).toEqual([survivor!.pid, Number(replacement.workerPid)].sort());
}, 120_000);
