/**
 * `npm run bench`: what the platform can carry on this machine.
 *  - start-up: spawn to GET /readyz 200, with a fresh data folder (embedded PostgreSQL initdb) and again warm;
 *  - checkout to e-mail at light load (one buyer at a time), per test-card flow;
 *  - capacity: an open-loop ramp of journeys (lead, card, checkout, e-mail at an SMTP server
 *    outside the platform) at each of BENCH_RATES per second, with per-step latency, errors, CPU,
 *    memory and commits per checkout, then the highest rate that met the bound and the ledger.
 * See docs/bench.md for the settings and how to read the figures.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRunningEmbeddedDatabase, freePort, startSmtpSink } from '@checkout/local-infra';
import { startPlatformProcess, type PlatformProcess } from '@checkout/test-kit';
import { embeddedDatabaseDir } from '../src/data-location';
import { watchDatabase } from './bench/database-commits';
import { EmailArrivals } from './bench/email-ledger';
import { parseRates } from './bench/figures';
import { printLightLoadLatency } from './bench/light-load';
import { drain, runRamp } from './bench/ramp';
import { outcomeTimes, reportLedger, reportStep } from './bench/report';

const dapr = process.env.PLATFORM_MODE === 'dapr';
const settings = {
  rates: parseRates(process.env.BENCH_RATES ?? '20,40,60,80,100,120,150'),
  stepSeconds: Number(process.env.BENCH_STEP_SECONDS ?? 20),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 5),
  declinedShare: Number(process.env.BENCH_DECLINED_SHARE ?? 0.2),
  timeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 10_000),
  rabbitmq: dapr,
};
const runsPerFlow = Number(process.env.BENCH_RUNS ?? 5);
/** The latency bound of issue 13: p99 checkout to e-mail. */
const boundMs = dapr ? 1000 : 500;

async function main(): Promise<boolean> {
  const sink = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-bench-'));
  chmodSync(dataDir, 0o755);
  const env = {
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    SMTP_URL: sink.url,
  };
  const arrivals = new EmailArrivals(sink);
  let platform: PlatformProcess | undefined;
  try {
    const cold = await startPlatformProcess(env);
    console.log(`start-up, fresh data folder: ${cold.startupMs} ms to /readyz 200`);
    await cold.stop('SIGINT');
    platform = await startPlatformProcess(env);
    console.log(`start-up, existing data:     ${platform.startupMs} ms to /readyz 200`);
    await printLightLoadLatency(platform.baseUrl, sink, runsPerFlow);

    const databaseUrl =
      env.DATABASE_URL || (await findRunningEmbeddedDatabase(embeddedDatabaseDir(dataDir)));
    if (!databaseUrl) throw new Error('no database to read commits from: set DATABASE_URL');
    const database = await watchDatabase(databaseUrl);
    console.log(`\nopen-loop ramp, ${settings.declinedShare * 100} % declined:`);
    const { steps, warmups } = await runRamp(
      settings,
      { baseUrl: platform.baseUrl, pid: platform.pid, database },
      (line) => console.log(`  ${line}`),
    );
    const journeys = (await Promise.all([...warmups, ...steps.map((s) => s.accepted)])).flat();
    await drain(journeys, arrivals, 60_000, 2_000);
    const outcomes = outcomeTimes(journeys, arrivals);
    let highest: number | undefined;
    for (const step of steps)
      if (await reportStep(step, arrivals, outcomes, boundMs)) highest = step.rate;
    console.log(
      `\nhighest rate meeting the bound: ${highest === undefined ? 'none' : `${highest} checkouts/s`}`,
    );
    const held = reportLedger(journeys, arrivals);
    await database.close();
    return held;
  } catch (error) {
    // What the platform said explains a failure better than the bench's own error.
    console.error(platform?.output().split('\n').slice(-40).join('\n'));
    throw error;
  } finally {
    // Also after a failure: a platform left running (in Dapr mode, its sidecars too) skews the next run.
    await platform?.stop('SIGINT');
    arrivals.stop();
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (held) => process.exit(held ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
