import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { waitUntil } from './wait-until';

const repoRoot = join(__dirname, '../../..');
const mainPath = join(repoRoot, 'packages/platform/src/main.ts');

export interface PlatformProcess {
  baseUrl: string;
  /** Milliseconds from spawning the process to GET /readyz answering 200. */
  startupMs: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the platform as `npm start` does, in its own process, and waits until it is ready. */
export async function startPlatformProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<PlatformProcess> {
  const startedAt = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const baseUrl = `http://127.0.0.1:${env.PORT}`;

  try {
    await waitUntil(
      'the platform to be ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`the platform exited early:\n${output}`);
        const response = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
        return response?.status === 200 ? true : undefined;
      },
      timeoutMs,
      100,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`);
  }

  return {
    baseUrl,
    startupMs: Date.now() - startedAt,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
