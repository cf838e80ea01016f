import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  repoRoot,
  startChild,
  waitUntil,
  waitUntilReady,
  type RunningChild,
} from '@checkout/local-infra';
import { ensureStorefrontBuilt } from '../server';

const html = { accept: 'text/html,application/xhtml+xml' };
let dist: string;

/** server/main.ts in its own process, as the storefront's image runs it, on a port of its own. */
async function startStorefront(env: Record<string, string>) {
  const port = String(await freePort());
  const child = startChild(
    'storefront',
    process.execPath,
    ['--import', 'tsx', 'apps/storefront/server/main.ts'],
    { cwd: repoRoot, env: { ...process.env, PORT: port, ...env }, output: 'keep' },
  );
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function startReady(): Promise<{ child: RunningChild; baseUrl: string }> {
  const started = await startStorefront({ STOREFRONT_DIST: dist });
  await waitUntilReady(
    started.child,
    'the storefront to answer /readyz',
    async () => (await fetch(`${started.baseUrl}/readyz`)).ok,
    30_000,
  );
  return started;
}

const logMessages = (child: RunningChild) =>
  child
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

beforeAll(async () => {
  dist = await ensureStorefrontBuilt(() => undefined);
}, 120_000);

describe('the storefront in its own process', () => {
  let storefront: { child: RunningChild; baseUrl: string };
  beforeAll(async () => {
    storefront = await startReady();
  }, 40_000);
  afterAll(() => storefront?.child.stop());

  it('answers a page path with the app under a strict Content-Security-Policy, revalidated on each visit', async () => {
    const response = await fetch(`${storefront.baseUrl}/courses/any-course`, { headers: html });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(await response.text()).toBe(readFileSync(join(dist, 'index.html'), 'utf8'));
  });

  it('serves a hashed asset cached for a year, never revalidated', async () => {
    const [asset] = readdirSync(join(dist, 'assets')).filter((name) => name.endsWith('.js'));
    const response = await fetch(`${storefront.baseUrl}/assets/${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers /healthz and /readyz, and an API client asking for an unknown path a problem+json 404', async () => {
    expect((await fetch(`${storefront.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${storefront.baseUrl}/readyz`)).status).toBe(200);
    const unknown = await fetch(`${storefront.baseUrl}/api/v1/nothing`, {
      headers: { accept: 'application/json' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('writes JSON log lines', () => {
    expect(logMessages(storefront.child)).toContain('storefront is up');
  });
});

describe('the storefront process', () => {
  it('drains and exits 0 on SIGTERM', async () => {
    const { child } = await startReady();
    expect(await child.stop('SIGTERM', 10_000)).toBe(0);
    expect(logMessages(child)).toEqual(
      expect.arrayContaining(['shutting down', 'HTTP server drained', 'stopped']),
    );
  }, 40_000);

  it('refuses to start without built pages, saying where it looked, and exits 1', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'storefront-no-pages-'));
    const { child } = await startStorefront({ STOREFRONT_DIST: empty });
    await waitUntil('the storefront to exit', () => child.exitReason(), 30_000).finally(() =>
      child.stop(),
    );
    expect(await child.stop()).toBe(1);
    expect(logMessages(child)).toEqual([
      `storefront could not start: no built storefront in ${empty} (no index.html)`,
    ]);
  }, 40_000);
});
