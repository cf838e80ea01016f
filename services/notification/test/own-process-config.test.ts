import { repoRoot, startChild } from '@checkout/local-infra';
import { logLines, waitUntil } from '@checkout/test-kit';

describe('notification in its own process (Dapr mode)', () => {
  it('refuses an e-mail language it cannot write in one line, and exits 1 before starting anything', async () => {
    const service = startChild(
      'notification',
      process.execPath,
      ['--import', 'tsx', 'services/notification/src/main.ts'],
      // No sidecar listens here: a service that got past its config would wait for one.
      {
        cwd: repoRoot,
        env: { ...process.env, EMAIL_LANGUAGE: 'fr', PUBLIC_URL: 'https://cursos.example' },
        output: 'keep',
      },
    );
    await waitUntil('notification to exit', () => service.exitReason(), 30_000).finally(() =>
      service.stop(),
    );
    expect(await service.stop()).toBe(1);
    expect(logLines(service.output()).map((line) => line.msg)).toEqual([
      'notification could not start: Invalid configuration: EMAIL_LANGUAGE must be one of pt-BR, en, got "fr"',
    ]);
  }, 40_000);
});
