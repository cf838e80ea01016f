import { spawn } from 'node:child_process';
import { repoRoot } from '@checkout/local-infra';

export interface NpmInTerminal {
  /** Everything it wrote so far, stdout and stderr. */
  output: () => string;
  hasExited: () => boolean;
  /** Its exit code, or the signal that ended it. */
  exited: Promise<number | string | null>;
  /** Sends `signal` to its process group (the one started here, and only it) while it runs. */
  toGroup: (signal: NodeJS.Signals) => void;
}

/**
 * `npm run <script>` as a terminal runs it: in a process group of its own, so that Ctrl-C
 * (SIGINT to the group) reaches npm and every process below it alike.
 */
export function npmInTerminal(script: string, env: Record<string, string>): NpmInTerminal {
  const npm = spawn('npm', ['run', script], {
    cwd: repoRoot,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [npm.stdout, npm.stderr])
    stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) =>
    npm.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  const hasExited = () => npm.exitCode !== null || npm.signalCode !== null;
  return {
    output: () => output,
    hasExited,
    exited,
    toGroup: (signal) => {
      if (!hasExited()) process.kill(-(npm.pid as number), signal);
    },
  };
}
