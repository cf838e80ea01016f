import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChargeRequested } from '@checkout/contracts';
import { freePort } from '@checkout/local-infra';
import {
  logLines,
  repoRoot,
  startPlatformProcess,
  waitUntil,
  type PlatformProcess,
} from '@checkout/test-kit';
import { Client } from 'pg';

const dataDir = mkdtempSync(join(tmpdir(), 'checkout-beside-'));
chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as its own user
let platform: PlatformProcess;
let sql: Client;

/** An npm command as a person runs it in a second terminal: no DATABASE_URL, only the data folder. */
function npmRun(script: string, args: string[], folder = dataDir) {
  const { DATABASE_URL: _none, ...env } = process.env;
  return promisify(execFile)('npm', ['run', '-s', script, '--', ...args], {
    cwd: repoRoot,
    env: { ...env, DATA_DIR: folder },
  });
}

beforeAll(async () => {
  platform = await startPlatformProcess({
    PORT: String(await freePort()),
    SMTP_SINK_PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SMTP_URL: '',
  });
  // The test itself reaches the database by the address npm start announced.
  const up = await waitUntil('npm start to announce its addresses', () =>
    logLines(platform.output()).find((line) => typeof line.database === 'string'),
  );
  sql = new Client({ connectionString: up.database as string });
  await sql.connect();
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await platform?.stop('SIGINT');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('commands run beside npm start, with no DATABASE_URL', () => {
  it('dead-letters:replay hands a dead letter back to the running service', async () => {
    // A charge request payment refused (malformed), as it would have stored it.
    const id = randomUUID();
    const storedAt = new Date(Date.now() - 60_000);
    await sql.query(
      `insert into payment.dead_letter (event_id, topic, version, data, received_at)
       values ($1, $2, 1, $3, $4)`,
      [id, ChargeRequested.topic, { checkoutId: 42, attempt: 'first' }, storedAt],
    );

    const { stdout } = await npmRun('dead-letters:replay', ['payment', id]);
    expect(JSON.parse(stdout)).toMatchObject({ service: 'payment', replayed: 1 });

    // Published again by the running platform, still malformed, it is refused and stored anew.
    const again = await waitUntil('the replayed letter to be refused again', async () => {
      const { rows } = await sql.query<{ received_at: Date }>(
        'select received_at from payment.dead_letter where event_id = $1 and received_at > $2',
        [id, storedAt],
      );
      return rows[0];
    });
    expect(again.received_at.getTime()).toBeGreaterThan(storedAt.getTime());
  }, 60_000);

  it('migrate finds the same database, with nothing left to apply', async () => {
    const { stdout } = await npmRun('migrate', []);
    const schemas = logLines(stdout).filter((line) => line.msg === 'database schema ready');
    expect(schemas.map((line) => [line.schema, line.applied])).toEqual([
      ['marketing', []],
      ['financial', []],
      ['payment', []],
      ['card_vault', []],
      ['academic', []],
      ['notification', []],
    ]);
  }, 60_000);

  it('says what to do when no npm start runs on the data folder', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'checkout-nothing-'));
    try {
      await expect(npmRun('dead-letters:replay', ['payment'], elsewhere)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(
          `no npm start is running on the data folder ${elsewhere} (DATA_DIR). Start the platform, or set DATABASE_URL.`,
        ),
      });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);
});
