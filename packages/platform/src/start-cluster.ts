import cluster, { type Worker } from 'node:cluster';
import { dirname, extname, join } from 'node:path';
import { clusterMetrics, serveMetrics, type Logger } from '@checkout/service-kit';
import { metricsAddress, platformAddresses } from './banner';
import type { PlatformConfig } from './config';
import { answerSentEmailQuestions } from './sent-emails-over-ipc';
import type { RunningPlatform } from './start-in-order';
import { startLocalInfrastructure } from './start-local-infrastructure';

/** Beside this file: worker.ts from the sources, worker.js in the build. */
const workerEntry = join(dirname(__filename), `worker${extname(__filename)}`);

/**
 * A worker's heap. Unbounded, V8 lets it grow to ~350 MB resident at 80-100 checkouts/s before
 * collecting; bounded, workers stay under ~185 MB, for ~1.5 ms more CPU per checkout (bench).
 */
const workerHeapMb = 256;

/** Settings only the primary gives its workers. */
export const workerSettings = { mailPage: 'PLATFORM_MAIL_PAGE' } as const;

/** What a worker that could not start tells the primary before it exits. */
export interface WorkerStartFailure {
  type: 'start-failed';
  reason: string;
}

/** Resolves when the worker listens; rejects with its reason if it stops before. */
const listening = (worker: Worker) =>
  new Promise<void>((resolve, reject) => {
    let reason = 'a worker exited while starting';
    worker.on('message', (message: WorkerStartFailure) => {
      if (message.type === 'start-failed') reason = message.reason;
    });
    worker.once('listening', () => resolve());
    worker.once('exit', () => reject(new Error(reason)));
  });

/** Asks every worker to stop (they drain their requests) and waits until all have exited. */
const stopWorkers = () =>
  Promise.all(
    Object.values(cluster.workers ?? {}).map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (!worker || worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.process.kill('SIGTERM');
        }),
    ),
  );

/**
 * The platform on every core: this process (the primary) owns what exists once (the database and
 * its migrations, the SMTP sink, the keys, the storefront's build) and forks `config.workers`
 * workers that share the HTTP port, each running the six services. A worker that crashes is
 * replaced; one that exits 0 was asked to stop (a signal) and is not; a worker that cannot start
 * fails the start, or is logged when it was a replacement.
 */
export async function startCluster(
  config: PlatformConfig,
  logger: Logger,
): Promise<RunningPlatform> {
  const stops: (() => Promise<unknown> | void)[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const part of stops.reverse()) await part();
  };
  try {
    const infrastructure = await startLocalInfrastructure(config, logger, (part) =>
      stops.push(part),
    );
    const { sink, databaseUrl } = infrastructure;
    cluster.setupPrimary({
      exec: workerEntry,
      execArgv: [
        ...process.execArgv,
        '--enable-source-maps',
        `--max-old-space-size=${workerHeapMb}`,
      ],
      serialization: 'advanced',
    });
    const fork = () => {
      const worker = cluster.fork({
        DATABASE_URL: databaseUrl,
        SMTP_URL: infrastructure.smtpUrl,
        [workerSettings.mailPage]: sink ? 'primary' : '',
      });
      if (sink) answerSentEmailQuestions(worker, sink);
      return worker;
    };
    stops.push(stopWorkers);
    const started = new WeakSet<Worker>();
    const startWorker = async () => {
      const worker = fork();
      await listening(worker);
      started.add(worker);
      return worker.process.pid;
    };
    await Promise.all(Array.from({ length: config.workers }, startWorker));
    // One scrape for the platform: the workers' series summed (a worker's own is not reachable).
    const metrics = await serveMetrics(clusterMetrics(), {
      port: config.metricsPort,
      host: config.host,
      logger,
    });
    stops.push(() => metrics.stop());
    cluster.on('exit', (worker, code, signal) => {
      // One that never started is reported by whoever started it: no loop of failing starts.
      if (stopping || !started.has(worker)) return;
      const about = { workerPid: worker.process.pid, code, signal };
      if (code === 0 && signal === null) return void logger.info(about, 'worker stopped');
      logger.error(about, 'worker crashed; starting another');
      startWorker().then(
        (workerPid) => logger.info({ workerPid }, 'worker started'),
        (error: unknown) => logger.error({ err: error }, 'the replacement worker could not start'),
      );
    });
    const url = `http://localhost:${config.port}`;
    return {
      url,
      addresses: {
        ...platformAddresses(url, config, { databaseUrl, mailPage: sink !== undefined }),
        metrics: metricsAddress(metrics.port),
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
