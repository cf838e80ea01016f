/**
 * `npm run bench`: what the platform can carry on this machine.
 *  - start-up: spawn to GET /readyz 200, with a fresh data folder (embedded PostgreSQL initdb) and again warm;
 *  - checkout to e-mail at light load (one buyer at a time), per test-card flow;
 *  - capacity: an open-loop ramp of journeys (lead, card, checkout, e-mail at an SMTP server
 *    outside the platform) at each of BENCH_RATES per second, with per-step latency, errors, CPU,
 *    memory and commits per checkout, then the highest rate that met the bound and the ledger;
 *  - with BENCH_TRACING=compare, the ramp with tracing off then on (exporting to a receiver in
 *    this process), BENCH_TRACING_ROUNDS times in turn, and what tracing costs per checkout.
 * See docs/bench.md for the settings and how to read the figures.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRunningEmbeddedDatabase, freePort, startSmtpSink } from '@checkout/local-infra';
import { startOtlpReceiver, startPlatformProcess, type PlatformProcess } from '@checkout/test-kit';
import { embeddedDatabaseDir } from '../src/data-location';
import { watchDatabase } from './bench/database-commits';
import { EmailArrivals, type OwedEmails } from './bench/email-ledger';
import { parseRates } from './bench/figures';
import { printLightLoadLatency } from './bench/light-load';
import { choosePlatformNode } from './bench/platform-node';
import { drain, runRamp, type StepRecord } from './bench/ramp';
import { outcomeTimes, reportLedger, reportStep } from './bench/report';
import {
  parseTracingRamps,
  printTracingOverhead,
  tracedEnv,
  type CpuByRate,
  type TracingMode,
} from './bench/tracing';

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
const tracingRamps = parseTracingRamps(
  process.env.BENCH_TRACING ?? 'off',
  Number(process.env.BENCH_TRACING_ROUNDS ?? 1),
);
/** The latency bound of issue 13: p99 checkout to e-mail. */
const boundMs = dapr ? 1000 : 500;

/** What one ramp ran: its platform's tracing, its steps and every journey the ledger owes. */
interface Ramp {
  tracing: TracingMode;
  steps: StepRecord[];
  journeys: OwedEmails[];
}

/**
 * The open-loop ramp against `platform`, drained before it returns, so that the next ramp's
 * platform starts with no earlier work left.
 */
async function rampOn(
  platform: PlatformProcess,
  dataDir: string,
  arrivals: EmailArrivals,
  tracing: TracingMode,
): Promise<Ramp> {
  const databaseUrl =
    process.env.DATABASE_URL || (await findRunningEmbeddedDatabase(embeddedDatabaseDir(dataDir)));
  if (!databaseUrl) throw new Error('no database to read commits from: set DATABASE_URL');
  if (platform.pid === undefined) throw new Error('the platform is not running');
  const database = await watchDatabase(databaseUrl);
  console.log(`\nopen-loop ramp, ${settings.declinedShare * 100} % declined, tracing ${tracing}:`);
  const { steps, warmups } = await runRamp(
    settings,
    { baseUrl: platform.baseUrl, pid: platform.pid, database },
    (line) => console.log(`  ${line}`),
  );
  await database.close();
  const journeys = (await Promise.all([...warmups, ...steps.map((s) => s.accepted)])).flat();
  await drain(journeys, arrivals, 60_000, 2_000);
  return { tracing, steps, journeys };
}

/** Each ramp's steps and the highest rate that met the bound; with both, what tracing costs. */
async function reportRamps(ramps: Ramp[], arrivals: EmailArrivals) {
  const outcomes = outcomeTimes(
    ramps.flatMap((r) => r.journeys),
    arrivals,
  );
  const cpu: Record<TracingMode, CpuByRate[]> = { off: [], on: [] };
  for (const [index, ramp] of ramps.entries()) {
    if (ramps.length > 1)
      console.log(`\n--- ramp ${index + 1} of ${ramps.length}: tracing ${ramp.tracing} ---`);
    let highest: number | undefined;
    const byRate: CpuByRate = new Map();
    for (const step of ramp.steps) {
      const verdict = await reportStep(step, arrivals, outcomes, boundMs);
      if (verdict.met) highest = step.rate;
      byRate.set(step.rate, verdict.cpuPerCheckout);
    }
    cpu[ramp.tracing].push(byRate);
    console.log(
      `\nhighest rate meeting the bound: ${highest === undefined ? 'none' : `${highest} checkouts/s`}`,
    );
  }
  if (cpu.off.length > 0 && cpu.on.length > 0) printTracingOverhead(cpu.off, cpu.on);
}

async function main(): Promise<boolean> {
  choosePlatformNode();
  const sink = await startSmtpSink();
  const receiver = tracingRamps.includes('on')
    ? await startOtlpReceiver({ keepSpans: false })
    : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-bench-'));
  chmodSync(dataDir, 0o755);
  const env = {
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    SMTP_URL: sink.url,
  };
  const envFor = (tracing: TracingMode) =>
    tracing === 'on' && receiver ? { ...env, ...tracedEnv(receiver) } : env;
  const arrivals = new EmailArrivals(sink);
  let platform: PlatformProcess | undefined;
  try {
    const cold = await startPlatformProcess(envFor(tracingRamps[0]!));
    console.log(`start-up, fresh data folder: ${cold.startupMs} ms to /readyz 200`);
    await cold.stop('SIGINT');
    const ramps: Ramp[] = [];
    for (const tracing of tracingRamps) {
      platform = await startPlatformProcess(envFor(tracing));
      console.log(`start-up, existing data:     ${platform.startupMs} ms to /readyz 200`);
      if (ramps.length === 0) await printLightLoadLatency(platform.baseUrl, sink, runsPerFlow);
      ramps.push(await rampOn(platform, dataDir, arrivals, tracing));
      await platform.stop('SIGINT');
      platform = undefined;
    }
    await reportRamps(ramps, arrivals);
    if (receiver) console.log(`\nspans exported to the bench's receiver: ${receiver.spanCount}`);
    return reportLedger(
      ramps.flatMap((r) => r.journeys),
      arrivals,
    );
  } catch (error) {
    // What the platform said explains a failure better than the bench's own error.
    console.error(platform?.output().split('\n').slice(-40).join('\n'));
    throw error;
  } finally {
    // Also after a failure: a platform left running (in Dapr mode, its sidecars too) skews the next run.
    await platform?.stop('SIGINT');
    arrivals.stop();
    await sink.stop();
    await receiver?.stop();
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
