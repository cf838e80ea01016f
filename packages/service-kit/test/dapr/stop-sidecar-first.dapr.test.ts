import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@checkout/local-infra';
import { startDaprd, waitUntil, type DaprdProcess } from '@checkout/test-kit';
import { createHttpApp, createLogger } from '../../src';
import { stopSidecarFirst } from '../../src/dapr/stop-sidecar-first';

/** What the function logged, line by line, as pino writes it. */
const logged: { level: number; msg: string }[] = [];
const logger = createLogger('test', 'info', {
  write: (line: string) => void logged.push(JSON.parse(line) as { level: number; msg: string }),
});
const warnings = () => logged.filter((line) => line.level === 40).map((line) => line.msg);
let daprd: DaprdProcess;
let server: Server;

beforeAll(async () => {
  const appPort = await freePort();
  server = createHttpApp({
    logger: createLogger('app', 'silent'),
    service: 'test',
    routers: [],
    isReady: async () => true,
  }).listen(appPort);
  // No components: the hand-off is the sidecar's own, whatever it serves.
  const folder = mkdtempSync(join(tmpdir(), 'sidecar-first-'));
  daprd = await startDaprd({
    appId: 'sidecar-first-test',
    appPort,
    resourcesPath: folder,
    cwd: folder,
  });
}, 90_000);

afterAll(async () => {
  await daprd?.stop();
  server?.close();
});

beforeEach(() => {
  logged.length = 0;
});

describe('stopping the sidecar before the app drains (STOP_SIDECAR_FIRST)', () => {
  it('returns once the sidecar has stopped taking work for the app, and the sidecar exits', async () => {
    const startedAt = Date.now();
    await stopSidecarFirst({ httpPort: daprd.httpPort }, logger);

    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(warnings()).toEqual([]);
    expect(logged.map((line) => line.msg)).toContain(
      'the sidecar stopped taking work for this app',
    );
    const health = await fetch(`http://127.0.0.1:${daprd.httpPort}/v1.0/healthz`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect(health).not.toBe(204);
    await waitUntil('the sidecar to exit', () => daprd.exitReason(), 30_000);
  }, 60_000);

  it('warns and goes on at once when there is no sidecar to stop', async () => {
    const startedAt = Date.now();
    await stopSidecarFirst({ httpPort: await freePort() }, logger);

    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(warnings()).toEqual([
      'the sidecar did not take the shutdown request; draining without a hand-off',
    ]);
  });
});
