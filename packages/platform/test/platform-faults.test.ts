import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCheckoutClient } from '@checkout/client';
import { freePort, startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import {
  answeredRequests,
  expectEachCheckoutSettledOnce,
  expectOneChargePerApprovedCheckout,
  expectOnlyRefusalsAfter,
  logLines,
  personalDataIn,
  startPlatformProcess,
  startPurchaseBurst,
  waitUntil,
  type PlatformProcess,
} from '@checkout/test-kit';

/** Faults an operator meets with `npm start` (embedded PostgreSQL), under a burst of purchases. */

/** Whether the process runs; a zombie (exited, not yet reaped by its new parent) does not. */
function isRunning(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z');
  } catch {
    return false;
  }
}

describe('npm start under faults', () => {
  let sink: SmtpSink;
  const platforms: PlatformProcess[] = [];
  let env: Record<string, string>;

  beforeEach(async () => {
    sink = await startSmtpSink();
    const dataDir = mkdtempSync(join(tmpdir(), 'checkout-faults-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach its folder
    env = {
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: sink.url,
    };
  });
  afterEach(async () => {
    for (const platform of platforms.splice(0)) await platform.stop('SIGTERM');
    await sink.stop();
  });
  const start = async () => {
    const platform = await startPlatformProcess(env);
    platforms.push(platform);
    return platform;
  };

  it('on SIGTERM mid-burst, answers every request it took in without a 5xx, exits 0 and loses no checkout', async () => {
    const platform = await start();
    const burst = startPurchaseBurst(platform.baseUrl, 20);
    await waitUntil('a third of the burst answered', () =>
      answeredRequests(burst.outcomes).length >= 20 ? true : undefined,
    );

    const signalledAt = Date.now();
    expect(await platform.stop('SIGTERM')).toBe(0);
    const stopMs = Date.now() - signalledAt;
    const accepted = await burst.accepted;

    const drained = logLines(platform.output()).find((line) => line.msg === 'HTTP server drained');
    const answered = answeredRequests(burst.outcomes);
    console.info('SIGTERM mid-burst', {
      stopMs,
      drained,
      answered: answered.length,
      answeredAfterSignal: answered.filter((o) => o.at >= signalledAt).length,
      refused: burst.outcomes.length - answered.length,
      accepted: accepted.length,
    });
    expect(answered.some((o) => o.at >= signalledAt)).toBe(true); // it was mid-burst
    expect(drained).toMatchObject({ cutOff: 0 });
    expectOnlyRefusalsAfter(burst.outcomes, signalledAt);

    const restarted = await start();
    const api = createCheckoutClient({ baseUrl: `${restarted.baseUrl}/api/v1` });
    await expectEachCheckoutSettledOnce(api, sink, accepted);
    expect(personalDataIn(platform.output() + restarted.output())).toEqual([]);
  }, 180_000);

  it('after kill -9 mid-burst, the same command comes back on the same data and every accepted checkout settles with one charge and one e-mail', async () => {
    const platform = await start();
    const burst = startPurchaseBurst(platform.baseUrl, 20);
    await waitUntil('five checkouts accepted', () =>
      answeredRequests(burst.outcomes).filter(
        (o) => o.path === '/api/v1/checkouts' && o.status === 202,
      ).length >= 5
        ? true
        : undefined,
    );
    await platform.stop('SIGKILL');
    const accepted = await burst.accepted;
    const pidFile = join(env.DATA_DIR as string, 'postgres', 'postmaster.pid');
    const leftover = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(isRunning(leftover)).toBe(true); // the embedded PostgreSQL outlived its platform

    const restarted = await start();
    // The embedded PostgreSQL's port is the fourth line of its pid file; its role is documented.
    const port = readFileSync(pidFile, 'utf8').split('\n')[3];
    const api = createCheckoutClient({ baseUrl: `${restarted.baseUrl}/api/v1` });
    const ledger = await expectOneChargePerApprovedCheckout(
      `postgres://checkout:checkout@127.0.0.1:${port}/checkout`,
      await expectEachCheckoutSettledOnce(api, sink, accepted),
    );
    expect(personalDataIn(platform.output() + restarted.output())).toEqual([]);
    console.info('kill -9 mid-burst', {
      restartMs: restarted.startupMs,
      accepted: accepted.length,
      settled: ledger.length,
      duplicated: ledger.filter((entry) => entry.emails > 1).length,
    });
    expect(isRunning(leftover)).toBe(false);
  }, 180_000);
});
