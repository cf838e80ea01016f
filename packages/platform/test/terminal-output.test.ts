import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  repoRoot,
  startChild,
  waitUntil,
  type RunningChild,
} from '@checkout/local-infra';
import { createTestDatabase } from '@checkout/test-kit';

/** Colour codes pino-pretty writes to a terminal. */
// eslint-disable-next-line no-control-regex
const withoutColours = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/**
 * `npm start`'s command under a pseudo-terminal (util-linux `script`), as a person runs it, until
 * it says it is up; returns what the terminal showed.
 */
async function terminalOutput(env: Record<string, string> = {}): Promise<string[]> {
  const port = String(await freePort());
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-terminal-'));
  const command = `${process.execPath} --import tsx packages/platform/src/main.ts`;
  let platform: RunningChild | undefined;
  try {
    platform = startChild('the platform in a terminal', 'script', ['-qec', command, '/dev/null'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: port,
        DATA_DIR: dataDir,
        DATABASE_URL: await createTestDatabase(),
        ...env,
      },
      output: 'keep',
    });
    const running = platform;
    await waitUntil(
      'the platform to say it is up',
      () => (running.output().includes('checkout platform is up') ? true : undefined),
      60_000,
    );
    return withoutColours(running.output()).split(/\r?\n/).filter(Boolean);
  } finally {
    await platform?.stop('SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the output of npm start', () => {
  it('is one readable line per event on a terminal, not JSON', async () => {
    const lines = await terminalOutput();
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    const up = lines.find((line) => line.includes('checkout platform is up'));
    expect(up).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(checkout\): checkout platform is up/);
    expect(up).toContain(`"api":"http://`);
  }, 90_000);

  it('stays JSON on a terminal when LOG_FORMAT=json says so', async () => {
    const lines = await terminalOutput({ LOG_FORMAT: 'json' });
    const up = lines.find((line) => line.includes('checkout platform is up'));
    expect(JSON.parse(up ?? 'null')).toMatchObject({ name: 'checkout', level: 30 });
  }, 90_000);
});
