import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort } from '@checkout/local-infra';
import { startDaprd, type DaprdProcess } from '@checkout/test-kit';
import { ofKind, renderChart, type Manifest } from '../src';

/**
 * The chart's Dapr resources, as rendered for the cluster, loaded by the real daprd as the card
 * vault's sidecar. Only the secret store type differs: the Kubernetes store needs a cluster, so
 * the render swaps in the environment store (the chart's own `dapr.secretStoreType` setting).
 */
const manifests = renderChart('dev', ['--set', 'dapr.secretStoreType=secretstores.local.env']);
let daprd: DaprdProcess;
let app: Server;
let sidecar: string;

function writeResources(dir: string, resources: Manifest[]): void {
  mkdirSync(dir, { recursive: true });
  for (const resource of resources)
    writeFileSync(
      join(dir, `${resource.kind}-${resource.metadata.name}.yaml`),
      stringify(resource),
    );
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rendered-dapr-'));
  writeResources(join(dir, 'resources'), [
    ...ofKind(manifests, 'Component'),
    ...ofKind(manifests, 'Resiliency'),
  ]);
  const configuration = ofKind(manifests, 'Configuration').find((config) =>
    config.metadata.name.endsWith('-card-vault'),
  );
  writeFileSync(join(dir, 'config.yaml'), stringify(configuration));
  const appPort = await freePort();
  app = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]'),
  );
  app.listen(appPort);
  daprd = await startDaprd({
    appId: 'card-vault',
    appPort,
    resourcesPath: join(dir, 'resources'),
    config: join(dir, 'config.yaml'),
    cwd: dir,
    env: {
      'rabbitmq-url': process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
      'database-url': process.env.TEST_DATABASE_URL ?? '',
      'card-encryption-keys': `test-1:${Buffer.alloc(32, 7).toString('base64')}`,
      'smtp-url': 'smtp://127.0.0.1:1025',
    },
  });
  sidecar = `http://127.0.0.1:${daprd.httpPort}/v1.0`;
}, 90_000);

afterAll(async () => {
  await daprd?.stop();
  app?.close();
});

describe("the chart's Dapr resources in the real daprd", () => {
  it('loads every rendered component the card vault is scoped to', async () => {
    const metadata = (await (await fetch(`${sidecar}/metadata`)).json()) as {
      components: { name: string; type: string; version: string }[];
    };
    expect(metadata.components.map(({ name, type, version }) => ({ name, type, version }))).toEqual(
      expect.arrayContaining([
        { name: 'pubsub', type: 'pubsub.rabbitmq', version: 'v1' },
        { name: 'card-vault-state', type: 'state.postgresql', version: 'v2' },
        { name: 'secretstore', type: 'secretstores.local.env', version: 'v1' },
      ]),
    );
    expect(daprd.output()).toContain('Loading Resiliency configuration: checkout');
    expect(daprd.output()).not.toMatch(/level=(error|fatal)/);
  });

  it('publishes through the rendered pub/sub and stores state through the rendered state store', async () => {
    const published = await fetch(`${sidecar}/publish/pubsub/deployment-test.ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ping: true }),
    });
    expect(published.status).toBe(204);
    const saved = await fetch(`${sidecar}/state/card-vault-state`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { key: 'rendered', value: 'sealed', metadata: { ttlInSeconds: '60' } },
      ]),
    });
    expect(saved.status).toBe(204);
    expect(await (await fetch(`${sidecar}/state/card-vault-state/rendered`)).json()).toBe('sealed');
  });

  it("applies the card vault's own secret scopes from its rendered Configuration", async () => {
    expect((await fetch(`${sidecar}/secrets/secretstore/card-encryption-keys`)).status).toBe(200);
    expect((await fetch(`${sidecar}/secrets/secretstore/database-url`)).status).toBe(200);
    expect((await fetch(`${sidecar}/secrets/secretstore/smtp-url`)).status).toBe(403);
  });
});
