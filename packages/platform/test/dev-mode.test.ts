import { mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, repoRoot, waitUntil } from '@checkout/local-infra';
import { createTestDatabase, npmInTerminal, type NpmInTerminal } from '@checkout/test-kit';

/** Files whose mtime the tests move (content untouched); put back after the run. */
const files = {
  serviceSource: 'services/payment/src/payment-service.ts',
  unitTest: 'services/financial/src/domain/checkout.test.ts',
  pageSource: 'apps/storefront/src/app.tsx',
};
const touch = (file: string) => utimesSync(join(repoRoot, file), new Date(), new Date());

/** A watcher reacts within its debounce (200 ms); this leaves it ample room to show a restart. */
const quietMs = 1_500;
/** A bound on a wait that must not keep jest alive once the test is over. */
const giveUpAfter = (ms: number) => sleep(ms, 'still running', { ref: false });

/** The status a server answers with, or undefined when nothing listens. */
const answers = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    () => undefined,
  );

describe('npm run dev', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-dev-'));
  const mtimes = Object.values(files).map(
    (file) => [file, statSync(join(repoRoot, file))] as const,
  );
  let dev: NpmInTerminal;
  let api: string;
  let pages: string;
  const ups = () => dev.output().split('checkout platform is up').length - 1;
  const restarts = () => dev.output().split('Restarting').length - 1;

  beforeAll(async () => {
    const [port, pagesPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
    api = `http://127.0.0.1:${port}`;
    pages = `http://localhost:${pagesPort}`;
    dev = npmInTerminal('dev', {
      PORT: String(port),
      STOREFRONT_DEV_PORT: String(pagesPort),
      SMTP_SINK_PORT: String(smtpPort),
      METRICS_PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: await createTestDatabase(),
      LOG_FORMAT: 'json',
    });
    await waitUntil(
      'the platform to be up and Vite to serve the pages',
      async () => {
        if (dev.hasExited()) throw new Error(`npm run dev exited:\n${dev.output()}`);
        return ups() === 1 && (await answers(pages)) === 200 ? true : undefined;
      },
      90_000,
      100,
    ).catch((error: unknown) => {
      dev.toGroup('SIGTERM');
      throw error;
    });
  }, 120_000);

  afterAll(async () => {
    dev?.toGroup('SIGTERM');
    await Promise.race([dev?.exited, giveUpAfter(30_000)]);
    for (const [file, stat] of mtimes) utimesSync(join(repoRoot, file), stat.atime, stat.mtime);
    rmSync(dataDir, { recursive: true, force: true });
  }, 40_000);

  it('restarts the platform when a service source changes, and the API answers again', async () => {
    const before = ups();
    touch(files.serviceSource);
    await waitUntil(
      'a second "checkout platform is up"',
      () => ups() > before || undefined,
      60_000,
    );
    expect(await answers(`${api}/api/v1/courses`)).toBe(200);
  }, 70_000);

  it('restarts nothing when a test file or a page source changes', async () => {
    const before = { restarts: restarts(), ups: ups() };
    touch(files.unitTest);
    touch(files.pageSource);
    await sleep(quietMs);
    expect({ restarts: restarts(), ups: ups() }).toEqual(before);
  });

  it('serves the pages from their sources and sends /api to the platform', async () => {
    const page = await fetch(pages, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('/src/main.tsx'); // Vite's, not the built bundle
    const courses = await fetch(`${pages}/api/v1/courses`);
    expect(courses.status).toBe(200);
    expect(await courses.json()).toMatchObject({ items: expect.any(Array) });
  });

  it('stops both on one Ctrl-C: the platform cleanly, nothing left listening', async () => {
    dev.toGroup('SIGINT');
    // npm ends itself with the signal it was sent, as a shell does; what it ran exits 0.
    expect(await Promise.race([dev.exited, giveUpAfter(30_000)])).toBe('SIGINT');
    expect(dev.output()).toMatch(/\[platform\] .*"msg":"stopped"/);
    expect(dev.output()).toMatch(/\[platform\] .* exited with code 0/);
    expect(dev.output()).toMatch(/\[storefront\] .* exited with code (0|SIGINT)/);
    expect(await answers(`${api}/readyz`)).toBeUndefined();
    expect(await answers(pages)).toBeUndefined();
  }, 40_000);
});
