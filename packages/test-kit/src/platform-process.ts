import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startChild, waitUntilReady, type RunningChild } from '@checkout/local-infra';

/**
 * The arguments node is given by `npm start` (read from the root package.json, so the suites run
 * exactly what ships: the compiled platform, built when its sources changed).
 */
export const npmStartArgs: string[] = (() => {
  const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  // `exec`: npm's shell becomes node, so no process stands between npm and the platform.
  const [exec, program, ...args] = (scripts.start ?? '').split(' ');
  if (exec !== 'exec' || program !== 'node')
    throw new Error(`npm start should exec node directly: ${scripts.start}`);
  return args;
})();

/** PLATFORM_MODE=dapr runs the same scenarios against `npm run start:dapr`. */
const startArgs =
  process.env.PLATFORM_MODE === 'dapr'
    ? ['--import', 'tsx', join(repoRoot, 'packages/platform/src/dapr/main.ts')]
    : npmStartArgs;

export interface PlatformProcess extends RunningChild {
  baseUrl: string;
  /** Milliseconds from spawning the process to GET /readyz answering 200. */
  startupMs: number;
}

/**
 * Abuse limits roomy enough for the many cards, checkouts and declines a suite or the bench makes
 * from one address; a suite about the limits sets its own in `env`.
 */
const roomyLimits = Object.fromEntries(
  [
    'CARDS_PER_CLIENT',
    'CHECKOUTS_PER_CLIENT',
    'CHECKOUTS_PER_LEAD',
    'DECLINES_PER_LEAD',
    'DECLINES_PER_CLIENT',
    'ACTIVATIONS_PER_CLIENT',
  ].map((name) => [name, '100000']),
);

/**
 * The node that runs `npm start`: SERVICE_NODE when set (the images' Node, which the bench prices),
 * this one otherwise. start:dapr runs on this one and hands SERVICE_NODE to its services itself.
 */
const platformNode = () =>
  (process.env.PLATFORM_MODE !== 'dapr' && process.env.SERVICE_NODE) || process.execPath;

/**
 * Two workers, whatever the machine's cores (unless PLATFORM_WORKERS says otherwise): every suite
 * proves the platform served by several processes, at a cost that does not grow with the machine.
 */
const twoWorkers = process.env.PLATFORM_WORKERS ?? '2';

/**
 * Runs the platform's start command as `npm start` does, without waiting for anything. Metrics
 * go to a port the system chooses unless `env` names one, so that platforms started at once by
 * several suites never contend for the default.
 */
export function spawnPlatform(env: Record<string, string>): RunningChild {
  return startChild('the platform', platformNode(), startArgs, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...roomyLimits,
      PLATFORM_WORKERS: twoWorkers,
      METRICS_PORT: '0',
      ...env,
    },
    output: 'keep',
  });
}

/** Starts the platform as `npm start` does, in its own process, and waits until it is ready. */
export async function startPlatformProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<PlatformProcess> {
  const startedAt = Date.now();
  const platform = spawnPlatform(env);
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitUntilReady(
    platform,
    'the platform',
    async () => (await fetch(`${baseUrl}/readyz`)).status === 200,
    timeoutMs,
  );
  return Object.assign(platform, { baseUrl, startupMs: Date.now() - startedAt });
}

/**
 * A platform's structured log, one JSON object per line, with the lines start:dapr shows for its
 * children (`[financial] {...}`); other lines are left out.
 */
export const logLines = (output: string) =>
  output
    .split('\n')
    .map((line) => line.replace(/^\[[^\]\s]+\] /, ''))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
