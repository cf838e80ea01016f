/**
 * `npm run start:dapr:repeat -- 50`: starts `npm run start:dapr` that many times in a row, each
 * until GET /readyz answers 200, then stops it with SIGTERM; counts the starts that failed and
 * those that failed on a port already in use (what freePort's claims prevent), with start-up
 * times. RabbitMQ and PostgreSQL are provisioned once and left running, so that each start is
 * the platform's own: sentry, six apps and six sidecars on freshly drawn ports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, provision, startSmtpSink } from '@checkout/local-infra';
import { startPlatformProcess } from '@checkout/test-kit';

const times = Number(process.argv[2] ?? 50);
const portInUse = /EADDRINUSE|address already in use|could not listen/i;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function main(): Promise<void> {
  if (process.env.PLATFORM_MODE !== 'dapr') throw new Error('run it as npm run start:dapr:repeat');
  const env = {
    DATABASE_URL: provision('postgresql'),
    RABBITMQ_URL: provision('rabbitmq'),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'checkout-starts-')),
  };
  const sink = await startSmtpSink();
  const startupsMs: number[] = [];
  const failures: string[] = [];
  let collisions = 0;
  try {
    for (let run = 1; run <= times; run++) {
      const port = String(await freePort());
      try {
        const platform = await startPlatformProcess({ ...env, PORT: port, SMTP_URL: sink.url });
        startupsMs.push(platform.startupMs);
        const code = await platform.stop('SIGTERM', 60_000);
        if (code !== 0) throw new Error(`it stopped with ${code}:\n${platform.output()}`);
        console.log(`start ${run}/${times}: ready in ${platform.startupMs} ms, stopped cleanly`);
      } catch (error) {
        const message = (error as Error).message;
        if (portInUse.test(message)) collisions++;
        failures.push(`start ${run}: ${message.split('\n')[0]}`);
        console.log(`start ${run}/${times}: FAILED: ${message.slice(-4000)}`);
      }
    }
  } finally {
    await sink.stop();
    rmSync(env.DATA_DIR, { recursive: true, force: true });
  }
  const sorted = [...startupsMs].sort((a, b) => a - b);
  console.log(
    `\n${times} starts of npm run start:dapr: ${startupsMs.length} ready, ${failures.length} failed, ` +
      `${collisions} on a port in use; start-up to /readyz 200: p50 ${percentile(sorted, 0.5)} ms, ` +
      `p95 ${percentile(sorted, 0.95)} ms, max ${sorted.at(-1)} ms`,
  );
  for (const failure of failures) console.log(`  ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
