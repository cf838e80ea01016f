import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@checkout/local-infra';

declare global {
  var testDatabase: EmbeddedDatabase | undefined;
}

/**
 * One real PostgreSQL for the whole test run, unless TEST_DATABASE_URL names one.
 * Test files create their own databases on it (see test-database.ts).
 */
export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-test-pg-'));
  globalThis.testDatabase = await startEmbeddedDatabase({
    dataDir,
    persistent: false,
    database: 'postgres',
  });
  process.env.TEST_DATABASE_URL = globalThis.testDatabase.url;
}
