import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCheckoutClient } from '@checkout/client';
import { freePort, startSmtpSink } from '@checkout/local-infra';
import {
  answeredRequests,
  buyCourse,
  expectOnlyRefusalsAfter,
  logLines,
  npmInTerminal,
  startPlatformProcess,
  startPurchaseBurst,
  testCards,
  waitForOutcome,
  waitUntil,
} from '@checkout/test-kit';

/** `npm start` in a terminal of its own, once it is ready. */
async function npmStartInTerminal(env: Record<string, string>) {
  const npm = npmInTerminal('start', env);
  const { hasExited, toGroup } = npm;
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitUntil(
    'npm start to be ready',
    async () => {
      if (hasExited()) throw new Error(`npm start exited early:\n${npm.output()}`);
      return (
        (await fetch(`${baseUrl}/readyz`).then(
          (r) => r.ok,
          () => false,
        )) || undefined
      );
    },
    120_000,
  ).catch((error: unknown) => {
    toGroup('SIGTERM');
    throw error;
  });
  return { ...npm, baseUrl, pressCtrlC: () => toGroup('SIGINT') };
}

/** `npm start` with nothing configured: embedded PostgreSQL, built-in SMTP sink, data kept between runs. */
describe('npm start with embedded defaults', () => {
  it('starts, shows sent e-mails, stops cleanly on Ctrl-C and reuses its data on the next start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'checkout-embedded-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach its folder
    const env = {
      PORT: String(await freePort()),
      SMTP_SINK_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: '',
    };
    const first = await startPlatformProcess(env);
    let checkoutId: string;
    try {
      const api = createCheckoutClient({ baseUrl: `${first.baseUrl}/api/v1` });
      const journey = await buyCourse(api, { cardNumber: testCards.approved });
      checkoutId = journey.checkout.data!.id;
      await waitForOutcome(api, checkoutId);
      await waitUntil('the e-mail on the mail page', async () => {
        const page = await (await fetch(`${first.baseUrl}/dev/mail`)).text();
        return page.includes(journey.studentEmail) || undefined;
      });
      expect(await first.stop('SIGINT')).toBe(0);
    } finally {
      await first.stop(); // when the test failed before its own stop
    }

    const second = await startPlatformProcess(env);
    try {
      const again = createCheckoutClient({ baseUrl: `${second.baseUrl}/api/v1` });
      const { data } = await again.GET('/checkouts/{id}', { params: { path: { id: checkoutId } } });
      expect(data).toMatchObject({
        status: 'approved',
      });
      expect(await second.stop('SIGINT')).toBe(0);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('on Ctrl-C in the terminal mid-burst, drains before the embedded PostgreSQL stops: no 5xx', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'checkout-terminal-'));
    chmodSync(dataDir, 0o755);
    const sink = await startSmtpSink();
    const npm = await npmStartInTerminal({
      PORT: String(await freePort()),
      METRICS_PORT: '0', // any free one: suites run side by side
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SMTP_URL: sink.url,
    });
    try {
      const burst = startPurchaseBurst(npm.baseUrl, 20);
      await waitUntil('a third of the burst answered', () =>
        answeredRequests(burst.outcomes).length >= 20 ? true : undefined,
      );
      const pressedAt = Date.now();
      npm.pressCtrlC();
      await waitUntil('npm start to exit', () => npm.hasExited() || undefined, 30_000);
      await burst.accepted;

      const log = logLines(npm.output());
      expect(log.find((line) => line.msg === 'HTTP server drained')).toMatchObject({ cutOff: 0 });
      expect(log.find((line) => line.msg === 'stopped')).toBeDefined();
      expectOnlyRefusalsAfter(burst.outcomes, pressedAt);
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      npm.toGroup('SIGTERM');
      await sink.stop();
    }
  }, 180_000);
});
