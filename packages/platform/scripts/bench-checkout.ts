/**
 * `npm run bench`: measures what issue #2 names.
 *  - start-up: spawn to GET /readyz 200, with a fresh data folder (embedded PostgreSQL initdb) and again warm;
 *  - checkout to e-mail: POST /checkouts until the SMTP server (outside the platform process) has the e-mail,
 *    for each test-card flow, at light load (one buyer at a time).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCheckoutClient } from '@checkout/client';
import { freePort, startSmtpSink } from '@checkout/local-infra';
import { buyCourse, startPlatformProcess, testCards } from '@checkout/test-kit';

const runsPerFlow = Number(process.env.BENCH_RUNS ?? 10);
const flows = [
  { name: 'approved', cardNumber: testCards.approved, recipient: 'student' },
  { name: 'declined', cardNumber: testCards.declined, recipient: 'payer' },
  { name: 'transient then approved', cardNumber: testCards.transient, recipient: 'student' },
] as const;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function main(): Promise<void> {
  const sink = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-bench-'));
  chmodSync(dataDir, 0o755);
  const env = {
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SMTP_URL: sink.url,
  };
  try {
    const cold = await startPlatformProcess(env);
    console.log(`start-up, fresh data folder: ${cold.startupMs} ms to /readyz 200`);
    await cold.stop('SIGINT');
    const platform = await startPlatformProcess(env);
    console.log(`start-up, existing data:     ${platform.startupMs} ms to /readyz 200`);

    const api = createCheckoutClient({ baseUrl: `${platform.baseUrl}/api/v1` });
    console.log(`\ncheckout to e-mail at the SMTP server, ${runsPerFlow} runs per flow (ms):`);
    for (const flow of flows) {
      const latencies: number[] = [];
      for (let run = 0; run < runsPerFlow; run++) {
        const journey = await buyCourse(api, { cardNumber: flow.cardNumber });
        const to = flow.recipient === 'student' ? journey.studentEmail : journey.payerEmail;
        const email = await sink.waitFor((e) => e.to.includes(to));
        latencies.push(email.receivedAt.getTime() - journey.checkoutSentAt);
      }
      const sorted = [...latencies].sort((a, b) => a - b);
      console.log(
        `  ${flow.name.padEnd(24)} p50 ${percentile(sorted, 0.5)}  p95 ${percentile(sorted, 0.95)}  max ${sorted.at(-1)}`,
      );
    }
    await platform.stop('SIGINT');
  } finally {
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
