import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@checkout/local-infra';
import {
  apiClient,
  buyCourse,
  startPlatformProcess,
  testCards,
  waitForOutcome,
  waitUntil,
} from '@checkout/test-kit';

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
    const api = apiClient(first.baseUrl);
    const journey = await buyCourse(api, { cardNumber: testCards.approved });
    await waitForOutcome(api, journey.checkout.body.id);
    await waitUntil('the e-mail on the mail page', async () => {
      const page = await api.get('/dev/mail');
      return (page.body as string).includes(journey.studentEmail) || undefined;
    });
    expect(await first.stop('SIGINT')).toBe(0);

    const second = await startPlatformProcess(env);
    const again = apiClient(second.baseUrl);
    expect((await again.get(`/api/v1/checkouts/${journey.checkout.body.id}`)).body).toMatchObject({
      status: 'approved',
    });
    expect(await second.stop('SIGINT')).toBe(0);
  }, 120_000);
});
