import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { waitUntil } from './wait-until';

export interface ChildProcessOptions {
  cwd: string;
  /** The whole environment of the child (not added to ours). */
  env: NodeJS.ProcessEnv;
  /**
   * `keep` (tests): what it writes is kept for assertions and error messages. `show` (the
   * platform): each line appears on our stdout, prefixed with the child's name.
   */
  output: 'keep' | 'show';
}

export interface RunningChild {
  name: string;
  /** The pid of the current run (a restart gives a new one); undefined if it failed to spawn. */
  readonly pid: number | undefined;
  /** Everything it wrote so far (with `output: 'keep'`). */
  output(): string;
  /** Why it is not running, in one line, or undefined while it runs. */
  exitReason(): string | undefined;
  /** From now on, an exit we did not ask for is followed by a restart, as a kubelet would. */
  keepAlive(): void;
  /** Sends `signal`, then SIGKILL after `graceMs`; resolves with the exit code. No restart after. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | null>;
}

const restartDelayMs = 1000;

/** Starts a program as a child process that we watch, stop and (on request) restart. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: ChildProcessOptions,
): RunningChild {
  let stopping = false;
  let keepingAlive = false;
  let output = '';
  let child: ChildProcess;
  /** How the current run ended (without the child's name), once it has. */
  let ended: string | undefined;
  let exited: Promise<number | null>;

  const record = (line: string) => {
    if (options.output === 'keep') output += `${line}\n`;
    else process.stdout.write(`[${name}] ${line}\n`);
  };
  const launch = () => {
    ended = undefined;
    child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream! }).on('line', record);
    exited = new Promise((resolve) => {
      // Without an 'error' listener, a missing binary (ENOENT) would throw in our process.
      child.once('error', (error) => {
        ended ??= `could not start ${command}: ${error.message}`;
        resolve(null);
      });
      child.once('exit', (code, signal) => {
        ended ??= `exited (${signal ?? code})`;
        resolve(code);
      });
    });
    void exited.then(() => {
      if (stopping || !keepingAlive) return;
      record(`${ended}; restarting in ${restartDelayMs} ms`);
      setTimeout(() => stopping || launch(), restartDelayMs);
    });
  };
  launch();

  return {
    name,
    get pid() {
      return child.pid;
    },
    output: () => output,
    exitReason: () => ended && `${name} ${ended}`,
    keepAlive: () => {
      keepingAlive = true;
    },
    stop: async (signal = 'SIGTERM', graceMs = 20_000) => {
      stopping = true;
      // No pid: it never started (its 'error' ends `exited`). Killing it anyway would signal pid 0,
      // libuv's pid of a failed spawn: our whole process group, the test run and CI with it.
      if (ended !== undefined || child.pid === undefined) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * Waits until `isReady` holds for the child. If it exits first or time runs out, the child is
 * stopped (SIGTERM first, so that a supervisor stops its own children) and the error says what
 * was awaited, why it failed and what the child wrote.
 */
export async function waitUntilReady(
  child: RunningChild,
  what: string,
  isReady: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  try {
    await waitUntil(
      what,
      async () => {
        if (child.exitReason() !== undefined) throw new Error('exited');
        return (await isReady().catch(() => false)) || undefined;
      },
      timeoutMs,
      100,
    );
  } catch (error) {
    const exitedEarly = child.exitReason();
    if (exitedEarly === undefined) await child.stop();
    const printed = child.output() ? `:\n${child.output()}` : '';
    throw new Error(
      `${exitedEarly ? `${what}: ${exitedEarly}` : (error as Error).message}${printed}`,
    );
  }
}
