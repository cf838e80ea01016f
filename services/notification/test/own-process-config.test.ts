import { join } from 'node:path';
import { logLines, spawnWatched, waitUntil } from '@checkout/test-kit';

const repoRoot = join(__dirname, '../../..');

describe('notification in its own process (Dapr mode)', () => {
  it('refuses an e-mail language it cannot write in one line, and exits 1 before starting anything', async () => {
    const service = spawnWatched(
      process.execPath,
      ['--import', 'tsx', 'services/notification/src/main.ts'],
      // No sidecar listens here: a service that got past its config would wait for one.
      { cwd: repoRoot, env: { EMAIL_LANGUAGE: 'fr', PUBLIC_URL: 'https://cursos.example' } },
    );
    await waitUntil('notification to exit', () => service.hasExited() || undefined, 30_000).finally(
      () => service.stop(),
    );
    expect(await service.stop()).toBe(1);
    expect(logLines(service.output()).map((line) => line.msg)).toEqual([
      'notification could not start: Invalid configuration: EMAIL_LANGUAGE must be one of pt-BR, en, got "fr"',
    ]);
  }, 40_000);
});
