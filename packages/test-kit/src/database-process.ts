import { join } from 'node:path';
import { repoRoot, startChild, waitUntil } from '@checkout/local-infra';

export interface DatabaseProcess {
  url: string;
  /** Stops PostgreSQL (removing its files unless it was started as persistent). */
  stop(): Promise<void>;
}

/**
 * An embedded PostgreSQL of the test's own, in a child process, that the test may stop and start
 * again on the same port and data directory (a database outage).
 */
export async function startDatabaseProcess(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
}): Promise<DatabaseProcess> {
  const child = startChild(
    'PostgreSQL',
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'embedded-database-main.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PG_DATA_DIR: options.dataDir,
        PG_PORT: String(options.port),
        PG_PERSISTENT: String(options.persistent),
      },
      output: 'keep',
    },
  );
  const url = await waitUntil(
    'the embedded PostgreSQL to start',
    () => {
      const exited = child.exitReason();
      if (exited) throw new Error(`PostgreSQL did not start: ${exited}\n${child.output()}`);
      return /database url: (\S+)/.exec(child.output())?.[1];
    },
    60_000,
    100,
  );
  return {
    url,
    stop: async () => {
      const code = await child.stop('SIGTERM', 30_000);
      if (code !== 0) throw new Error(`PostgreSQL stopped with ${code}:\n${child.output()}`);
    },
  };
}
