import { resolve } from 'node:path';
import { findRunningEmbeddedDatabase } from '@checkout/local-infra';
import type { EnvironmentReader } from '@checkout/service-kit';

export interface DataLocation {
  /** A PostgreSQL to use instead of the embedded one. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL and the local keys live. */
  dataDir: string;
}

export const readDataLocation = (read: EnvironmentReader): DataLocation => ({
  databaseUrl: read.optionalUrl('DATABASE_URL'),
  dataDir: read.string('DATA_DIR', '.data'),
});

/** The embedded PostgreSQL's own folder inside the data folder. */
export const embeddedDatabaseDir = (dataDir: string): string => resolve(dataDir, 'postgres');

/**
 * The database of a running platform, for the commands run beside it: DATABASE_URL, else the
 * embedded PostgreSQL that `npm start` serves from the data folder.
 */
export async function databaseOfRunningPlatform({
  databaseUrl,
  dataDir,
}: DataLocation): Promise<string> {
  const url = databaseUrl ?? (await findRunningEmbeddedDatabase(embeddedDatabaseDir(dataDir)));
  if (url) return url;
  throw new Error(
    `no database: DATABASE_URL is not set and no npm start is running on the data folder ` +
      `${resolve(dataDir)} (DATA_DIR). Start the platform, or set DATABASE_URL.`,
  );
}
