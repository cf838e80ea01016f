import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import { createCheckoutClient, type CheckoutClient } from '@checkout/client';
import { purgeLeftoverMessages } from './broker-leftovers';
import { connectClusterPlatform } from './cluster/cluster-platform';
import { startPlatformProcess, type PlatformProcess } from './platform-process';
import { specConformance } from './spec-conformance';
import { createTestDatabase, queryDatabase } from './test-database';

/** The platform as a user runs it, with the real parts a test reads its effects from. */
export interface TestPlatform {
  baseUrl: string;
  /** The typed client of its public API; an answer that breaks the spec rejects the call. */
  api: CheckoutClient;
  /** The real SMTP server the platform sends to. */
  sink: SmtpSink;
  databaseUrl: string;
  /** The platform's DATA_DIR (start:dapr keeps its ports and sidecar files there). */
  dataDir: string;
  /** The platform process now running; `startAgain` replaces it. */
  readonly process: PlatformProcess;
  /** Starts the platform again with the same environment, once the test has stopped it. */
  startAgain(): Promise<void>;
  /** Runs a query on the platform's database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Stops the platform (SIGINT, as Ctrl-C would) and the SMTP server, and removes DATA_DIR. */
  stop(): Promise<void>;
}

/**
 * Starts `npm start` (or start:dapr, see platform-process.ts) in a process of its own, on a
 * database of the test file's own, sending e-mail to a real SMTP server. `env` adds to or
 * overrides the platform's environment (DATABASE_URL too, for a PostgreSQL of the test's own).
 * With PLATFORM_MODE=cluster it connects to the release test:cluster installed instead
 * (cluster/cluster-platform.ts), whose settings must already be `env`'s.
 */
export async function startTestPlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  if (process.env.PLATFORM_MODE === 'cluster') return connectClusterPlatform(env);
  if (process.env.PLATFORM_MODE === 'dapr') await purgeLeftoverMessages();
  const databaseUrl = env.DATABASE_URL ?? (await createTestDatabase());
  const sink = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-platform-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL and daprd run as other users and must reach it
  const fullEnv = {
    PORT: String(await freePort()),
    DATABASE_URL: databaseUrl,
    SMTP_URL: sink.url,
    DATA_DIR: dataDir,
    ...env,
  };
  const cleanUp = async () => {
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  let current = await startPlatformProcess(fullEnv).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  const api = createCheckoutClient({ baseUrl: `${current.baseUrl}/api/v1` });
  api.use(specConformance);
  return {
    baseUrl: current.baseUrl,
    api,
    sink,
    databaseUrl,
    dataDir,
    get process() {
      return current;
    },
    startAgain: async () => {
      current = await startPlatformProcess(fullEnv);
    },
    sql: (text, params) => queryDatabase(databaseUrl, text, params),
    stop: async () => {
      await current.stop('SIGINT');
      await cleanUp();
    },
  };
}
