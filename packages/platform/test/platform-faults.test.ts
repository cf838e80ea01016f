import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import {
  apiClient,
  buyCourse,
  expectEachCheckoutSettledOnce,
  startPlatformProcess,
  testCards,
  waitUntil,
  type AcceptedCheckout,
  type PlatformProcess,
} from '@checkout/test-kit';

/** Faults an operator meets with `npm start` (embedded PostgreSQL), under a burst of purchases. */

type Outcome = { path: string; at: number } & ({ status: number } | { failure: string });

/** An API client that notes how each request ended: a status, or the network error's code. */
function recordingApi(baseUrl: string, outcomes: Outcome[]): ReturnType<typeof apiClient> {
  const api = apiClient(baseUrl);
  const record = async <T extends { status: number }>(path: string, call: () => Promise<T>) => {
    try {
      const response = await call();
      outcomes.push({ path, at: Date.now(), status: response.status });
      return response;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      outcomes.push({ path, at: Date.now(), failure: code });
      throw error;
    }
  };
  return {
    get: (path, headers) => record(path, () => api.get(path, headers)),
    post: (path, body, headers) => record(path, () => api.post(path, body, headers)),
  };
}

/** Buyers paying at once; resolves with the checkouts answered 202, whatever befell the rest. */
async function purchaseBurst(api: ReturnType<typeof apiClient>, size: number) {
  const run = `${Date.now()}`;
  const journeys = await Promise.allSettled(
    Array.from({ length: size }, (_, i) =>
      buyCourse(api, {
        cardNumber: testCards.approved,
        studentEmail: `burst-${run}-${i}@example.com`,
      }),
    ),
  );
  return journeys.flatMap((journey): AcceptedCheckout[] =>
    journey.status === 'fulfilled' && journey.value.checkout.status === 202
      ? [{ id: journey.value.checkout.body.id as string, emailTo: journey.value.studentEmail }]
      : [],
  );
}

const refusals = ['ECONNREFUSED', 'ECONNRESET'];

/** The platform's structured log, one JSON object per line. */
const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const answered = (outcomes: Outcome[]) => outcomes.filter((o) => 'status' in o);
const checkoutsAccepted = (outcomes: Outcome[]) =>
  answered(outcomes).filter((o) => o.path === '/api/v1/checkouts' && o.status === 202).length;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
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

  it('on SIGTERM mid-burst, answers every request it accepted without a 5xx or a reset, exits 0 and loses no checkout', async () => {
    const platform = await start();
    const outcomes: Outcome[] = [];
    const burst = purchaseBurst(recordingApi(platform.baseUrl, outcomes), 20);
    await waitUntil(
      'a third of the burst answered',
      () => answered(outcomes).length >= 20 || undefined,
    );

    const signalledAt = Date.now();
    expect(await platform.stop('SIGTERM')).toBe(0);
    const drainMs = Date.now() - signalledAt;
    const accepted = await burst;

    const failures = outcomes.filter((o) => 'failure' in o);
    const drained = logLines(platform.output()).find((line) => line.msg === 'HTTP server drained');
    console.info('SIGTERM mid-burst', {
      drainMs,
      serverDrain: drained,
      answered: answered(outcomes).length,
      answeredAfterSignal: answered(outcomes).filter((o) => o.at >= signalledAt).length,
      refused: failures.length,
      accepted: accepted.length,
    });
    expect(answered(outcomes).filter((o) => o.status >= 500)).toEqual([]);
    expect(answered(outcomes).some((o) => o.at >= signalledAt)).toBe(true);
    // The server answered every request it took in, to the end...
    expect(drained).toMatchObject({ cutOff: 0 });
    // ...so a request that failed was on a connection it never took: refused once the listener
    // had closed, or reset by the kernel if the handshake completed in the instant before.
    expect(failures.filter((o) => o.at < signalledAt || !refusals.includes(o.failure))).toEqual([]);

    const restarted = await start();
    await expectEachCheckoutSettledOnce(apiClient(restarted.baseUrl), sink, accepted);
  }, 180_000);

  it('after kill -9 mid-burst, the same command comes back on the same data and every accepted checkout settles with one e-mail', async () => {
    const platform = await start();
    const outcomes: Outcome[] = [];
    const burst = purchaseBurst(recordingApi(platform.baseUrl, outcomes), 20);
    await waitUntil('five checkouts accepted', () => checkoutsAccepted(outcomes) >= 5 || undefined);
    await platform.stop('SIGKILL');
    const accepted = await burst;
    const pidFile = join(env.DATA_DIR as string, 'postgres', 'postmaster.pid');
    const leftover = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(isAlive(leftover)).toBe(true); // the embedded PostgreSQL outlived its platform

    const restarted = await start();
    const ledger = await expectEachCheckoutSettledOnce(
      apiClient(restarted.baseUrl),
      sink,
      accepted,
    );
    console.info('kill -9 mid-burst', {
      restartMs: restarted.startupMs,
      accepted: accepted.length,
      settled: ledger.length,
      duplicated: ledger.filter((entry) => entry.emails > 1).length,
    });
    expect(isAlive(leftover)).toBe(false);
  }, 180_000);
});
