import { leftoverTestDatabases } from './test-database';

/** Fails the run if a test file left a database behind: each is dropped after its file. */
export default async function teardown(): Promise<void> {
  try {
    if (globalThis.testDatabase) {
      const leftovers = await leftoverTestDatabases();
      if (leftovers.length > 0)
        throw new Error(`test databases left after the run: ${leftovers.join(', ')}`);
    }
  } finally {
    await globalThis.testDatabase?.stop();
  }
}
