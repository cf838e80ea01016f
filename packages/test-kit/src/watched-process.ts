import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface WatchedProcess {
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  hasExited(): boolean;
  /** Sends the signal (if still running), SIGKILL after `graceMs`, and resolves with the exit code. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

/** Spawns a process whose output is kept for assertions and error messages. */
export function spawnWatched(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): WatchedProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    pid: child.pid ?? -1,
    output: () => output,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
    stop: async (signal = 'SIGTERM', graceMs = 20_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Waits until `isReady` holds; on failure kills the process and reports what it printed. */
export async function waitUntilReady(
  process: WatchedProcess,
  what: string,
  isReady: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.hasExited()) throw new Error(`${what} exited early:\n${process.output()}`);
    if (await isReady().catch(() => false)) return;
    if (Date.now() > deadline) {
      await process.stop(); // SIGTERM first, so that a supervisor stops its children too
      throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${process.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
