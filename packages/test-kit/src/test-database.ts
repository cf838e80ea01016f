import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

declare global {
  /** Set by the jest environment (jest-environment.ts), which drops these after the file. */
  var testDatabasesOfThisFile: string[] | undefined;
}

/** Test databases are named so that a leftover is recognisable (see jest-global-teardown.ts). */
export const testDatabasePrefix = 'test_';

function testServerUrl(): string {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set; run the tests through jest');
  return serverUrl;
}

async function onTestServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a fresh database on the test PostgreSQL and returns its URL. It is dropped after the
 * test file, however the file ends, by the jest environment that every project runs in.
 */
export async function createTestDatabase(): Promise<string> {
  const created = globalThis.testDatabasesOfThisFile;
  if (!created) throw new Error('createTestDatabase needs the test-kit jest environment');
  const name = `${testDatabasePrefix}${randomUUID().replaceAll('-', '')}`;
  await onTestServer((client) => client.query(`create database "${name}"`));
  created.push(name);
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the databases, ending any session still open on them (a process the file left running). */
export async function dropTestDatabases(names: string[]): Promise<void> {
  if (names.length === 0) return;
  await onTestServer(async (client) => {
    for (const name of names) await client.query(`drop database if exists "${name}" with (force)`);
  });
}

/** The test databases still on the server. */
export const leftoverTestDatabases = (): Promise<string[]> =>
  onTestServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1) order by datname`,
      [testDatabasePrefix],
    );
    return rows.map((row) => row.datname);
  });

/** Runs one query on the database at `databaseUrl`, on a connection of its own. */
export async function queryDatabase<T = Record<string, unknown>>(
  databaseUrl: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
