import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export interface SupervisedProcess {
  name: string;
  hasExited(): boolean;
  /** From now on, an exit we did not ask for is followed by a restart, as a kubelet would. */
  keepAlive(): void;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; no restart after this. */
  stop(graceMs?: number): Promise<void>;
}

const restartDelayMs = 1000;

/** A child process whose output lines appear on ours, prefixed with its name. */
export function startSupervised(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): SupervisedProcess {
  let stopping = false;
  let keepingAlive = false;
  let child: ChildProcess;
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  const launch = () => {
    child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream)
        createInterface({ input: stream }).on('line', (line) =>
          process.stdout.write(`[${name}] ${line}\n`),
        );
    }
    child.once('exit', (code, signal) => {
      if (stopping || !keepingAlive) return;
      process.stdout.write(
        `[${name}] exited (${signal ?? code}); restarting in ${restartDelayMs} ms\n`,
      );
      setTimeout(() => stopping || launch(), restartDelayMs);
    });
  };
  launch();

  return {
    name,
    hasExited,
    keepAlive: () => {
      keepingAlive = true;
    },
    stop: async (graceMs = 10_000) => {
      stopping = true;
      if (hasExited()) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
