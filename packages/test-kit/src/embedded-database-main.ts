import { startEmbeddedDatabase } from '@checkout/local-infra';

/**
 * Runs one embedded PostgreSQL until SIGTERM, for tests that stop and restart a database: jest
 * cannot load the ESM-only binaries package inside a test file. Prints its URL as one line, and
 * on SIGTERM stops the server and exits 0.
 */
async function main(): Promise<void> {
  const database = await startEmbeddedDatabase({
    dataDir: process.env.PG_DATA_DIR as string,
    port: Number(process.env.PG_PORT),
    persistent: process.env.PG_PERSISTENT === 'true',
  });
  process.once('SIGTERM', () => {
    database.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  console.log(`database url: ${database.url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
