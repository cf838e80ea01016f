import { chmodSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  repoRoot,
  startChild,
  waitUntil,
  type RunningChild,
} from '@checkout/local-infra';
import { createTestDatabase, npmStartArgs } from '@checkout/test-kit';
import { Client } from 'pg';
import { parse } from 'yaml';

/** Colour codes pino-pretty and the banner write to a terminal. */
// eslint-disable-next-line no-control-regex
const withoutColours = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

const mainArgs = npmStartArgs;

interface StartedPlatform {
  lines: string[];
  dataDir: string;
}

/**
 * `npm start`'s command, on a pseudo-terminal (util-linux `script`) as a person runs it or on a
 * pipe as a container does, until it says it is up; `check` runs while it is still up.
 */
async function whileUp(
  on: 'terminal' | 'pipe',
  env: Record<string, string>,
  check: (platform: StartedPlatform) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-terminal-'));
  chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as its own user
  const [program, args] =
    on === 'terminal'
      ? ['script', ['-qec', [process.execPath, ...mainArgs].join(' '), '/dev/null']]
      : [process.execPath, mainArgs];
  let platform: RunningChild | undefined;
  try {
    const { LOG_FORMAT: _inherited, ...ours } = process.env;
    platform = startChild(`the platform on a ${on}`, program, args, {
      cwd: repoRoot,
      env: {
        ...ours,
        PORT: String(await freePort()),
        SMTP_SINK_PORT: String(await freePort()),
        // Any free port: the banner says which.
        METRICS_PORT: '0',
        DATA_DIR: dataDir,
        SMTP_URL: '',
        ...env,
      },
      output: 'keep',
    });
    const running = platform;
    const lines = () => withoutColours(running.output()).split(/\r?\n/).filter(Boolean);
    await waitUntil(
      'the platform to say it is up',
      () => {
        if (running.exitReason())
          throw new Error(`it ${running.exitReason()}:\n${running.output()}`);
        const said = lines();
        const up = said.findIndex((line) => line.includes('checkout platform is up'));
        // JSON ends with the event; readable output with the banner below it.
        const done =
          said[up]?.startsWith('{') ||
          said.slice(up).some((line) => line.trim() === 'Press Ctrl-C to stop.');
        return up >= 0 && done ? true : undefined;
      },
      90_000,
    );
    await check({ lines: lines(), dataDir: realpathSync(dataDir) });
    return lines();
  } finally {
    await platform?.stop('SIGINT');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The banner's rows: label, then the address, as a person reads them. */
const bannerRows = (lines: string[]) =>
  Object.fromEntries(
    lines.flatMap((line) => {
      const row = line.match(/^ {4}(\S.*?) {3,}(\S+)$/);
      return row ? [[row[1], row[2]]] : [];
    }),
  ) as Record<string, string>;

const statusOf = async (url: string) => (await fetch(url)).status;

describe('npm start on a terminal', () => {
  it('logs one readable line per event and ends with a banner of addresses that all answer', async () => {
    await whileUp('terminal', { DATABASE_URL: '' }, async ({ lines, dataDir }) => {
      expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
      expect(lines.find((line) => line.includes('checkout platform is up'))).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(checkout\): checkout platform is up \(Ctrl-C to stop\)$/,
      );
      expect(lines.some((line) => /^ {2}Press Ctrl-C to stop\.$/.test(line))).toBe(true);

      const rows = bannerRows(lines);
      expect(Object.keys(rows)).toEqual([
        'Storefront',
        'API',
        'OpenAPI document',
        'Metrics',
        'Sent e-mails',
        'Database',
        'Data folder',
      ]);
      expect(await statusOf(rows.Storefront!)).toBe(200);
      expect(await statusOf(`${rows.API}/courses`)).toBe(200);
      const document = await fetch(rows['OpenAPI document']!);
      expect(document.headers.get('content-type')).toMatch(/^application\/yaml/);
      expect(parse(await document.text())).toMatchObject({ openapi: '3.1.0' });
      expect(await (await fetch(rows.Metrics!)).text()).toContain(
        'http_server_request_duration_seconds',
      );
      expect(await (await fetch(rows['Sent e-mails']!)).text()).toContain('Sent e-mails');
      expect(rows['Data folder']).toBe(dataDir);

      // The embedded database, credentials and all, is one a person can open with psql.
      expect(rows.Database).toMatch(/^postgres:\/\/checkout:checkout@127\.0\.0\.1:\d+\/checkout$/);
      const client = new Client({ connectionString: rows.Database });
      await client.connect();
      try {
        const { rows: schemas } = await client.query(
          `select schema_name from information_schema.schemata where schema_name = 'financial'`,
        );
        expect(schemas).toHaveLength(1);
      } finally {
        await client.end();
      }
    });
  }, 120_000);

  it('stays JSON, without a banner, when LOG_FORMAT=json says so', async () => {
    const lines = await whileUp('terminal', {
      LOG_FORMAT: 'json',
      DATABASE_URL: await createTestDatabase(),
    });
    const up = lines.find((line) => line.includes('checkout platform is up'));
    expect(JSON.parse(up ?? 'null')).toMatchObject({ name: 'checkout', level: 30 });
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
  }, 120_000);
});

describe('npm start without a terminal (a container, CI, a pipe)', () => {
  it('writes only JSON lines, the addresses in the event that says it is up', async () => {
    const databaseUrl = await createTestDatabase();
    const password = new URL(databaseUrl).password;
    const lines = await whileUp('pipe', { DATABASE_URL: databaseUrl });
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const up = events.find((event) => event.msg === 'checkout platform is up (Ctrl-C to stop)');
    expect(up).toMatchObject({
      storefront: expect.stringMatching(/^http:\/\/localhost:\d+\/$/),
      api: expect.stringMatching(/\/api\/v1$/),
      openApi: expect.stringMatching(/\/api\/v1\/openapi\.yaml$/),
      mail: expect.stringMatching(/\/dev\/mail$/),
      dataFolder: expect.any(String),
      startupMs: expect.any(Number),
    });
    // A database it was given is named without its password.
    expect(password).not.toBe('');
    expect(up?.database).toBe(databaseUrl.replace(`:${password}@`, ':***@'));
    expect(lines.join('\n')).not.toContain(`:${password}@`);
  }, 120_000);
});
