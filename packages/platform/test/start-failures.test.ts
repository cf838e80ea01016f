import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@checkout/local-infra';
import { createTestDatabase, spawnPlatform, waitUntil } from '@checkout/test-kit';

/** Runs the start command until it exits; returns its exit code and the lines saying why. */
async function failedStart(env: Record<string, string>) {
  const platform = spawnPlatform({ SMTP_URL: 'smtp://127.0.0.1:2525', ...env });
  await waitUntil('the platform to exit', () => platform.exitReason(), 60_000);
  const reasons = platform
    .output()
    .split('\n')
    .filter((line) => line.includes('could not start'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
  return { code: await platform.stop(), reasons };
}

describe('npm start that cannot start', () => {
  it.each(['PORT', 'METRICS_PORT'])(
    'says in one line that the port of %s is in use and what to change, and exits 1',
    async (setting) => {
      const port = await freePort();
      const holder = createServer().listen(port);
      try {
        const result = await failedStart({
          PORT: String(await freePort()),
          [setting]: String(port),
          DATABASE_URL: await createTestDatabase(),
        });
        expect(result).toEqual({
          code: 1,
          reasons: [
            `the platform could not start: port ${port} is in use: stop what holds it, or set ${setting} to another port`,
          ],
        });
      } finally {
        holder.close();
      }
    },
    60_000,
  );

  it('says in one line what is wrong with its configuration, and exits 1', async () => {
    expect(await failedStart({ PORT: String(await freePort()), CARD_TTL_SECONDS: 'soon' })).toEqual(
      {
        code: 1,
        reasons: [
          'the platform could not start: Invalid configuration: CARD_TTL_SECONDS must be a whole number, got "soon"',
        ],
      },
    );
  }, 60_000);

  it('refuses an e-mail language it cannot write instead of sending pt-BR, and exits 1', async () => {
    expect(await failedStart({ PORT: String(await freePort()), EMAIL_LANGUAGE: 'fr' })).toEqual({
      code: 1,
      reasons: [
        'the platform could not start: Invalid configuration: EMAIL_LANGUAGE must be one of pt-BR, en, got "fr"',
      ],
    });
  }, 60_000);

  it('says in one line why the embedded PostgreSQL did not start, and exits 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'checkout-broken-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach its folder
    mkdirSync(join(dataDir, 'postgres'));
    writeFileSync(join(dataDir, 'postgres', 'PG_VERSION'), '17\n'); // a cluster with no files
    const result = await failedStart({
      PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(result.code).toBe(1);
    expect(result.reasons).toEqual([
      expect.stringMatching(
        /^the platform could not start: PostgreSQL did not start: .*postgresql\.conf/,
      ),
    ]);
  }, 60_000);
});
