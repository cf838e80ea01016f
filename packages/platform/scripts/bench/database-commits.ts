import { Client } from 'pg';
import { parentOf } from './process-usage';

/**
 * The platform's database as the bench watches it: its commit counter and the pid of its server,
 * whose process tree is PostgreSQL's share of the CPU.
 */
export interface WatchedDatabase {
  /** pg_stat_database.xact_commit of the database. Backends report it at most once a second. */
  commits(): Promise<number>;
  serverPid: number | undefined;
  close(): Promise<void>;
}

export async function watchDatabase(url: string): Promise<WatchedDatabase> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const backend = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  return {
    serverPid: parentOf(backend.rows[0]!.pid),
    async commits() {
      // A fresh transaction reads fresh statistics, not the snapshot of an earlier read.
      const result = await client.query<{ commits: string }>(
        'select xact_commit as commits from pg_stat_database where datname = current_database()',
      );
      return Number(result.rows[0]!.commits);
    },
    close: () => client.end(),
  };
}
